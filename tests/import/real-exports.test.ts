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
const FIXTURES = path.resolve(__dirname, '../fixtures');
const ROOTS = [SHARED, ...(process.env.TWITCHSCOPE_SAMPLES ?? '').split(':').filter(Boolean)];
/** EDF and BDF files have their own real-file tests (tests/import/edf). */
const ELSEWHERE = /^edf\//;

function locate(rel: string): string | null {
  if (rel.startsWith('fixtures/')) return path.join(FIXTURES, rel.slice('fixtures/'.length));
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

function title(e: RealExport, file: string): string {
  return `${file}${e.options ? ' (with the user\'s corrections)' : ''}`;
}

/** Each entry once per path its bytes are kept at. */
const CASES = REAL_EXPORTS.flatMap((e) => [e.file, ...(e.copies ?? [])].map((file) => ({ e, file })));

describe('real exports: every file imports with asserted format, channels, rates, units, start and duration', () => {
  for (const { e, file: rel } of CASES) {
    const file = locate(rel);
    it.skipIf(file === null)(title(e, rel), async () => {
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
  for (const { e, file: rel } of CASES.filter((x) => !x.e.error)) {
    const file = locate(rel);
    it.skipIf(file === null)(title(e, rel), async () => {
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

/** Every data file under `dir`, as paths relative to it (notes, pictures and scripts left out). */
function dataFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(md|png|ya?ml|json|py|mjs)$/i.test(e.name)) files.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return files;
}

describe('real exports: the table covers every real file', () => {
  const listed = new Set(CASES.map((c) => c.file));
  it.skipIf(!fs.existsSync(SHARED))('every file in the shared samples folder has an entry', () => {
    expect(dataFiles(SHARED).filter((f) => !listed.has(f) && !ELSEWHERE.test(f))).toEqual([]);
  });
  it('every real fixture has an entry (files written from a layout are tested in layout-copies and documented-formats)', () => {
    expect(dataFiles(FIXTURES).filter((f) => !f.startsWith('layouts/') && !/\.(edf|bdf)$/i.test(f) && !listed.has(`fixtures/${f}`))).toEqual([]);
  });
});
