/**
 * A dated two-minute recording of three EMG channels for the "no rate" scenario of `4-library.e2e.mjs`: the left calf
 * is active throughout (one unit firing steadily at about 9 Hz, as in a light contraction), the right calf
 * rests with a few twitches, and the left forearm is too noisy to show typical twitches.
 *
 *   tsx tests/e2e/no-rate-recording.ts <out dir>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel } from '../../core/recording';
import { genericCsv } from '../../core/simulate/csv';
import { Prng } from '../../core/simulate/prng';
import { addPotential } from '../../core/simulate/shapes';

const FS = 2000;
const SECONDS = 120;
export const NO_RATE_FILE = 'active-calf.csv';

function channel(id: string, label: string, noise: number, seed: number, fill: (y: Float64Array) => void): Channel {
  const y = new Float64Array(FS * SECONDS);
  fill(y);
  const rng = new Prng(seed);
  const data = new Float32Array(y.length);
  for (let i = 0; i < y.length; i++) data[i] = y[i] + noise * rng.gaussian();
  return { id, label, kind: 'emg', unit: 'uV', sampleRateHz: FS, startS: 0, data };
}

const tonic = (y: Float64Array) => {
  const rng = new Prng(5);
  for (let t = 0.5; t < SECONDS - 0.5; t += Math.max(0.4, 1 + 0.15 * rng.gaussian()) / 9) addPotential(y, FS, t, 'triphasic', 0.003, 40);
};
const twitches = (y: Float64Array) => {
  for (const t of [7.2, 19.5, 33.1, 48.4, 61.9, 77.3, 90.6, 104.2]) addPotential(y, FS, t, 'biphasic', 0.003, 80);
};

const out = process.argv[2];
if (!out) throw new Error('usage: no-rate-recording.ts <out dir>');
const channels = [
  channel('emg1', 'left calf EMG', 3, 1, tonic),
  channel('emg2', 'right calf EMG', 3, 2, twitches),
  channel('emg3', 'left forearm EMG', 60, 3, twitches),
];
writeFileSync(join(out, NO_RATE_FILE), genericCsv(channels, { start_time: '2026-02-02T08:00:00' }));
console.log(NO_RATE_FILE);
