import { describe, expect, it } from 'vitest';
import { simulate } from '../../core/simulate/recording';
import { genericCsv } from '../../core/simulate/csv';
import { encodeUtf8 } from '../../core/import/text';
import { Cancelled, InThreadClient } from '../../renderer/worker/client';
import type { OpenedFile } from '../../core/platform/api';

/** A simulated two-channel calf recording as the file the user opened, counting how often it is read. */
function fileOf(durationS: number) {
  const sim = simulate({
    name: 'client',
    description: 'in-thread client test',
    seed: 11,
    durationS,
    emg: {
      fs: 2000,
      channels: [
        { id: 'emg1', label: 'left calf EMG', noise: 5, twitchesPerMinute: 20, snr: [10, 25], doubletFraction: 0, cramps: [] },
        { id: 'emg2', label: 'right calf EMG', noise: 5, twitchesPerMinute: 10, snr: [10, 25], doubletFraction: 0, cramps: [] },
      ],
    },
  });
  const bytes = encodeUtf8(genericCsv(sim.recording.channels));
  const file = {
    reads: 0,
    name: 'calf.csv',
    size: bytes.length,
    key: 'test:calf.csv',
    read: async (offset: number, length: number) => {
      file.reads++;
      return bytes.slice(offset, offset + length);
    },
  };
  return { file: file as OpenedFile & { reads: number }, truth: sim.truth };
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
      expect(loaded.pyramids[ch.id].levels.length).toBeGreaterThan(3);
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
