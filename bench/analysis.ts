/**
 * Analysis throughput: samples per second on one core for multi-channel EMG (with mains and heartbeat to
 * notch and reject) and for an accelerometer. Imported by `bench/run.ts`; also runs alone. Per-core speed
 * is measured in CPU time (process.cpuUsage), which a busy shared machine does not inflate the way it
 * inflates wall time; both are printed.
 */
import os from 'node:os';
import { analyzeRecording } from '../core/analysis/analyze';
import type { Recording } from '../core/recording';
import { simulate } from '../core/simulate/recording';
import { accelScenario, emgScenario } from '../core/simulate/scenarios';

const EMG_CHANNELS = 8;
const EMG_SECONDS = 300;
const ACCEL_SECONDS = 3600;
const RUNS = 3;

function loadAverage(): string {
  return os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(', ');
}

function samplesIn(rec: Recording): number {
  return rec.channels.reduce((s, c) => s + c.data.length, 0);
}

function measure(rec: Recording): { wallS: number; cpuS: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    analyzeRecording(rec);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e6);
    wall.push((performance.now() - t) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wallS: wall[wall.length >> 1], cpuS: cpu[cpu.length >> 1] };
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
    const { wallS, cpuS } = measure(rec);
    const perCpuSecond = n / cpuS;
    rows.push(
      `| ${name} | ${(n / 1e6).toFixed(2)} M | ${cpuS.toFixed(2)} s | ${wallS.toFixed(2)} s | ${(perCpuSecond / 1e6).toFixed(1)} M/s | ${((8 * 2000 * 3600) / perCpuSecond).toFixed(1)} s |`,
    );
  }
  console.log(
    [
      '',
      '## Analysis throughput (one core)',
      '',
      `Load average at start: ${loadAverage()}.`,
      '',
      `| recording | samples | CPU time (median of ${RUNS}) | wall time | samples per CPU-second | an hour of 8-channel 2 kHz EMG at this speed |`,
      '|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}

if (process.argv[1]?.endsWith('analysis.ts')) void run();
