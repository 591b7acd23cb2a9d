// Samples read into shared memory (ImportOptions.sharedSamples): a batch's worker thread hands such a recording
// to the main thread as it is. The samples must be the same, bit for bit, as those read into memory of the
// thread's own, and a column longer than the size estimated up front must still be read whole.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, importRecording, textSource } from '../../core/import/index';
import type { Recording } from '../../core/recording';

const sample = (name: string) => bytesSource(name, new Uint8Array(fs.readFileSync(path.join(__dirname, '../../samples', name))));

function expectSameSamples(a: Recording, b: Recording): void {
  expect(b.channels.map((c) => c.id)).toEqual(a.channels.map((c) => c.id));
  a.channels.forEach((c, i) => {
    const d = b.channels[i].data;
    expect(d.length).toBe(c.data.length);
    expect(Buffer.from(d.buffer, d.byteOffset, d.byteLength).equals(Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength))).toBe(true);
  });
}

describe('samples read into shared memory', () => {
  it('holds every channel of a bundled sample in shared memory, with the same samples and the same recording otherwise', async () => {
    for (const name of ['calf-rest-emg.csv', 'forearm-wrist-accel.csv']) {
      const own = await importRecording(sample(name));
      const shared = await importRecording(sample(name), { sharedSamples: true });
      expect(shared.channels.every((c) => c.data.buffer instanceof SharedArrayBuffer)).toBe(true);
      expect(own.channels.some((c) => c.data.buffer instanceof SharedArrayBuffer)).toBe(false);
      expectSameSamples(own, shared);
      const strip = (r: Recording) => ({ ...r, channels: r.channels.map((c) => ({ ...c, data: null })) });
      expect(strip(shared)).toEqual(strip(own));
    }
  });

  it('reads a column on past its estimated size, in memory of its own, when the middle of the file has shorter lines', async () => {
    // Long lines at the head and the tail, from which the row count is estimated; short ones between.
    const rows: string[] = ['# rate_hz = 1000', 'emg (uV)'];
    const long = (i: number) => `${((i % 13) - 6) / 1000}`.padEnd(40, '0');
    for (let i = 0; i < 2000; i++) rows.push(long(i));
    for (let i = 0; i < 60_000; i++) rows.push(String((i % 9) - 4));
    for (let i = 0; i < 2000; i++) rows.push(long(i));
    const text = rows.join('\n') + '\n';
    const own = await importRecording(textSource('short-middle.csv', text));
    const shared = await importRecording(textSource('short-middle.csv', text), { sharedSamples: true });
    expect(own.channels[0].data.length).toBe(64_000);
    expect(shared.channels[0].data.buffer instanceof SharedArrayBuffer).toBe(false);
    expectSameSamples(own, shared);
  });
});
