import { describe, expect, it } from 'vitest';
import { bytesSource, importRecording, ImportError, textSource, type ByteSource, type ImportOptions } from '../../core/import/index';

/** The ImportError a source raises; fails the test when it imports or throws anything else. */
async function failure(source: ByteSource, options?: ImportOptions): Promise<ImportError> {
  try {
    await importRecording(source, options);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error(`${source.name} imported without an error`);
}

/** Messages are one plain line for people: no stack frames, no "Error:" prefixes. */
function expectPlain(message: string): void {
  expect(message).not.toMatch(/\n|\bat .*\(|Error:/);
}

describe('import errors', () => {
  it('an empty file says it is empty', async () => {
    const e = await failure(textSource('empty.csv', ''));
    expect(e.message).toBe('empty.csv: the file is empty (choose the exported recording, not an empty file)');
    expectPlain(e.message);
  });

  it('a header without rows names the file and line 1', async () => {
    const e = await failure(textSource('header-only.csv', 'time_s,left calf EMG (uV)\n'));
    expect(e.file).toBe('header-only.csv');
    expect(e.line).toBe(1);
    expect(e.message).toBe(
      'header-only.csv:1: no rows of numbers found (TwitchScope reads delimited text exports (CSV, TSV, TXT) with one sample per line)',
    );
    expectPlain(e.message);
  });

  it('binary bytes are refused as not text', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const e = await failure(bytesSource('recording.bin', bytes));
    expect(e.message).toContain('recording.bin:1: this is not a text file');
    expect(e.hint).toContain('export the recording as text');
    expectPlain(e.message);
  });

  it('a table without time column or rate asks for --rate and names the header line', async () => {
    const e = await failure(textSource('no-rate.csv', 'left calf EMG (uV)\n1\n2\n3\n4\n5\n6\n'));
    expect(e.line).toBe(1);
    expect(e.message).toBe(
      'no-rate.csv:1: no sample rate: the file has no time column and states no rate (pass the rate with --rate HZ, or set it in the import check)',
    );
    expectPlain(e.message);
  });

  it('the header line it names is the real one when a preamble comes first', async () => {
    const e = await failure(textSource('no-rate-preamble.csv', '# made by hand\n\nleft calf EMG (uV)\n1\n2\n3\n4\n5\n'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('--rate');
  });

  it('a time column that no reading makes sense of names its cell and asks for --rate', async () => {
    const text = 'time,left calf EMG (uV)\n' + Array.from({ length: 8 }, (_, k) => `n/a,${k}`).join('\n') + '\n';
    const e = await failure(textSource('clock.csv', text));
    expect(e.line).toBe(2);
    expect(e.column).toBe(1);
    expect(e.message).toBe(
      'clock.csv:2:1: no sample rate: the time column "time" holds "n/a", which is not seconds, milliseconds, Unix time or an ISO date-time (pass the rate with --rate HZ, or set it in the import check)',
    );
    const rec = await importRecording(textSource('clock.csv', text), { rateHz: 1000 });
    expect(Array.from(rec.channels[0].data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('a time column of clock times without a date times the samples, across midnight', async () => {
    const times = ['23:59:59.996', '23:59:59.997', '23:59:59.998', '23:59:59.999', '00:00:00.000', '00:00:00.001', '00:00:00.002', '00:00:00.003'];
    const text = 'time,left calf EMG (uV)\n' + times.map((t, k) => `${t},${k}`).join('\n') + '\n';
    const rec = await importRecording(textSource('clock.csv', text));
    expect(rec.channels[0].sampleRateHz).toBeCloseTo(1000, 6);
    expect(Array.from(rec.channels[0].data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rec.startTime).toBeNull();
  });

  it('the same file imports once the rate is given', async () => {
    const rec = await importRecording(textSource('no-rate.csv', 'left calf EMG (uV)\n1\n2\n3\n4\n5\n6\n'), { rateHz: 100 });
    expect(rec.channels[0].sampleRateHz).toBe(100);
    expect(Array.from(rec.channels[0].data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('an unusable rate from the user is refused', async () => {
    const e = await failure(textSource('rate.csv', 'left calf EMG (uV)\n1\n2\n3\n4\n5\n'), { rateHz: -5 });
    expect(e.message).toContain('the sample rate -5 Hz is not usable');
  });

  it('a time column with a single repeated time cannot give a rate', async () => {
    const e = await failure(textSource('flat-time.csv', 'time_s,left calf EMG (uV)\n' + '0,1\n'.repeat(8)));
    expect(e.file).toBe('flat-time.csv');
    expect(e.column).toBe(1);
    expect(e.message).toContain('flat-time.csv: cannot work out the sample rate of "left calf EMG (uV)" from its time column');
    expect(e.message).toContain('--rate');
  });

  it('an unknown forced format points to the list of formats', async () => {
    const e = await failure(textSource('a.csv', 'time_s,EMG (uV)\n0,1\n'), { format: 'nope' });
    expect(e.message).toBe('a.csv: unknown format "nope" (run "twitchscope formats" for the list of ids)');
  });
});
