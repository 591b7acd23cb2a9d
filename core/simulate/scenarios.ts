import type { ActivityPattern } from '../detect/events';
import type { EmgConfounders } from './emg';
import { Prng } from './prng';
import type { AccelSensorSpec, SimulationSpec } from './recording';

/** The confounders of the "all confounders" conditions. */
export const EMG_CONFOUNDERS = ['mains', 'drift', 'ecg', 'motion', 'clipping', 'missing'] as const;
/**
 * Harder kinds, each a condition of its own: hum folding back from above Nyquist, hum that waxes and wanes,
 * atrial fibrillation, and a sinus rhythm with premature (ectopic) beats.
 */
export const HARD_CONFOUNDERS = ['aliased-mains', 'modulated-mains', 'af-ecg', 'ectopic-ecg'] as const;
export type EmgConfounder = (typeof EMG_CONFOUNDERS)[number] | (typeof HARD_CONFOUNDERS)[number];

/** Confounders at levels seen in surface EMG at rest, drawn per seed (mains 50 or 60 Hz, heart rate...). */
export function drawConfounders(which: readonly EmgConfounder[], rng: Prng, noise: number): EmgConfounders {
  const c: EmgConfounders = {};
  for (const w of which) {
    if (w === 'mains') c.mains = { hz: rng.pick([50, 60] as const), amplitude: rng.uniform(5, 15) * noise };
    if (w === 'drift') c.drift = { offset: rng.uniform(-2000, 2000), amplitude: rng.uniform(100, 500) };
    if (w === 'ecg') c.ecg = { amplitude: rng.uniform(10, 25) * noise, bpm: rng.uniform(55, 90) };
    if (w === 'motion') c.motion = { perMinute: rng.uniform(1, 3), amplitude: [300, 3000] };
    if (w === 'clipping') c.clipping = { perMinute: rng.uniform(0.5, 1.5), rail: 6000 };
    if (w === 'missing') c.missing = { cellFraction: 0.002, gapsPerMinute: 0.5 };
    if (w === 'aliased-mains') c.mains = { hz: rng.pick([50, 60] as const), amplitude: rng.uniform(10, 50) * noise, aliased: true };
    if (w === 'modulated-mains') c.mains = c.mains ? { ...c.mains, modulated: true } : { hz: rng.pick([50, 60] as const), amplitude: rng.uniform(10, 50) * noise, modulated: true };
    if (w === 'af-ecg') c.ecg = { amplitude: rng.uniform(10, 25) * noise, bpm: rng.uniform(70, 110), rhythm: 'af' };
    if (w === 'ectopic-ecg') c.ecg = { amplitude: rng.uniform(10, 25) * noise, bpm: rng.uniform(55, 90), ectopicPerMinute: rng.uniform(2, 6) };
  }
  return c;
}

export interface EmgScenario {
  fs: number;
  seed: number;
  durationS: number;
  channels: number;
  confounders: readonly EmgConfounder[];
  /** Two spans of this activity per channel, 20-60 s each, apart from the cramp. */
  activity?: ActivityPattern;
  /** Noise σ range, µV (default 2-5). */
  noise?: readonly [number, number];
  /** Twitch sizes in µV (log-uniform) instead of SNR 3-100: for noise levels that hide twitches. */
  twitchUv?: readonly [number, number];
}

/**
 * Resting EMG for the accuracy suite: each channel has its own noise (2-5 µV), twitches at 10-30 per
 * minute (SNR 3-100, 15 % doublets) and one cramp-like episode of 3-20 s; with `activity`, two spans of
 * voluntary activity or tremor as well.
 */
export function emgScenario(s: EmgScenario): SimulationSpec {
  const rng = new Prng(s.seed);
  const channels = Array.from({ length: s.channels }, (_, i) => {
    const noise = rng.uniform(s.noise?.[0] ?? 2, s.noise?.[1] ?? 5);
    const crampLength = rng.uniform(3, 20);
    return {
      id: `emg${i + 1}`,
      label: `${i % 2 === 0 ? 'left' : 'right'} calf EMG`,
      noise,
      twitchesPerMinute: rng.uniform(10, 30),
      snr: (s.twitchUv ? [s.twitchUv[0] / noise, s.twitchUv[1] / noise] : [3, 100]) as [number, number],
      doubletFraction: 0.15,
      cramps: [{ startS: rng.uniform(20, s.durationS - crampLength - 20), durationS: crampLength }],
      confounders: drawConfounders(s.confounders, rng, noise),
    };
  }).map((c) => (s.activity ? { ...c, activity: placeActivity(s.activity, s.durationS, c.cramps[0], rng) } : c));
  const what = [...s.confounders, ...(s.activity ? [s.activity] : [])];
  return {
    name: `emg-${s.fs}hz-${what.join('-') || 'clean'}-${s.seed}`,
    description: `Simulated resting EMG at ${s.fs} Hz${what.length ? ` with ${what.join(', ')}` : ''}`,
    seed: s.seed,
    durationS: s.durationS,
    emg: { fs: s.fs, channels },
  };
}

/** Two spans of 20-60 s, at least 5 s clear of the cramp, of each other and of the ends. */
function placeActivity(pattern: ActivityPattern, durationS: number, cramp: { startS: number; durationS: number }, rng: Prng): Array<{ startS: number; durationS: number; pattern: ActivityPattern }> {
  const taken: Array<[number, number]> = [[cramp.startS - 5, cramp.startS + cramp.durationS + 5]];
  const out: Array<{ startS: number; durationS: number; pattern: ActivityPattern }> = [];
  for (let tries = 0; tries < 100 && out.length < 2; tries++) {
    const len = rng.uniform(20, 60);
    const start = rng.uniform(10, durationS - len - 10);
    if (taken.some(([a, b]) => start < b && start + len > a)) continue;
    taken.push([start - 5, start + len + 5]);
    out.push({ startS: start, durationS: len, pattern });
  }
  return out;
}

export interface AccelScenario {
  fs: number;
  seed: number;
  durationS: number;
}

/** A recording of one accelerometer, at the scenario's rate and length. */
function oneSensor(s: AccelScenario, name: string, description: string, sensor: AccelSensorSpec): SimulationSpec {
  return { name, description, seed: s.seed, durationS: s.durationS, accel: { fs: s.fs, sensors: [sensor] } };
}

/**
 * A worn accelerometer: rest with twitches (SNR 3-100) between two walking bouts, two posture changes and
 * one stretch of prolonged 8-30 Hz activity; noise 100-200 µg/√Hz, 1/1024 g steps.
 */
export function accelScenario(s: AccelScenario): SimulationSpec {
  const rng = new Prng(s.seed);
  const d = s.durationS;
  return oneSensor(s, `acc-${s.fs}hz-${s.seed}`, `Simulated wrist accelerometer at ${s.fs} Hz with walking, posture changes and rest`, {
    id: 'acc1',
    label: 'right forearm acc',
    noiseDensityUg: rng.uniform(100, 200),
    lsbG: 1 / 1024,
    twitchesPerMinute: rng.uniform(4, 10),
    snr: [3, 100],
    walking: [
      { startS: d * 0.15, durationS: rng.uniform(30, 60) },
      { startS: d * 0.65, durationS: rng.uniform(30, 60) },
    ],
    postureChanges: [d * 0.4, d * 0.55],
    sustained: [{ startS: d * 0.85, durationS: rng.uniform(3, 10) }],
  });
}

/**
 * A phone in a trouser pocket while sitting: rest with a few twitches (SNR 3-100), knocks (1-3 a minute),
 * fidgets (2-4 a minute) and two posture shifts; phone-grade noise 150-300 µg/√Hz, 1/4096 g steps. The phone
 * lies loose on the thigh, so its twitches, like its knocks, reach it through its soft mount (`looseMount`;
 * `looseMount: false` gives the earlier construction, each twitch one damped sine along one line, kept for
 * comparison).
 */
export function pocketScenario(s: AccelScenario & { looseMount?: boolean }): SimulationSpec {
  const rng = new Prng(s.seed);
  const d = s.durationS;
  return oneSensor(s, `pocket-${s.fs}hz-${s.seed}`, `Simulated phone in a trouser pocket at ${s.fs} Hz while sitting: knocks and fidgets`, {
    id: 'acc1',
    label: 'left thigh phone acc',
    noiseDensityUg: rng.uniform(150, 300),
    lsbG: 1 / 4096,
    twitchesPerMinute: rng.uniform(2, 6),
    snr: [3, 100],
    walking: [],
    postureChanges: [d * 0.3, d * 0.7],
    sustained: [],
    knocksPerMinute: rng.uniform(1, 3),
    fidgetsPerMinute: rng.uniform(2, 4),
    looseMount: s.looseMount ?? true,
  });
}
