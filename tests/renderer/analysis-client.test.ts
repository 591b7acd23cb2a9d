import { describe, expect, it } from 'vitest';
import { simulate } from '../../core/simulate/recording';
import { genericCsv } from '../../core/simulate/csv';
import { encodeUtf8 } from '../../core/import/text';
import { Cancelled, InThreadClient } from '../../renderer/worker/client';
import type { OpenedFile } from '../../core/platform/api';
import { pyramidForTransfer } from '../../renderer/worker/engine';
import { buildPyramid } from '../../core/view/pyramid';
import { countingFile } from '../support/counting-file';

/** A simulated two-channel calf recording as the file the user opened, counting how often it is read. */
function fileOf(durationS: number, drift?: { offset: number; amplitude: number }) {
  const sim = simulate({
    name: 'client',
    description: 'in-thread client test',
    seed: 11,
    durationS,
    emg: {
      fs: 2000,
      channels: [
        { id: 'emg1', label: 'left calf EMG', noise: 5, twitchesPerMinute: 20, snr: [10, 25], doubletFraction: 0, cramps: [], confounders: { drift } },
        { id: 'emg2', label: 'right calf EMG', noise: 5, twitchesPerMinute: 10, snr: [10, 25], doubletFraction: 0, cramps: [] },
      ],
    },
  });
  return { file: countingFile('calf.csv', encodeUtf8(genericCsv(sim.recording.channels))), truth: sim.truth };
}

describe('in-thread analysis client', () => {
  it('imports with pyramids for every channel, analyses, and re-analyses without reading the file again', async () => {
    const { file, truth } = fileOf(60);
    const client = new InThreadClient();
    const stages: string[] = [];
    const loaded = await client.importFile(file, {}, (stage) => stages.push(stage));
    expect(loaded.recording.channels.map((c) => c.kind)).toEqual(['emg', 'emg']);
    for (const ch of loaded.recording.channels) {
      expect(loaded.pyramids[ch.id].data.length).toBe(ch.data.length);
      const levels = loaded.pyramids[ch.id].levels;
      expect(levels[0].bucket).toBe(64);
      expect(levels.length).toBeGreaterThan(1);
      expect(levels.at(-1)!.min.length).toBeLessThanOrEqual(256);
    }
    const readsAfterImport = file.reads;

    const first = await client.analyse({ sites: {}, params: {} }, (stage) => stages.push(stage));
    const twitches = (a: typeof first, id: string) => a.summary.channels.find((c) => c.channel === id)!.twitchCount;
    const truthCount = truth.events.filter((e) => e.type === 'twitch' && e.channel === 'emg1').length;
    expect(twitches(first, 'emg1')).toBeGreaterThanOrEqual(truthCount * 0.8);
    expect(first.channels.find((c) => c.id === 'emg1')!.site).toBe('left calf');

    const strict = await client.analyse({ sites: { emg1: 'left thigh' }, params: { sensitivity: 0 } }, () => undefined);
    expect(file.reads).toBe(readsAfterImport);
    expect(strict.channels.find((c) => c.id === 'emg1')!.site).toBe('left thigh');
    expect(twitches(strict, 'emg1')).toBeLessThanOrEqual(twitches(first, 'emg1'));
    expect(stages).toContain('import');
    expect(stages).toContain('analyse');

    const html = await client.reportHtml({ analysis: strict, answers: {}, software: { name: 'TwitchScope', version: 'test' }, generatedAt: '2026-01-01T00:00:00Z' });
    expect(html).toContain('calf.csv');
    expect(html).toMatch(/left thigh/i);
  });

  it("builds a channel's raw pyramid only when asked, from the recorded samples, without touching the filtered one", async () => {
    const { file } = fileOf(20, { offset: 300, amplitude: 20 });
    const client = new InThreadClient();
    const loaded = await client.importFile(file, {}, () => undefined);
    const ch = loaded.recording.channels[0];
    const filtered = loaded.pyramids[ch.id];
    expect(loaded.display[ch.id]).toMatch(/Hz/);
    const raw = await client.pyramid(ch.id, 'raw');
    expect(raw.data).toBe(ch.data);
    expect(raw.levels.length).toBe(filtered.levels.length);
    // The electrode offset the band-pass removes is there in the raw view.
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(raw.data)).toBeGreaterThan(250);
    expect(Math.abs(mean(filtered.data))).toBeLessThan(5);
    expect(loaded.pyramids[ch.id]).toBe(filtered);
    await expect(client.pyramid('nope', 'raw')).rejects.toThrow(/no channel "nope"/);
  });

  it("posts a pyramid of the worker's own samples as a copy (or shared memory as it is), and a built one by transfer", () => {
    const own = new Float32Array(5000).map((_, i) => Math.sin(i));
    const raw: ArrayBuffer[] = [];
    const sent = pyramidForTransfer(buildPyramid(own, 1000, 0), own, raw);
    expect(sent.data).not.toBe(own);
    expect(Array.from(sent.data)).toEqual(Array.from(own));
    expect(raw).not.toContain(own.buffer);
    expect(raw).toContain(sent.data.buffer);

    const shared = new Float32Array(new SharedArrayBuffer(4 * own.length));
    shared.set(own);
    const viaShared: ArrayBuffer[] = [];
    expect(pyramidForTransfer(buildPyramid(shared, 1000, 0), shared, viaShared).data).toBe(shared);
    expect(viaShared.every((b) => b instanceof ArrayBuffer)).toBe(true);

    const built = own.map((v) => 2 * v);
    const moved: ArrayBuffer[] = [];
    expect(pyramidForTransfer(buildPyramid(built, 1000, 0), own, moved).data).toBe(built);
    expect(moved).toContain(built.buffer);
  });

  it('reports an unreadable file in words, and a cancelled import as Cancelled', async () => {
    const client = new InThreadClient();
    const empty: OpenedFile = { name: 'empty.csv', size: 0, key: 'k', read: async () => new Uint8Array(0) };
    await expect(client.importFile(empty, {}, () => undefined)).rejects.toThrow(/empty/);

    const { file } = fileOf(30);
    const pending = client.importFile(file, {}, () => undefined);
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(Cancelled);
  });
});
