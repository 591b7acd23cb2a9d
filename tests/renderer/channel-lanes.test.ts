import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { inThreadLane, type ChannelLane } from '../../core/analysis/parallel';
import { resolveParams } from '../../core/detect/params';
import { genericCsv } from '../../core/simulate/csv';
import { encodeUtf8 } from '../../core/import/text';
import { simulate } from '../../core/simulate/recording';
import { emgScenario } from '../../core/simulate/scenarios';
import { PortLane, type TaskPort } from '../../renderer/worker/channel-lanes';
import { answerWorkerTask, type WorkerTask } from '../../renderer/worker/draw-channel';
import { Cancelled, InThreadClient } from '../../renderer/worker/client';
import { Engine } from '../../renderer/worker/engine';
import { countingFile } from '../support/counting-file';

/** A channel worker at the other end of a message channel: the messages and transfers a Web Worker gets. */
function channelWorker(): { port: TaskPort; served: () => number } {
  const { port1, port2 } = new MessageChannel();
  const lane = inThreadLane();
  let served = 0;
  port2.on('message', (t: WorkerTask) => {
    if (t.type !== 'release') served++;
    void answerWorkerTask(lane, t, (r, transfer) => port2.postMessage(r, transfer));
  });
  port1.unref();
  port2.unref();
  return { port: port1 as unknown as TaskPort, served: () => served };
}

/** Four EMG channels written as the CSV the user opened, counting its reads. */
function fileOf(seed: number, durationS: number) {
  const rec = simulate(emgScenario({ fs: 1000, seed, durationS, channels: 4, confounders: ['mains', 'motion'] })).recording;
  return countingFile('mixed.csv', encodeUtf8(genericCsv(rec.channels)));
}

describe("the app's analysis over channel workers", () => {
  it('gives the one-thread analysis bit for bit, with every channel worker taking jobs', async () => {
    const file = fileOf(7, 180);
    const serial = new InThreadClient();
    await serial.importFile(file, {}, () => undefined);
    const expected = await serial.analyse({ sites: {}, params: { sensitivity: 0.3 } }, () => undefined);

    const workers = [channelWorker(), channelWorker()];
    const lanes = workers.map((w) => new PortLane(w.port));
    const parallel = new InThreadClient(new Engine(() => lanes));
    await parallel.importFile(file, {}, () => undefined);
    const progress: number[] = [];
    expect(await parallel.analyse({ sites: {}, params: { sensitivity: 0.3 } }, (_s, f) => progress.push(f))).toEqual(expected);
    expect(workers.map((w) => w.served()).every((n) => n > 0)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('draws every channel (filtered signal and pyramid) on the channel workers as this thread would', async () => {
    const file = fileOf(9, 60);
    const here = await new InThreadClient().importFile(file, {}, () => undefined);
    const workers = [channelWorker(), channelWorker()];
    const lanes = workers.map((w) => new PortLane(w.port));
    const stages: string[] = [];
    const client = new InThreadClient(new Engine(() => lanes, () => lanes));
    const there = await client.importFile(file, {}, (stage, f) => stages.push(`${stage} ${f.toFixed(2)}`));
    expect(there.display).toEqual(here.display);
    for (const ch of here.recording.channels) {
      expect(there.pyramids[ch.id].data).toEqual(here.pyramids[ch.id].data);
      expect(there.pyramids[ch.id].levels).toEqual(here.pyramids[ch.id].levels);
    }
    expect(there.recording.channels.map((c) => c.data)).toEqual(here.recording.channels.map((c) => c.data));
    expect(workers.every((w) => w.served() > 0)).toBe(true);
    // Progress within each channel too (its spectrum, its filtered stretches), never going back.
    const display = stages.filter((s) => s.startsWith('display')).map((s) => Number(s.split(' ')[1]));
    expect(display.length).toBeGreaterThan(1 + 2 * here.recording.channels.length);
    expect(display.every((f, i) => i === 0 || f >= display[i - 1])).toBe(true);
    expect(stages.at(-1)).toBe('display 1.00');
    // The samples came home: the recording analyses as before.
    const serial = new InThreadClient();
    await serial.importFile(file, {}, () => undefined);
    expect(await client.analyse({ sites: {}, params: {} }, () => undefined)).toEqual(await serial.analyse({ sites: {}, params: {} }, () => undefined));
  });

  it('Cancel during analysis keeps the recording: the next Analyse reads nothing and gives the same result', async () => {
    const file = fileOf(8, 180);
    const lanes = [channelWorker(), channelWorker()].map((w) => new PortLane(w.port));
    const client = new InThreadClient(new Engine(() => lanes));
    await client.importFile(file, {}, () => undefined);
    const readsAfterImport = file.reads;
    const first = await client.analyse({ sites: {}, params: {} }, () => undefined);

    let cancelledAt = -1;
    const run = client.analyse({ sites: {}, params: { sensitivity: 0.8 } }, (_s, f) => {
      if (cancelledAt < 0 && f > 0.1) {
        cancelledAt = f;
        client.cancel();
      }
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(cancelledAt).toBeGreaterThan(0);
    expect(await client.analyse({ sites: {}, params: {} }, () => undefined)).toEqual(first);
    expect(file.reads).toBe(readsAfterImport);
  });

  it('a new sensitivity re-thresholds the kept conditioning: the full result at that sensitivity, nothing filtered again', async () => {
    const file = fileOf(5, 120);
    const reused: boolean[] = [];
    const lanes: ChannelLane[] = [channelWorker(), channelWorker()].map((w) => {
      const lane = new PortLane(w.port);
      return {
        run: (job, params, onProgress) => {
          if (job.kind === 'emg') reused.push(job.conditioning !== undefined);
          return lane.run(job, params, onProgress);
        },
        abort: () => lane.abort(),
        release: () => lane.release(),
      };
    });
    const client = new InThreadClient(new Engine(() => lanes));
    await client.importFile(file, {}, () => undefined);
    const fresh = async (params: Record<string, unknown>) => {
      const serial = new InThreadClient();
      await serial.importFile(file, {}, () => undefined);
      return serial.analyse({ sites: {}, params }, () => undefined);
    };
    await client.analyse({ sites: {}, params: {} }, () => undefined);
    expect(reused).toEqual([false, false, false, false]);

    reused.length = 0;
    const progress: number[] = [];
    expect(await client.analyse({ sites: {}, params: { sensitivity: 0.8 } }, (_s, f) => progress.push(f))).toEqual(await fresh({ sensitivity: 0.8 }));
    expect(reused).toEqual([true, true, true, true]);
    expect(progress.at(-1)).toBe(1);

    // Cancelled half-way, then asked again: the conditionings lent out came back and are used.
    reused.length = 0;
    let cancelled = false;
    const run = client.analyse({ sites: {}, params: { sensitivity: 0.2 } }, () => {
      if (!cancelled) client.cancel();
      cancelled = true;
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    reused.length = 0;
    expect(await client.analyse({ sites: {}, params: { sensitivity: 0.2 } }, () => undefined)).toEqual(await fresh({ sensitivity: 0.2 }));
    expect(reused).toEqual([true, true, true, true]);

    // Another band: filtered again.
    reused.length = 0;
    expect(await client.analyse({ sites: {}, params: { sensitivity: 0.2, 'emg.bandLowHz': 25 } }, () => undefined)).toEqual(await fresh({ sensitivity: 0.2, 'emg.bandLowHz': 25 }));
    expect(reused).toEqual([false, false, false, false]);
  });

  it('a lane hands back the samples of the jobs still waiting when Cancel comes', async () => {
    const { port } = channelWorker();
    const lane = new PortLane(port);
    const data = new Float32Array(4000).map((_, i) => Math.sin(i));
    const job = { kind: 'emg' as const, id: 'a', data, fs: 1000, startS: 0, unit: 'uV', movement: [] };
    const params = resolveParams({});
    const first = lane.run({ ...job, data: data.slice() }, params, () => undefined);
    const second = lane.run(job, params, () => undefined);
    lane.abort();
    const waited = await second;
    expect('error' in waited && waited.error.name).toBe('AbortError');
    expect(waited.arrays[0]).toBe(data);
    expect('result' in (await first)).toBe(true);
  });
});
