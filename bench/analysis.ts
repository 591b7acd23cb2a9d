/**
 * Analysis throughput: samples per second on one core for multi-channel EMG (with mains and heartbeat to
 * notch and reject) and for an accelerometer. Imported by `bench/run.ts`; also runs alone.
 */
import { analyzeRecording } from '../core/analysis/analyze';
import type { Recording } from '../core/recording';
import { simulate } from '../core/simulate/recording';
import { accelScenario, emgScenario } from '../core/simulate/scenarios';

const EMG_CHANNELS = 8;
const EMG_SECONDS = 300;
const ACCEL_SECONDS = 3600;
const RUNS = 3;

function samplesIn(rec: Recording): number {
  return rec.channels.reduce((s, c) => s + c.data.length, 0);
}

function measure(rec: Recording): { bestS: number; medianS: number } {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    analyzeRecording(rec);
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  return { bestS: times[0], medianS: times[times.length >> 1] };
}

export async function run(): Promise<void> {
  const emg = simulate(emgScenario({ fs: 2000, seed: 7, durationS: EMG_SECONDS, channels: EMG_CHANNELS, confounders: ['mains', 'ecg', 'drift'] })).recording;
  const accel = simulate(accelScenario({ fs: 100, seed: 7, durationS: ACCEL_SECONDS })).recording;
  const rows: string[] = [];
  for (const [name, rec] of [
    [`EMG ${EMG_CHANNELS} ch x ${EMG_SECONDS / 60} min at 2 kHz, mains + ECG + drift`, emg],
    [`Accelerometer 3 axes x ${ACCEL_SECONDS / 60} min at 100 Hz, walking + rest`, accel],
  ] as const) {
    const n = samplesIn(rec);
    const { bestS, medianS } = measure(rec);
    const perSecond = n / medianS;
    const hourOf8x2k = (8 * 2000 * 3600) / perSecond;
    rows.push(
      `| ${name} | ${(n / 1e6).toFixed(2)} M | ${medianS.toFixed(2)} s (best ${bestS.toFixed(2)} s) | ${(perSecond / 1e6).toFixed(1)} M/s | ${hourOf8x2k.toFixed(1)} s |`,
    );
  }
  console.log(
    [
      '',
      '## Analysis throughput (one core)',
      '',
      '| recording | samples | analysis time (median of 3) | samples / s | an hour of 8-channel 2 kHz EMG at this rate |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}

if (process.argv[1]?.endsWith('analysis.ts')) void run();
