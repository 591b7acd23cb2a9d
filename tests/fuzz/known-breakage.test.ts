import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { bytesSource, importRecording, ImportError, textSource, type ImportOptions } from '../../core/import/index';
import type { Recording } from '../../core/recording';
import { genericSeed } from './corpus';

// Each broken file here has a known right answer: which samples survive, which error names which line.

const GOOD = genericSeed(400);
const LINES = GOOD.trimEnd().split('\n');
/** Line number (1-based) of data row k in GOOD: three lines of comments and header come first. */
const lineOf = (k: number) => k + 4;

function csv(mapRow: (cells: string[], k: number) => string[] | null, lines = LINES): string {
  const out = lines.slice(0, 3);
  lines.slice(3).forEach((l, k) => {
    const r = mapRow(l.split(','), k);
    if (r) out.push(r.join(','));
  });
  return out.join('\n') + '\n';
}

async function load(text: string, options?: ImportOptions): Promise<Recording> {
  return importRecording(textSource('calf.csv', text), options);
}

async function refusal(bytes: Uint8Array | string, options?: ImportOptions): Promise<ImportError> {
  const source = typeof bytes === 'string' ? textSource('calf.csv', bytes) : bytesSource('calf.csv', bytes);
  const e = await importRecording(source, options).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const emg = (r: Recording) => r.channels.find((c) => c.id === 'emg1')!.data;
const expected = LINES.slice(3).map((l) => Number(l.split(',')[1]));

describe('broken files with a known outcome', () => {
  it('reads the unbroken seed exactly, so the cases below measure only the damage', async () => {
    const r = await load(GOOD);
    expect(r.warnings).toEqual([]);
    expect(Array.from(emg(r))).toEqual(expected.map(Math.fround));
  });

  it('truncated mid-number: every complete row kept, the cut row read as far as it goes', async () => {
    const cut = GOOD.lastIndexOf('\n', GOOD.length - 2) + 8;
    const r = await load(GOOD.slice(0, cut));
    expect(emg(r).length).toBe(400);
    expect(Array.from(emg(r).subarray(0, 399))).toEqual(expected.slice(0, 399).map(Math.fround));
  });

  it('empty, whitespace-only, header-only and binary files are refused with what to do', async () => {
    expect((await refusal('')).message).toBe('calf.csv: the file is empty (choose the exported recording, not an empty file)');
    expect((await refusal('\n\n  \n')).message).toMatch(/^calf\.csv:1: no rows of numbers found/);
    expect((await refusal(LINES.slice(0, 3).join('\n') + '\n')).message).toMatch(/^calf\.csv:1: no rows of numbers found/);
    const png = Uint8Array.from({ length: 4096 }, (_, i) => (i < 8 ? [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10][i] : (i * 7919) % 256));
    expect((await refusal(png)).message).toMatch(/^calf\.csv:1: this is not a text file/);
  });

  it('cells written as NaN, Inf, -, n/a or 1e999 become gaps and one warning per column names the first', async () => {
    const bad = ['NaN', 'Inf', '-', 'n/a', '1e999', '-1e999', ''];
    const r = await load(csv((c, k) => (k % 50 === 10 ? [c[0], bad[(k / 50) | 0] ?? 'NaN', ...c.slice(2)] : c)));
    const d = emg(r);
    for (let k = 0; k < 400; k++) {
      if (k % 50 === 10) expect(d[k]).toBeNaN();
      else expect(d[k]).toBe(Math.fround(expected[k]));
    }
    const w = r.warnings.filter((x) => x.column === 2);
    expect(w.map((x) => x.line)).toContain(lineOf(10));
    expect(w.map((x) => x.message).join(' ')).toMatch(/6 missing or non-numeric cells in "left calf EMG \(uV\)" \(first: "NaN"\)/);
    expect(w.map((x) => x.message).join(' ')).toMatch(/2 values in "left calf EMG \(uV\)" too large to be a signal \(first: 1e309 or more\)/);
    expect(analyseRecording(r).summary.channels.every((s) => Number.isFinite(s.noiseFloor))).toBe(true);
  });

  it('values beyond float32 become gaps, never ±Infinity samples', async () => {
    const r = await load(csv((c, k) => (k === 5 ? [c[0], '4e38', ...c.slice(2)] : k === 6 ? [c[0], '-1e300', ...c.slice(2)] : c)));
    expect(emg(r)[5]).toBeNaN();
    expect(emg(r)[6]).toBeNaN();
    expect(emg(r)[7]).toBe(Math.fround(expected[7]));
    expect(r.warnings.find((w) => /too large/.test(w.message))).toMatchObject({ line: lineOf(5), column: 2 });
  });

  it('duplicated rows are reported and kept in order; swapped rows drop only the one that goes back', async () => {
    const dup = await load(csv((c, k) => c).replace(LINES[3 + 100] + '\n', `${LINES[3 + 100]}\n${LINES[3 + 100]}\n`));
    expect(dup.warnings.map((w) => w.message)).toContain('time column of "left calf EMG (uV)" repeats a time 1 time; samples are kept in file order');
    const swapped = LINES.slice();
    [swapped[3 + 200], swapped[3 + 201]] = [swapped[3 + 201], swapped[3 + 200]];
    const r = await load(swapped.join('\n') + '\n');
    expect(r.warnings.map((w) => w.message)).toContain('time column of "left calf EMG (uV)" goes backwards 1 time; those samples are dropped');
    // Later samples close ranks (within the grid's 1.5-interval tolerance): only row 200 is missing.
    expect(Array.from(emg(r))).toEqual(expected.filter((_, k) => k !== 200).map(Math.fround));
  });

  it('one corrupt time far ahead loses that sample only, not every sample after it', async () => {
    const r = await load(csv((c, k) => (k === 150 ? ['1000000000000', ...c.slice(1)] : c)));
    expect(Array.from(emg(r))).toEqual(expected.filter((_, k) => k !== 150).map(Math.fround));
    expect(r.channels[0].sampleRateHz).toBeCloseTo(2000, 6);
    expect(r.warnings.map((w) => w.message)).toEqual(['time column of "left calf EMG (uV)" goes backwards 1 time; those samples are dropped']);
  });

  it('a real jump of 31,700 years is refused at its line and column, without allocating the grid', async () => {
    const e = await refusal(csv((c, k) => (k >= 150 ? [String(1e12 + Number(c[0])), ...c.slice(1)] : c)));
    expect(e.line).toBe(lineOf(150));
    expect(e.column).toBe(1);
    expect(e.message).toMatch(/the time column jumps ahead by 3\.17e\+4 years/);
  });

  it('a 10-minute pause is kept as a gap of the right length', async () => {
    const r = await load(csv((c, k) => (k >= 150 ? [String(600 + Number(c[0])), ...c.slice(1)] : c)));
    const d = emg(r);
    expect(d.length).toBe(400 + 600 * 2000);
    expect(d[149]).toBe(Math.fround(expected[149]));
    expect(d[150 + 1_200_000]).toBe(Math.fround(expected[150]));
    expect(r.warnings.map((w) => w.message)).toContain('time column of "left calf EMG (uV)" has 1 gap (600.0 s in all); they are kept as gaps');
  });

  it('a pause that would cost gigabytes across a thousand columns is refused; across five it is kept', async () => {
    const table = (columns: number) => {
      const header = ['time_s', ...Array.from({ length: columns }, (_, c) => `emg ${c} (uV)`)].join(',');
      const rows = Array.from({ length: 40 }, (_, k) => [k < 20 ? k / 2000 : 100 + k / 2000, ...Array.from({ length: columns }, () => (k % 7) - 3)].join(','));
      return [header, ...rows].join('\n') + '\n';
    };
    const wide = await refusal(table(1000));
    expect(wide.message).toMatch(/^calf\.csv:22:1: the time column jumps ahead by 1 min 40 s/);
    const narrow = await load(table(5));
    expect(narrow.channels[0].data.length).toBe(20 + 100 * 2000 + 20);
  });

  it('absurd rates are refused whether typed, stated or implied by the time column', async () => {
    for (const rateHz of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      expect((await refusal(GOOD, { rateHz })).message).toMatch(/^calf\.csv: the sample rate .* Hz is not usable/);
    }
    const noTime = csv((c) => c.slice(1), [LINES[0], LINES[1], LINES[2].replace('time_s,', ''), ...LINES.slice(3)]);
    for (const stated of ['1e300', '1e-300']) {
      const e = await refusal(noTime.replace('# rate_hz = 2000', `# rate_hz = ${stated}`));
      expect(e.message).toMatch(/^calf\.csv: the sample rate of "left calf EMG \(uV\)" works out at .* Hz, which no recording has/);
      expect(e.column).toBe(1);
    }
    const nanoseconds = await refusal(csv((c) => [String(Number(c[0]) * 1e-9), ...c.slice(1)]));
    expect(nanoseconds.message).toMatch(/works out at 2\.00e\+12 Hz/);
  });

  it('a channel too slow for EMG says so instead of counting twitches over empty rest', async () => {
    const r = await load(csv((c) => c.slice(0, 2)), { rateHz: 10 });
    const s = analyseRecording(r).summary.channels[0];
    expect(s.restS).toBe(0);
    expect(s.notes[0]).toMatch(/too slowly for muscle signals/);
  });

  it('0 channels (time only) is a clear error; 1 channel imports', async () => {
    const e = await refusal(csv((c) => c.slice(0, 1), ['# rate_hz = 2000', '#', 'time_s', ...LINES.slice(3).map((l) => l.split(',')[0])]));
    expect(e.message).toMatch(/^calf\.csv/);
    const one = await load(csv((c) => c.slice(0, 2), ['# rate_hz = 2000', '#', 'time_s,left calf EMG (uV)', ...LINES.slice(3)]));
    expect(one.channels.map((c) => c.id)).toEqual(['emg1']);
  });

  it('semicolons with decimal commas read the same samples, also where some cells kept a point', async () => {
    const rows = LINES.slice(3).map((l, k) => l.split(',').map((v) => (k % 3 === 0 ? v : v.replace('.', ','))).join(';'));
    const r = await load([LINES[0], LINES[1], LINES[2].replace(/,/g, ';'), ...rows].join('\n') + '\n');
    expect(r.warnings).toEqual([]);
    expect(Array.from(emg(r))).toEqual(expected.map(Math.fround));
  });

  it('dropped cells in some rows become gaps, extra cells are ignored', async () => {
    const r = await load(csv((c, k) => (k === 20 ? c.slice(0, 1) : k === 21 ? [...c, '7', '8', '9'] : c)));
    expect(emg(r)[20]).toBeNaN();
    expect(emg(r)[21]).toBe(Math.fround(expected[21]));
  });

  it('UTF-16 (with and without BOM, either byte order) reads the same samples as UTF-8', async () => {
    for (const [le, bom] of [[true, true], [false, true], [true, false], [false, false]]) {
      const units = Array.from(GOOD, (ch) => ch.charCodeAt(0));
      const bytes = new Uint8Array((bom ? 2 : 0) + units.length * 2);
      let o = 0;
      if (bom) {
        bytes[o++] = le ? 0xff : 0xfe;
        bytes[o++] = le ? 0xfe : 0xff;
      }
      for (const u of units) {
        bytes[o++] = le ? u & 0xff : u >> 8;
        bytes[o++] = le ? u >> 8 : u & 0xff;
      }
      const r = await importRecording(bytesSource('calf.csv', bytes));
      expect(Array.from(emg(r))).toEqual(expected.map(Math.fround));
    }
  });

  it('a forced format the file does not match is refused, not a TypeError', async () => {
    for (const format of ['shimmer-consensys', 'movesense', 'polar-sensor-logger', 'openbci-gui-legacy']) {
      const e = await refusal('   \n', { format });
      expect(e.message).toMatch(/^calf\.csv/);
    }
  });
});
