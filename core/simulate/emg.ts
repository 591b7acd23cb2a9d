import type { ActivityPattern } from '../detect/events';
import { addActivity } from './activity';
import { addDrift, addEcg, addMains, type HeartLeak, type MainsHum } from './interference';
import type { TruthEvent } from './truth';
import { Prng } from './prng';
import { addPotential, peakOffset, type PotentialShape } from './shapes';

export interface EmgConfounders {
  /** Mains hum: fundamental amplitude (µV), with harmonics and a slow ±0.1 Hz wander. */
  mains?: MainsHum;
  /** DC offset and slow baseline wander, µV. */
  drift?: { offset: number; amplitude: number };
  /** Heartbeat leaking into the EMG: R-wave amplitude (µV), rate and rhythm. */
  ecg?: HeartLeak;
  /** Low-frequency motion artifacts per minute, amplitude range (µV). */
  motion?: { perMinute: number; amplitude: [number, number] };
  /** Amplifier saturation episodes per minute; the rail sits at ±rail µV. */
  clipping?: { perMinute: number; rail: number };
  /** Fraction of empty cells, and longer gaps per minute. */
  missing?: { cellFraction: number; gapsPerMinute: number };
}

export interface EmgSimOptions {
  id: string;
  fs: number;
  durationS: number;
  seed: number;
  /** White noise σ, µV. */
  noise: number;
  twitchesPerMinute: number;
  /** Twitch SNR range (peak / noise σ), drawn log-uniform. */
  snr: [number, number];
  /** Share of twitches that are doublets. */
  doubletFraction: number;
  /** Cramp-like episodes: start and length in seconds. */
  cramps: Array<{ startS: number; durationS: number }>;
  /** Voluntary activity or tremor: start, length and pattern. */
  activity?: Array<{ startS: number; durationS: number; pattern: ActivityPattern }>;
  confounders?: EmgConfounders;
}

export interface SimulatedEmg {
  data: Float32Array;
  truth: TruthEvent[];
  /** Clipping rail, when simulated. */
  range?: { min: number; max: number };
}

const SHAPES: readonly PotentialShape[] = ['biphasic', 'triphasic'];
const CRAMP_GUARD_S = 1.5;
const ARTIFACT_GUARD_S = 0.6;
const TWITCH_SPACING_S = 0.5;

/** A surface EMG channel with known twitches, cramps and confounders. */
export function simulateEmg(o: EmgSimOptions): SimulatedEmg {
  const rng = new Prng(o.seed);
  const n = Math.round(o.durationS * o.fs);
  const y = new Float64Array(n);
  const truth: TruthEvent[] = [];
  const busy: Array<[number, number]> = [];
  const c = o.confounders ?? {};

  for (const cr of o.cramps) {
    addCramp(y, o.fs, cr.startS, cr.durationS, o.noise, rng);
    truth.push({ channel: o.id, type: 'sustained', startS: cr.startS, endS: cr.startS + cr.durationS, peakS: cr.startS + cr.durationS / 2, amplitude: 0, snr: 0 });
    busy.push([cr.startS - CRAMP_GUARD_S, cr.startS + cr.durationS + CRAMP_GUARD_S]);
  }
  for (const a of o.activity ?? []) {
    const span = addActivity(y, o.fs, a.startS, a.durationS, a.pattern, o.noise, rng);
    truth.push({ channel: o.id, type: 'activity', pattern: a.pattern, startS: span.startS, endS: span.endS, peakS: span.startS, amplitude: 0, snr: 0, rhythmHz: span.rhythmHz });
    busy.push([span.startS - CRAMP_GUARD_S, span.endS + CRAMP_GUARD_S]);
  }
  const artifacts: TruthEvent[] = [];
  if (c.motion) addMotion(y, o, c.motion, rng, artifacts);
  const rail = c.clipping?.rail;
  if (c.clipping) addSaturation(o, c.clipping, rng, artifacts);
  const gaps: Array<[number, number]> = [];
  if (c.missing && c.missing.gapsPerMinute > 0) {
    for (let t = rng.exponential(c.missing.gapsPerMinute / 60); t < o.durationS - 3; t += rng.exponential(c.missing.gapsPerMinute / 60)) {
      const len = rng.uniform(0.5, 3);
      gaps.push([t, t + len]);
      artifacts.push({ channel: o.id, type: 'artifact', startS: t, endS: t + len, peakS: t, amplitude: 0, snr: 0, reason: 'gap' });
      t += len;
    }
  }
  for (const a of artifacts) busy.push([a.startS - ARTIFACT_GUARD_S, a.endS + ARTIFACT_GUARD_S]);
  const isBusy = (t: number): boolean => t < 0.5 || t > o.durationS - 0.5 || busy.some(([a, b]) => t >= a && t <= b);

  let last = -Infinity;
  for (let t = rng.exponential(o.twitchesPerMinute / 60); t < o.durationS; t += rng.exponential(o.twitchesPerMinute / 60)) {
    if (isBusy(t) || t - last < TWITCH_SPACING_S) continue;
    last = t;
    const shape = rng.pick(SHAPES);
    const lambda = rng.uniform(0.0015, 0.005);
    const sign = rng.next() < 0.5 ? -1 : 1;
    const snr = rng.logUniform(o.snr[0], o.snr[1]);
    const amp = snr * o.noise;
    addPotential(y, o.fs, t, shape, lambda, sign * amp);
    const peak = t + peakOffset(shape, lambda);
    let end = t + 3 * lambda;
    let multiplet: number | undefined;
    if (rng.next() < o.doubletFraction) {
      const isi = rng.uniform(0.015, 0.06);
      addPotential(y, o.fs, t + isi, shape, lambda, sign * amp * rng.uniform(0.6, 1));
      end += isi;
      multiplet = 2;
      last = t + isi;
    }
    truth.push({ channel: o.id, type: 'twitch', startS: t - 3 * lambda, endS: end, peakS: peak, amplitude: amp, snr, ...(multiplet ? { multiplet } : {}) });
  }

  if (c.ecg) addEcg(y, o.fs, o.id, o.noise, c.ecg, rng, truth);
  if (c.mains) addMains(y, o.fs, c.mains, rng);
  if (c.drift) addDrift(y, o.fs, c.drift, rng);
  for (let i = 0; i < n; i++) y[i] += o.noise * rng.gaussian();

  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = y[i];
  if (rail !== undefined) {
    for (let i = 0; i < n; i++) data[i] = Math.max(-rail, Math.min(rail, data[i]));
    for (const a of artifacts) {
      if (a.reason !== 'clipping') continue;
      const level = a.amplitude > 0 ? rail : -rail;
      for (let i = Math.round(a.startS * o.fs); i < Math.round(a.endS * o.fs); i++) data[i] = level;
    }
  }
  if (c.missing) {
    for (let i = 0; i < n; i++) if (rng.next() < c.missing.cellFraction) data[i] = Number.NaN;
    for (const [a, b] of gaps) data.fill(Number.NaN, Math.round(a * o.fs), Math.round(b * o.fs));
  }
  truth.push(...artifacts);
  truth.sort((a, b) => a.startS - b.startS);
  return { data, truth, ...(rail !== undefined ? { range: { min: -rail, max: rail } } : {}) };
}

/**
 * Cramp-like episode: 20-40 motor units recruited over a ramp, each firing at 15-40 Hz with irregular
 * intervals (ISI CV about 0.3; cramp discharge is irregular, Minetto et al. 2009), then derecruited.
 */
function addCramp(y: Float64Array, fs: number, startS: number, durationS: number, noise: number, rng: Prng): void {
  const units = rng.int(20, 40);
  const ramp = Math.min(durationS / 3, rng.uniform(0.5, 1.5));
  for (let u = 0; u < units; u++) {
    const shape = rng.pick(SHAPES);
    const lambda = rng.uniform(0.0015, 0.005);
    const amp = noise * rng.logUniform(3, 15) * (rng.next() < 0.5 ? -1 : 1);
    const rate = rng.uniform(15, 40);
    const on = startS + ramp * rng.next();
    const off = startS + durationS - ramp * rng.next();
    for (let t = on; t < off; t += Math.max(0.01, (1 + 0.3 * rng.gaussian()) / rate)) addPotential(y, fs, t, shape, lambda, amp);
  }
}

function addMotion(y: Float64Array, o: EmgSimOptions, m: NonNullable<EmgConfounders['motion']>, rng: Prng, out: TruthEvent[]): void {
  for (let t = rng.exponential(m.perMinute / 60) + 1; t < o.durationS - 2; t += rng.exponential(m.perMinute / 60) + 1) {
    const amp = rng.uniform(m.amplitude[0], m.amplitude[1]) * (rng.next() < 0.5 ? -1 : 1);
    let start: number;
    let end: number;
    if (rng.next() < 0.5) {
      // A broad bump: the limb shifts and the skin under the electrodes stretches.
      const width = rng.uniform(0.04, 0.15);
      for (let i = Math.max(0, Math.floor((t - 4 * width) * o.fs)); i < Math.min(y.length, (t + 4 * width) * o.fs); i++) {
        const u = (i / o.fs - t) / width;
        y[i] += amp * Math.exp(-0.5 * u * u);
      }
      start = t - 3 * width;
      end = t + 3 * width;
    } else {
      // An electrode shift: a fast step that relaxes over a few hundred ms.
      const tau = rng.uniform(0.1, 0.3);
      const rise = 0.005;
      for (let i = Math.floor(t * o.fs); i < Math.min(y.length, (t + 6 * tau) * o.fs); i++) {
        const s = i / o.fs - t;
        y[i] += amp * Math.min(1, s / rise) * Math.exp(-Math.max(0, s - rise) / tau);
      }
      start = t;
      end = t + 3 * tau;
    }
    out.push({ channel: o.id, type: 'artifact', startS: start, endS: end, peakS: t, amplitude: Math.abs(amp), snr: Math.abs(amp) / o.noise, reason: 'motion' });
    t = end;
  }
}

function addSaturation(o: EmgSimOptions, c: NonNullable<EmgConfounders['clipping']>, rng: Prng, out: TruthEvent[]): void {
  for (let t = rng.exponential(c.perMinute / 60) + 1; t < o.durationS - 2; t += rng.exponential(c.perMinute / 60) + 1) {
    const len = rng.uniform(0.05, 0.4);
    const up = rng.next() < 0.5;
    out.push({ channel: o.id, type: 'artifact', startS: t, endS: t + len, peakS: t, amplitude: up ? c.rail : -c.rail, snr: 0, reason: 'clipping' });
    t += len;
  }
}
