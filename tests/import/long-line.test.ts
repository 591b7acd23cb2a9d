// A line of many megabytes after the head (issue 13, defect 7): the importer once copied the unfinished line
// again with every 1 MiB chunk, so 64 MB took seconds and 1 GB minutes. A data line past 1 MiB is damage:
// the import stops there with a message naming the line, having read little more than that line.
import { describe, expect, it } from 'vitest';
import { importRecording, ImportError, type ByteSource } from '../../core/import/index';
import { DECIMAL_NUMBER } from '../../core/import/numbers';

const enc = new TextEncoder();

/** A generic CSV: `rows` good rows, then one line of `longBytes` bytes made of `fill`, then more rows. */
function fileWithLongLine(rows: number, longBytes: number, fill: string, encoding: 'utf-8' | 'utf-16le' = 'utf-8'): { source: ByteSource; reads: () => number; longLine: number } {
  const head = ['# rate_hz = 1000', 'time_s,left calf EMG (uV)'];
  for (let i = 0; i < rows; i++) head.push(`${(i / 1000).toFixed(3)},${(i % 7) - 3}`);
  const before = enc.encode(head.join('\n') + '\n');
  const tail = enc.encode('\n' + Array.from({ length: 1000 }, (_, i) => `${((rows + 1 + i) / 1000).toFixed(3)},1`).join('\n') + '\n');
  const fillByte = fill.charCodeAt(0);
  let bytes = new Uint8Array(before.length + longBytes + tail.length);
  bytes.set(before, 0);
  bytes.fill(fillByte, before.length, before.length + longBytes);
  bytes.set(tail, before.length + longBytes);
  if (encoding === 'utf-16le') {
    const wide = new Uint8Array(2 + bytes.length * 2);
    wide[0] = 0xff;
    wide[1] = 0xfe;
    for (let i = 0; i < bytes.length; i++) wide[2 + 2 * i] = bytes[i];
    bytes = wide;
  }
  let read = 0;
  const source: ByteSource = {
    name: 'long-line.csv',
    size: bytes.length,
    read: async (offset, length) => {
      const part = bytes.subarray(offset, Math.min(bytes.length, offset + length));
      read += part.length;
      return part;
    },
  };
  return { source, reads: () => read, longLine: head.length + 1 };
}

async function failure(source: ByteSource): Promise<ImportError> {
  try {
    await importRecording(source);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error(`${source.name} imported without an error`);
}

describe('a very long line after the head', () => {
  for (const [what, fill] of [['digits', '7'], ['text', 'x'], ['delimiters', ',']] as const) {
    it(`of ${what}: a clear error naming the line, after reading about that line only`, async () => {
      const { source, reads, longLine } = fileWithLongLine(2000, 16 << 20, fill);
      const e = await failure(source);
      expect(e.line).toBe(longLine);
      expect(e.message).toMatch(new RegExp(`^long-line\\.csv:${longLine}: line ${longLine} is over 1 MB long`));
      expect(reads()).toBeLessThan(4 << 20);
    });
  }

  it('just over the limit, ending wherever the 1 MiB chunks fall, gets the same answer', async () => {
    for (const rows of [10, 20_000, 40_000, 60_000]) {
      const { source, longLine } = fileWithLongLine(rows, (1 << 20) + 4096, '7');
      const e = await failure(source);
      expect(e.line).toBe(longLine);
      expect(e.message).toMatch(new RegExp(`^long-line\\.csv:${longLine}: line ${longLine} is over 1 MB long`));
    }
  });

  it('that is an unclosed quote says so', async () => {
    const { source, longLine } = fileWithLongLine(2000, 3 << 20, '"');
    const e = await failure(source);
    expect(e.line).toBe(longLine);
    expect(e.message).toMatch(/quote/);
  });

  it('in UTF-16 too', async () => {
    const { source, longLine } = fileWithLongLine(2000, 3 << 20, '7', 'utf-16le');
    const e = await failure(source);
    expect(e.line).toBe(longLine);
  });

  it('a long cell of digits spoiled by one letter is a gap, read in one pass', async () => {
    // The number pattern once backtracked over every way to split the digits: this file took minutes.
    const rows = Array.from({ length: 500 }, (_, i) => `${(i / 1000).toFixed(3)},1`);
    const bytes = enc.encode(['time_s,left calf EMG (uV)', ...rows, `0.500,${'7'.repeat(500_000)}x`, '0.501,3', ''].join('\n'));
    const rec = await importRecording({ name: 'digits.csv', size: bytes.length, read: async (o, l) => bytes.subarray(o, o + l) });
    expect(Array.from(rec.channels[0].data.subarray(498))).toEqual([1, 1, NaN, 3]);
  });

  it('numbers are read as before by the one-pass pattern', () => {
    const written = ['1', '-3276.8', '+2E+5', '1e-3', '.5', '7.', '0.000', '12e', '1.2.3', 'e5', '.', '-', '', '1,5', '--1', '.e1', '5.e-2'];
    expect(written.filter((t) => DECIMAL_NUMBER.test(t))).toEqual(['1', '-3276.8', '+2E+5', '1e-3', '.5', '7.', '0.000', '5.e-2']);
  });

  it('a long line that is still a row (a wide table) is read', async () => {
    const cells = Array.from({ length: 5000 }, (_, i) => `c${i} EMG (uV)`);
    const lines = [`time_s,${cells.join(',')}`, ...Array.from({ length: 50 }, (_, r) => `${r / 1000},${cells.map((_c, i) => (i + r) % 9).join(',')}`)];
    const bytes = enc.encode(lines.join('\n') + '\n');
    const rec = await importRecording({ name: 'wide.csv', size: bytes.length, read: async (o, l) => bytes.subarray(o, o + l) });
    expect(rec.channels.length).toBeGreaterThan(100);
  });
});
