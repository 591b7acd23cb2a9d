import { describe, expect, it } from 'vitest';
import { bytesSource, importRecording, ImportError } from '../../core/import/index';
import { fullFixture, genericSeed } from './corpus';
import { runCase } from './outcome';

// The few expensive shapes, once each. Time limits are generous (about 10× what they take here): they catch
// a hang or quadratic work, not a slow machine. Speed itself is measured in `npm run bench`.
const MB = 1 << 20;
const enc = new TextEncoder();

function within(ms: number, bytes: number): void {
  expect(ms).toBeLessThan(5000 * (bytes / (10 * MB)) + 1000);
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T | unknown; ms: number }> {
  const t0 = performance.now();
  const value = await f().catch((e: unknown) => e);
  return { value, ms: performance.now() - t0 };
}

describe('very large and very long inputs', () => {
  it('a 10 MB file that is one line of numbers ends in a clear error naming line 1, quickly', async () => {
    const line = enc.encode('1.5,'.repeat((10 * MB) / 4));
    const { value, ms } = await timed(() => importRecording(bytesSource('one-line.csv', line)));
    expect(value).toBeInstanceOf(ImportError);
    expect((value as ImportError).message).toMatch(/^one-line\.csv:1: line 1 is over 128 KB long/);
    within(ms, line.length);
  });

  it('a 10 MB single line of text after a valid header ends in a result or a clear error, quickly', async () => {
    const bytes = enc.encode(genericSeed(100) + 'x'.repeat(10 * MB) + '\n' + genericSeed(100).split('\n').slice(4).join('\n'));
    const t0 = performance.now();
    const out = await runCase('long-line.csv', bytes, {}, false);
    within(performance.now() - t0, bytes.length);
    if (out.kind === 'imported') expect(out.warnings).toBeGreaterThan(0);
  });

  it('a header label of 1 MB is refused at its line', async () => {
    const rows = genericSeed(2000).split('\n');
    const bytes = enc.encode([...rows.slice(0, 2), `${rows[2]},${'very long label '.repeat(65536)}(uV)`, ...rows.slice(3)].join('\n'));
    const { value, ms } = await timed(() => importRecording(bytesSource('long-label.csv', bytes)));
    expect((value as ImportError).message).toMatch(/^long-label\.csv:3: line 3 is over 128 KB long/);
    within(ms, bytes.length);
  });

  it('a header of 5,000 columns the rows never reach imports the columns the rows hold', async () => {
    const rows = genericSeed(2000).split('\n');
    const bytes = enc.encode([...rows.slice(0, 2), `${rows[2]}${Array.from({ length: 5000 }, (_, i) => `,emg ${i} (uV)`).join('')}`, ...rows.slice(3)].join('\n'));
    const t0 = performance.now();
    const rec = await importRecording(bytesSource('wide.csv', bytes));
    within(performance.now() - t0, bytes.length);
    expect(rec.channels.map((c) => c.id)).toEqual(['emg1', 'acc1.x', 'acc1.y', 'acc1.z']);
    expect(rec.warnings).toEqual([{ message: 'the header names 5000 columns past the end of every row: left out', line: 3 }]);
  });

  it('rows that fill only some of 300 named columns give eleven warnings, not three hundred', async () => {
    const rows = genericSeed(200).split('\n');
    const header = `${rows[2]}${Array.from({ length: 300 }, (_, i) => `,emg ${i} (uV)`).join('')}`;
    const body = rows.slice(3).map((r, k) => (k === 0 ? `${r}${',1'.repeat(300)}` : r));
    const rec = await importRecording(bytesSource('ragged.csv', enc.encode([...rows.slice(0, 2), header, ...body].join('\n'))));
    expect(rec.channels).toHaveLength(304);
    // Ten about missing cells, and one naming the channels left without a signal (their one value each).
    expect(rec.warnings).toHaveLength(11);
    expect(rec.warnings).toContainEqual({ message: '291 more columns have missing or non-numeric cells (57909 in all); analysis skips them as gaps', line: 5 });
    expect(rec.warnings.find((w) => w.message.startsWith('no signal in these 300 channels'))?.message).toMatch(/"emg 11 \(uV\)" \(constant at 1\) and 288 more\. Mark/);
  });

  it('a UTF-16 file whose CR LF straddles the 1 MiB chunk edge names the same line as its UTF-8 twin', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${(i >= 50_000 ? 1e12 : 0) + i / 1000},${i % 7}`);
    const body = 'time_s,calf EMG (uV)\r\n' + rows.join('\r\n') + '\r\n';
    // Pad the first line so that the last character of the first chunk (after the BOM) is a CR.
    const text = [...Array(80).keys()].map((k) => `# ${'p'.repeat(k)}\r\n${body}`).find((t) => t[MB / 2 - 1] === '\r')!;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const lineOf = async (bytes: Uint8Array) => ((await importRecording(bytesSource('edge.csv', bytes)).catch((e: unknown) => e)) as ImportError).line;
    expect(await lineOf(enc.encode(text))).toBe(50_003);
    expect(await lineOf(utf16)).toBe(50_003);
  });

  it('a full real export re-encoded as UTF-16 reads the same samples as the original', async () => {
    const seed = fullFixture('openbci-gui-raw/OpenBCI_GUI-v6-blinks-jawClench-alpha.txt');
    const text = new TextDecoder().decode(seed.bytes);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      utf16[2 + 2 * i] = c & 0xff;
      utf16[3 + 2 * i] = c >> 8;
    }
    const original = await importRecording(bytesSource(seed.name, seed.bytes));
    const t0 = performance.now();
    const wide = await importRecording(bytesSource(seed.name, utf16));
    within(performance.now() - t0, utf16.length);
    expect(wide.channels.map((c) => c.id)).toEqual(original.channels.map((c) => c.id));
    for (let k = 0; k < original.channels.length; k++) expect(wide.channels[k].data).toEqual(original.channels[k].data);
  });
});
