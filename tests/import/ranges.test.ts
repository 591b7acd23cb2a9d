import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, importRecording, type ImportOptions } from '../../core/import/index';
import { scanRange, type RangeLane } from '../../core/import/ranges';
import type { Recording } from '../../core/recording';
import { caseArbitrary, caseBytes } from '../fuzz/cases';
import { genericSeed, headOf, loadSeeds } from '../fuzz/corpus';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Lanes that scan in this thread, with the task and its result cloned as a worker's messages would be;
 * `share` false stands for a worker that cannot write into shared memory, whose ranges come back whole.
 */
function lanesOver(bytes: Uint8Array, count: number, share: boolean): RangeLane[] {
  const source = bytesSource('range', bytes);
  return Array.from({ length: count }, () => ({
    scan: async (task, onBytes) => {
      const { slot, ...unshared } = task;
      return structuredClone(await scanRange(source, structuredClone(share ? task : unshared), onBytes));
    },
    abort: () => undefined,
  }));
}

type Outcome = { recording: Recording } | { error: string };

async function outcome(read: () => Promise<Recording>): Promise<Outcome> {
  try {
    return { recording: await read() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** The file read by one scanner, and in `parts` ranges of at least one byte each: they must agree exactly. */
async function expectSameInRanges(name: string, bytes: Uint8Array, parts: number, options: ImportOptions = {}): Promise<void> {
  const serial = await outcome(() => importRecording(bytesSource(name, bytes), options));
  for (const share of [true, false]) {
    const ranged = await outcome(() => importRecording(bytesSource(name, bytes), options, { lanes: lanesOver(bytes, parts, share), minRangeBytes: 1 }));
    expect(ranged).toEqual(serial);
  }
}

function dataFiles(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) return dataFiles(p);
    return /\.(md|mjs|ts|json)$/.test(f) ? [] : [p];
  });
}

/** A generic table with what makes line counting and joining hard: every line end, blank lines, bad cells. */
function awkwardTable(eol: string): Uint8Array {
  const lines = genericSeed(400).trimEnd().split('\n');
  const out = lines.map((l, i) => {
    if (i < 3) return l;
    if (i % 37 === 0) return '';
    if (i % 41 === 0) return ' ,  , ';
    if (i % 43 === 0) return l.replace(/,[^,]*$/, ',n/a');
    if (i % 47 === 0) return l.replace(/,([^,]*),/, ',1e39,');
    if (i % 53 === 0) return l.replace(/^[^,]*/, '');
    if (i % 59 === 0) return l.replace(/^[^,]*/, '0.0001');
    return l;
  });
  return new TextEncoder().encode(out.join(eol));
}

describe('a large file read in byte ranges at once', () => {
  it('gives exactly what one scanner gives, for every fixture and sample, however many ranges', async () => {
    const files = [...dataFiles(path.join(ROOT, 'tests/fixtures')), ...dataFiles(path.join(ROOT, 'samples'))];
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      // The first 64 KB hold hundreds of lines: enough for any split, in seconds for all the files.
      const bytes = headOf(new Uint8Array(fs.readFileSync(file)), 64 * 1024);
      for (const parts of [2, 29]) await expectSameInRanges(path.basename(file), bytes, parts);
    }
  });

  it('counts lines and places problems alike with LF, CR LF and CR line ends, blank lines and bad cells', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const bytes = awkwardTable(eol);
      const serial = await importRecording(bytesSource('awkward.csv', bytes));
      // The table's problems are reported by line: a wrong line count in any range would show here.
      expect(serial.warnings.filter((w) => w.line !== undefined).length).toBeGreaterThanOrEqual(2);
      for (const parts of [2, 3, 5, 16, 97, 400]) await expectSameInRanges('awkward.csv', bytes, parts);
    }
  });

  it('falls back to one scanner when a quoted field runs over a line end', async () => {
    const text = 'time_s,emg (uV),note\n' + Array.from({ length: 300 }, (_, i) => `${(i / 1000).toFixed(3)},${(i % 7) - 3},${i === 150 ? '"two\nlines"' : 'x'}`).join('\n') + '\n';
    const bytes = new TextEncoder().encode(text);
    for (const parts of [2, 4, 9]) await expectSameInRanges('quoted.csv', bytes, parts, { rateHz: 1000 });
  });

  it('reads clock times of day that pass midnight with one scanner, and an ISO zone from the first range', async () => {
    const clock = (i: number): string => {
      const s = 86_400 - 2 + i / 100;
      const h = Math.floor(s / 3600) % 24;
      const m = Math.floor((s % 3600) / 60);
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${(s % 60).toFixed(2).padStart(5, '0')}`;
    };
    const night = ['clock,emg (uV)', ...Array.from({ length: 400 }, (_, i) => `${clock(i)},${(i % 9) - 4}`)].join('\n') + '\n';
    const serial = await importRecording(bytesSource('night.csv', new TextEncoder().encode(night)));
    expect(serial.durationS).toBeCloseTo(4, 1);
    for (const parts of [2, 7]) await expectSameInRanges('night.csv', new TextEncoder().encode(night), parts);
    const iso = ['time,emg (uV)', ...Array.from({ length: 400 }, (_, i) => `2024-03-01T10:00:${(i / 100).toFixed(2).padStart(5, '0')}+01:00,${(i % 9) - 4}`)].join('\n') + '\n';
    const zoned = await importRecording(bytesSource('zoned.csv', new TextEncoder().encode(iso)));
    expect(zoned.startTime).toBe('2024-03-01T10:00:00.000+01:00');
    for (const parts of [2, 7]) await expectSameInRanges('zoned.csv', new TextEncoder().encode(iso), parts);
  });

  it('names a line too long to be a row as one scanner names it', async () => {
    const rows = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => `${((from + i) / 1000).toFixed(3)},${(i % 9) - 4}`);
    const text = ['time_s,emg (uV)', ...rows(0, 2000), `9.999,${'7'.repeat(3 * 2 ** 20)}`, ...rows(2000, 2000)].join('\n') + '\n';
    const bytes = new TextEncoder().encode(text);
    const serial = await outcome(() => importRecording(bytesSource('long-line.csv', bytes)));
    expect(serial).toMatchObject({ error: expect.stringMatching(/line 2002 is over 1 MB long/) });
    for (const parts of [2, 3, 6]) await expectSameInRanges('long-line.csv', bytes, parts);
  });

  it('300 damaged files read alike in ranges and whole', async () => {
    const seeds = loadSeeds(4096);
    await fc.assert(
      fc.asyncProperty(caseArbitrary(seeds.length, ['csv', 'openbci-gui', 'opensignals']), fc.integer({ min: 2, max: 40 }), async (c, parts) => {
        const { name, bytes, options } = caseBytes(c, seeds);
        await expectSameInRanges(name, bytes, parts, options);
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});
