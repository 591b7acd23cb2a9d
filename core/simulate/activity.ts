import type { ActivityPattern } from '../detect/events';
import { Prng } from './prng';
import { addPotential, type PotentialShape } from './shapes';

const SHAPES: readonly PotentialShape[] = ['biphasic', 'triphasic'];

export interface SimulatedActivity {
  /** First and last discharge, seconds. */
  startS: number;
  endS: number;
  /** Mean firing rate of the units, or the tremor's burst rate, Hz. */
  rhythmHz: number;
}

/**
 * A muscle in use, added into `y`: `tonic` is 1-5 motor units firing regularly at 5-20 Hz (a light voluntary
 * contraction; voluntary discharge intervals vary with a CV of about 0.1-0.25, Moritz et al. 2005);
 * `contraction` is 4-12 units recruited over a ramp at 8-16 Hz with the same regularity, then derecruited;
 * `tremor` is bursts of 3-8 units firing together at 4-9 Hz (rest and essential tremor, 4-12 Hz; burst
 * intervals vary by a few percent). `noise` scales unit sizes (SNR 5-30).
 */
export function addActivity(y: Float64Array, fs: number, startS: number, durationS: number, pattern: ActivityPattern, noise: number, rng: Prng): SimulatedActivity {
  if (pattern === 'tremor') return addTremorBursts(y, fs, startS, durationS, noise, rng);
  const tonic = pattern === 'tonic';
  const units = tonic ? rng.int(1, 5) : rng.int(4, 12);
  const ramp = tonic ? 1 : rng.uniform(0.3, 1.5);
  let first = Infinity;
  let last = -Infinity;
  let rates = 0;
  for (let u = 0; u < units; u++) {
    const shape = rng.pick(SHAPES);
    const lambda = rng.uniform(0.0015, 0.005);
    const amp = noise * rng.logUniform(5, 30) * (rng.next() < 0.5 ? -1 : 1);
    const rate = tonic ? rng.uniform(5, 20) : rng.uniform(8, 16);
    const cv = rng.uniform(0.1, 0.25);
    rates += rate;
    const on = startS + ramp * rng.next();
    const off = startS + durationS - ramp * rng.next();
    for (let t = on; t < off; t += Math.max(0.4, 1 + cv * rng.gaussian()) / rate) {
      addPotential(y, fs, t, shape, lambda, amp * (1 + 0.05 * rng.gaussian()));
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
  }
  return { startS: first, endS: last, rhythmHz: rates / units };
}

function addTremorBursts(y: Float64Array, fs: number, startS: number, durationS: number, noise: number, rng: Prng): SimulatedActivity {
  const rate = rng.uniform(4, 9);
  const jitter = rng.uniform(0.03, 0.08);
  const units = Array.from({ length: rng.int(3, 8) }, () => ({
    shape: rng.pick(SHAPES),
    lambda: rng.uniform(0.0015, 0.005),
    amp: noise * rng.logUniform(5, 30) * (rng.next() < 0.5 ? -1 : 1),
  }));
  const width = rng.uniform(0.02, 0.06);
  let first = Infinity;
  let last = -Infinity;
  for (let t = startS; t < startS + durationS; t += (1 + jitter * rng.gaussian()) / rate) {
    const size = rng.uniform(0.6, 1.2);
    for (const u of units) {
      if (rng.next() < 0.2) continue;
      const at = t + width * rng.next();
      addPotential(y, fs, at, u.shape, u.lambda, u.amp * size);
      if (rng.next() < 0.3) addPotential(y, fs, at + rng.uniform(0.01, 0.02), u.shape, u.lambda, u.amp * size);
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
  }
  return { startS: first, endS: last, rhythmHz: rate };
}
