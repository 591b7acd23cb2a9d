import { Prng } from './prng';
import type { TruthEvent } from './truth';

export interface MainsHum {
  hz: 50 | 60;
  /** Fundamental amplitude, µV. */
  amplitude: number;
  /**
   * Harmonics up to the 25th whatever the sample rate, so those above Nyquist fold back (aliasing) as on
   * devices without a sharp anti-aliasing filter; otherwise only the 2nd, 3rd and 5th below Nyquist.
   */
  aliased?: boolean;
  /** The hum's amplitude drifts slowly between about 0.1 and 1.9 times its mean (a body moving near a cable). */
  modulated?: boolean;
}

export interface HeartLeak {
  /** R-wave amplitude (µV) and mean rate. */
  amplitude: number;
  bpm: number;
  /** `af`: atrial fibrillation, beat intervals irregularly irregular (CV about 0.2) with no P wave. */
  rhythm?: 'sinus' | 'af';
  /** Premature beats per minute: half atrial (normal shape, early), half ventricular (wide, large, other polarity). */
  ectopicPerMinute?: number;
}

/** P-QRS-T as a sum of Gaussians (McSharry et al. 2003 shape): offset (s), relative size, width (s). */
const BEAT_WAVES: ReadonlyArray<readonly [number, number, number]> = [
  [-0.16, 0.12, 0.025],
  [-0.025, -0.12, 0.008],
  [0, 1, 0.01],
  [0.025, -0.25, 0.009],
  [0.25, 0.3, 0.04],
];
/** A premature ventricular beat: no P, a wide QRS of the other polarity, a large discordant T. */
const VENTRICULAR_WAVES: ReadonlyArray<readonly [number, number, number]> = [
  [0, -1.5, 0.025],
  [0.05, 0.5, 0.02],
  [0.3, 0.5, 0.05],
];

/**
 * Heartbeat leaking into the EMG. Sinus rhythm varies a few percent beat to beat; atrial fibrillation draws
 * each interval log-normally (CV about 0.22, between 0.3 and 2 s) and drops the P wave.
 */
export function addEcg(y: Float64Array, fs: number, id: string, noise: number, e: HeartLeak, rng: Prng, truth: TruthEvent[]): void {
  const period = 60 / e.bpm;
  const af = e.rhythm === 'af';
  const normal = af ? BEAT_WAVES.filter(([, rel]) => rel !== 0.12) : BEAT_WAVES;
  const ectopicP = e.ectopicPerMinute ? (e.ectopicPerMinute * period) / 60 : 0;
  let lastNormal = 0;
  const durationS = y.length / fs;
  let t = rng.uniform(0.2, period);
  let ventricular = false;
  while (t < durationS) {
    addBeat(y, fs, t, e.amplitude, ventricular ? VENTRICULAR_WAVES : normal);
    truth.push({ channel: id, type: 'artifact', startS: t - 0.05, endS: t + 0.05, peakS: t, amplitude: e.amplitude, snr: e.amplitude / noise, reason: 'ecg' });
    const next = af ? Math.min(2, Math.max(0.3, period * Math.exp(0.22 * rng.gaussian() - 0.024))) : period * (1 + 0.03 * rng.gaussian());
    if (ventricular) {
      // After a ventricular beat the sinus beat it displaced is lost; the next one keeps its time (compensatory pause).
      t += next * 2 - (t - lastNormal);
      ventricular = false;
      continue;
    }
    lastNormal = t;
    const ectopic = ectopicP > 0 && rng.next() < ectopicP;
    ventricular = ectopic && rng.next() < 0.5;
    // A premature beat comes at 55-75 % of the interval.
    t += ectopic ? next * rng.uniform(0.55, 0.75) : next;
  }
}

function addBeat(y: Float64Array, fs: number, t: number, amplitude: number, waves: ReadonlyArray<readonly [number, number, number]>): void {
  for (const [at, rel, width] of waves) {
    const centre = t + at;
    for (let i = Math.max(0, Math.floor((centre - 4 * width) * fs)); i < Math.min(y.length, (centre + 4 * width) * fs); i++) {
      const u = (i / fs - centre) / width;
      y[i] += amplitude * rel * Math.exp(-0.5 * u * u);
    }
  }
}

const HARMONICS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [2, 0.05],
  [3, 0.3],
  [5, 0.15],
];

/** Odd harmonics fall off as 1/k from the 3rd's 0.3, even ones stay small (rectifier and switching loads). */
function aliasedHarmonics(): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [[1, 1]];
  for (let k = 2; k <= 25; k++) out.push([k, k % 2 === 1 ? 0.9 / k : 0.02]);
  return out;
}

/** Mains at 50/60 Hz with a slow ±0.1 Hz wander and harmonics; see `MainsHum` for the aliased and modulated kinds. */
export function addMains(y: Float64Array, fs: number, m: MainsHum, rng: Prng): void {
  const harmonics = m.aliased ? aliasedHarmonics() : HARMONICS;
  const phases = harmonics.map(() => rng.uniform(0, 2 * Math.PI));
  const wanderHz = rng.uniform(0.01, 0.05);
  const slow = m.modulated ? [rng.uniform(0.03, 0.2), rng.uniform(0.2, 0.6), rng.uniform(0, 2 * Math.PI), rng.uniform(0, 2 * Math.PI)] : null;
  const used = harmonics.filter(([k]) => m.aliased || k * m.hz < fs / 2);
  const rel = Float64Array.from(used, ([, r]) => r);
  const order = Float64Array.from(used, ([k]) => k);
  const phase0 = Float64Array.from(used, (_, h) => phases[harmonics.indexOf(used[h])]);
  let phase = 0;
  for (let i = 0; i < y.length; i++) {
    const t = i / fs;
    phase += (2 * Math.PI * (m.hz + 0.1 * Math.sin(2 * Math.PI * wanderHz * t))) / fs;
    const gain = slow ? Math.max(0.1, 1 + 0.6 * Math.sin(2 * Math.PI * slow[0] * t + slow[2]) + 0.3 * Math.sin(2 * Math.PI * slow[1] * t + slow[3])) : 1;
    for (let h = 0; h < rel.length; h++) y[i] += m.amplitude * gain * rel[h] * Math.sin(order[h] * phase + phase0[h]);
  }
}

export function addDrift(y: Float64Array, fs: number, d: { offset: number; amplitude: number }, rng: Prng): void {
  const parts = [0, 1, 2].map(() => ({ f: rng.uniform(0.03, 0.4), a: d.amplitude * rng.uniform(0.3, 1), p: rng.uniform(0, 2 * Math.PI) }));
  for (let i = 0; i < y.length; i++) {
    let v = d.offset;
    for (const q of parts) v += q.a * Math.sin(2 * Math.PI * q.f * (i / fs) + q.p);
    y[i] += v;
  }
}
