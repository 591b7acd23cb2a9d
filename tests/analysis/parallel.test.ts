import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { analyseInParallel, inThreadLane } from '../../core/analysis/parallel';
import type { Recording } from '../../core/recording';
import { genericCsv } from '../../core/simulate/csv';
import { simulate } from '../../core/simulate/recording';
import { accelScenario, emgScenario } from '../../core/simulate/scenarios';
import { readRecording } from '../../cli/read-recording';
import { RecordingThreads } from '../../cli/thread-lanes';

/** EMG beside an accelerometer, so the EMG phase depends on the accelerometer's movement. */
function mixed(seed: number, durationS = 240): Recording {
  const emg = emgScenario({ fs: 1000, seed, durationS, channels: 3, confounders: ['mains', 'ecg', 'motion'] });
  return simulate({ ...emg, accel: accelScenario({ fs: 100, seed, durationS }).accel }).recording;
}

const samplesOf = (rec: Recording) => rec.channels.map((c) => Array.from(c.data.subarray(0, 50)).concat(c.data.length));

describe('analysis spread over lanes', () => {
  it('gives the analysis of one thread, bit for bit, on one to four lanes', async () => {
    const rec = mixed(3);
    const serial = analyseRecording(rec);
    expect(serial.events.some((e) => e.type === 'movement')).toBe(true);
    expect(serial.summary.channels.some((c) => c.notes.some((n) => /accelerometer showed movement/.test(n)))).toBe(true);
    for (const n of [1, 2, 4]) {
      const progress: number[] = [];
      const parallel = await analyseInParallel(rec, { onProgress: (f) => progress.push(f) }, Array.from({ length: n }, () => inThreadLane()));
      expect(parallel).toEqual(serial);
      expect(progress.at(-1)).toBe(1);
      expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    }
  });

  it('on worker threads, moves the samples there and back without losing any', async () => {
    const rec = mixed(4, 120);
    const before = samplesOf(rec);
    const serial = analyseRecording(rec);
    const threads = new RecordingThreads(3);
    try {
      expect(await analyseInParallel(rec, { params: { sensitivity: 0.7 } }, threads.lanes)).toEqual(analyseRecording(rec, { params: { sensitivity: 0.7 } }));
      expect(await analyseInParallel(rec, {}, threads.lanes)).toEqual(serial);
    } finally {
      await threads.close();
    }
    expect(samplesOf(rec)).toEqual(before);
  });

  it('Cancel stops every lane at its next checkpoint and the recording keeps its samples', async () => {
    const rec = mixed(5, 120);
    const before = samplesOf(rec);
    const threads = new RecordingThreads(3);
    const signal = { aborted: false };
    try {
      const run = analyseInParallel(rec, { signal, onProgress: (f) => (signal.aborted ||= f > 0.2) }, threads.lanes);
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      // The threads serve the next analysis as before.
      expect(await analyseInParallel(rec, {}, threads.lanes)).toEqual(analyseRecording(rec));
    } finally {
      await threads.close();
    }
    expect(samplesOf(rec)).toEqual(before);
  });

  it('reads a large file in ranges on the threads into the same recording as one thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-threads-'));
    const file = path.join(dir, 'long.csv');
    const { recording } = simulate(emgScenario({ fs: 2000, seed: 6, durationS: 200, channels: 3, confounders: ['missing', 'clipping'] }));
    fs.writeFileSync(file, genericCsv(recording.channels));
    expect(fs.statSync(file).size).toBeGreaterThan(9e6);
    const serial = await readRecording(file, { columns: {}, quiet: true }, false);
    const threads = new RecordingThreads(3);
    try {
      const ranged = await readRecording(file, { columns: {}, quiet: true }, false, threads);
      expect(ranged.channels[0].data.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(ranged).toEqual(serial);
    } finally {
      await threads.close();
    }
  });
});
