/**
 * Analysis throughput: samples per second on one core for multi-channel EMG (with mains and heartbeat to
 * notch and reject) and for an accelerometer. Imported by `bench/run.ts`; also runs alone. Per-core speed
 * is measured in CPU time (process.cpuUsage), which a busy shared machine does not inflate the way it
 * inflates wall time; both are printed. The EMG case is also split by stage of `detectEmg`, read from the
 * progress it reports at the end of each stage.
 */
import os from 'node:os';
import { analyseRecording } from '../core/analysis/analyse';
import { EMG_STAGE_ENDS } from '../core/detect/emg';
import { WorkspaceKeeper } from '../core/detect/workspace';
import type { Recording } from '../core/recording';
import { simulate } from '../core/simulate/recording';
import { accelScenario, emgScenario } from '../core/simulate/scenarios';

const EMG_CHANNELS = 8;
const EMG_SECONDS = 300;
const ACCEL_SECONDS = 3600;
const RUNS = 5;

function loadAverage(): string {
  return os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(', ');
}

function samplesIn(rec: Recording): number {
  return rec.channels.reduce((s, c) => s + c.data.length, 0);
}

interface Measured {
  wallS: number;
  cpuS: number;
  /** CPU seconds of the first run, which also pays for compiling the code. */
  coldCpuS: number;
  /** CPU seconds per stage, summed over channels, in the median run. */
  stages: Map<string, number>;
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Runs the analysis `RUNS` times from cold (the app analyses a file once, so the first run counts) and
 * keeps the run with the median CPU time. V8 compiles hot functions on other threads when it sees fit,
 * which lands a one-off 20-130 ms on whichever run is current; the median of five is not swayed by it,
 * and the cold run is printed beside it. With `channels` equal EMG channels, progress p lies at
 * p * channels = channel index + stage end.
 */
function measure(rec: Recording, channels: number): Measured {
  // The app keeps its working memory between analyses of one recording; so does the bench between runs.
  const workspaces = new WorkspaceKeeper();
  const runs: Omit<Measured, 'coldCpuS'>[] = [];
  const stageAt = new Map<number, string>(Object.entries(EMG_STAGE_ENDS).map(([name, end]) => [end, name]));
  for (let r = 0; r < RUNS; r++) {
    const stages = new Map<string, number>();
    const t = performance.now();
    const start = cpuSeconds();
    let last = start;
    const workspace = workspaces.take();
    analyseRecording(rec, {
      workspace,
      onProgress: (p) => {
        const now = cpuSeconds();
        const within = Math.round((p * channels - Math.floor(p * channels - 1e-9)) * 1000) / 1000;
        const name = stageAt.get(within) ?? 'other';
        stages.set(name, (stages.get(name) ?? 0) + now - last);
        last = now;
      },
    });
    workspaces.keep(workspace);
    runs.push({ cpuS: cpuSeconds() - start, wallS: (performance.now() - t) / 1000, stages });
  }
  const coldCpuS = runs[0].cpuS;
  runs.sort((a, b) => a.cpuS - b.cpuS);
  return { ...runs[runs.length >> 1], coldCpuS };
}

export async function run(): Promise<void> {
  const emg = simulate(emgScenario({ fs: 2000, seed: 7, durationS: EMG_SECONDS, channels: EMG_CHANNELS, confounders: ['mains', 'ecg', 'drift'] })).recording;
  const accel = simulate(accelScenario({ fs: 100, seed: 7, durationS: ACCEL_SECONDS })).recording;
  const rows: string[] = [];
  let emgStages = new Map<string, number>();
  for (const [name, rec, channels] of [
    [`EMG ${EMG_CHANNELS} ch x ${EMG_SECONDS / 60} min at 2 kHz, mains + ECG + drift`, emg, EMG_CHANNELS],
    [`Accelerometer 3 axes x ${ACCEL_SECONDS / 60} min at 100 Hz, walking + rest`, accel, 1],
  ] as const) {
    const n = samplesIn(rec);
    const { wallS, cpuS, coldCpuS, stages } = measure(rec, channels);
    if (rec === emg) emgStages = stages;
    const perCpuSecond = n / cpuS;
    rows.push(
      `| ${name} | ${(n / 1e6).toFixed(2)} M | ${cpuS.toFixed(2)} s | ${wallS.toFixed(2)} s | ${(perCpuSecond / 1e6).toFixed(1)} M/s | ${(n / coldCpuS / 1e6).toFixed(1)} M/s | ${((8 * 2000 * 3600) / perCpuSecond).toFixed(1)} s |`,
    );
  }
  console.log(
    [
      '',
      '## Analysis throughput (one core)',
      '',
      `Load average at start: ${loadAverage()}.`,
      '',
      `| recording | samples | CPU time (median of ${RUNS}) | wall time | samples per CPU-second | first run, from cold | an hour of 8-channel 2 kHz EMG at this speed |`,
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `EMG case by stage (CPU time of that run, all ${EMG_CHANNELS} channels):`,
      '',
      '| stage | CPU time | share |',
      '|---|---|---|',
      ...[...emgStages].map(([stage, s]) => `| ${stage} | ${s.toFixed(3)} s | ${((100 * s) / [...emgStages.values()].reduce((a, b) => a + b, 0)).toFixed(0)} % |`),
    ].join('\n'),
  );
}

if (process.argv[1]?.endsWith('analysis.ts')) void run();
