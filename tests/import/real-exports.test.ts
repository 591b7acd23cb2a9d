import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, importRecording, type ImportOptions } from '../../core/import';
import type { Channel, Recording } from '../../core/recording';
import { REAL_EXPORTS, type RealExport } from './real-exports';

/**
 * Every real export in the shared samples folder imports as its table says, and reads the same whether its
 * format is detected or forced. CI has shared/ beside the clone; TWITCHSCOPE_SAMPLES may add folders
 * (separated by ":") holding more files under the same relative paths, e.g. a scout's raw copies.
 */
const SHARED = path.resolve(__dirname, '../../../shared/samples');
const ROOTS = [SHARED, ...(process.env.TWITCHSCOPE_SAMPLES ?? '').split(':').filter(Boolean)];
/** EDF and BDF files have their own real-file tests (tests/import/edf). */
const ELSEWHERE = /^edf\//;

function locate(rel: string): string | null {
  for (const root of ROOTS) {
    const p = path.join(root, rel);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

function read(file: string, options?: ImportOptions): Promise<Recording> {
  return importRecording(bytesSource(path.basename(file), new Uint8Array(fs.readFileSync(file))), options);
}

function signature(c: Channel): string {
  return `${c.id} ${c.kind} ${c.unit} ${Number(c.sampleRateHz.toPrecision(5))} ${c.data.length}${c.dead ? ` dead:${c.dead.reason}` : ''}`;
}

/** What two readings of one file must share: kinds, units, rates, lengths and the samples themselves. */
function content(rec: Recording) {
  return rec.channels.map((c) => ({ kind: c.kind, unit: c.unit, rate: c.sampleRateHz, n: c.data.length, first: c.data[0], last: c.data[c.data.length - 1], dead: c.dead?.reason }));
}

function title(e: RealExport): string {
  return `${e.file}${e.options ? ' (with the user\'s corrections)' : ''}`;
}

describe('real exports: every file imports with asserted format, channels, rates, units, start and duration', () => {
  for (const e of REAL_EXPORTS) {
    const file = locate(e.file);
    it.skipIf(file === null)(title(e), async () => {
      if (e.error) {
        await expect(read(file!, e.options)).rejects.toThrow(e.error);
        return;
      }
      const rec = await read(file!, e.options);
      expect(rec.format).toBe(e.format);
      expect(rec.channels.map(signature)).toEqual(e.channels);
      expect(rec.startTime).toBe(e.start);
      if (rec.startTime !== null) expect(Number.isNaN(Date.parse(rec.startTime))).toBe(false);
      expect(rec.durationS).toBeCloseTo(e.durationS!, 2);
    });
  }
});

describe('real exports: the detected format and the same format forced read the same', () => {
  for (const e of REAL_EXPORTS.filter((x) => !x.error)) {
    const file = locate(e.file);
    it.skipIf(file === null)(title(e), async () => {
      const detected = await read(file!, e.options);
      const forced = await read(file!, { ...e.options, format: e.format });
      expect(forced.channels.map(signature)).toEqual(detected.channels.map(signature));
      expect(content(forced)).toEqual(content(detected));
      for (const other of e.also ?? []) {
        const again = await read(file!, { ...e.options, format: other });
        expect(content(again), `read as ${other}`).toEqual(content(detected));
      }
    });
  }
});

describe('real exports: the table covers the shared samples', () => {
  it.skipIf(!fs.existsSync(SHARED))('every file in the shared samples folder has an entry', () => {
    const listed = new Set(REAL_EXPORTS.map((e) => e.file));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) walk(p);
        else if (!/\.(md|png|ya?ml|json|py)$/i.test(d.name)) files.push(path.relative(SHARED, p).split(path.sep).join('/'));
      }
    };
    walk(SHARED);
    expect(files.filter((f) => !listed.has(f) && !ELSEWHERE.test(f))).toEqual([]);
  });
});
