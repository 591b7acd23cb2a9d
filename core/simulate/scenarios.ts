import type { EmgConfounders } from './emg';
import { Prng } from './prng';
import type { SimulationSpec } from './recording';

export const EMG_CONFOUNDERS = ['mains', 'drift', 'ecg', 'motion', 'clipping', 'missing'] as const;
export type EmgConfounder = (typeof EMG_CONFOUNDERS)[number];

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
  }
  return c;
}

export interface EmgScenario {
  fs: number;
  seed: number;
  durationS: number;
  channels: number;
  confounders: readonly EmgConfounder[];
}

/**
 * Resting EMG for the accuracy suite: each channel has its own noise (2-5 µV), twitches at 10-30 per
 * minute (SNR 3-100, 15 % doublets) and one cramp-like episode of 3-20 s.
 */
export function emgScenario(s: EmgScenario): SimulationSpec {
  const rng = new Prng(s.seed);
  const channels = Array.from({ length: s.channels }, (_, i) => {
    const noise = rng.uniform(2, 5);
    const crampLength = rng.uniform(3, 20);
    return {
      id: `emg${i + 1}`,
      label: `${i % 2 === 0 ? 'left' : 'right'} calf EMG`,
      noise,
      twitchesPerMinute: rng.uniform(10, 30),
      snr: [3, 100] as [number, number],
      doubletFraction: 0.15,
      cramps: [{ startS: rng.uniform(20, s.durationS - crampLength - 20), durationS: crampLength }],
      confounders: drawConfounders(s.confounders, rng, noise),
    };
  });
  return {
    name: `emg-${s.fs}hz-${s.confounders.join('-') || 'clean'}-${s.seed}`,
    description: `Simulated resting EMG at ${s.fs} Hz${s.confounders.length ? ` with ${s.confounders.join(', ')}` : ''}`,
    seed: s.seed,
    durationS: s.durationS,
    emg: { fs: s.fs, channels },
  };
}

export interface AccelScenario {
  fs: number;
  seed: number;
  durationS: number;
}

/**
 * A worn accelerometer: rest with twitches (SNR 3-100) between two walking bouts, two posture changes and
 * one stretch of prolonged 8-30 Hz activity; noise 100-200 µg/√Hz, 1/1024 g steps.
 */
export function accelScenario(s: AccelScenario): SimulationSpec {
  const rng = new Prng(s.seed);
  const d = s.durationS;
  return {
    name: `acc-${s.fs}hz-${s.seed}`,
    description: `Simulated wrist accelerometer at ${s.fs} Hz with walking, posture changes and rest`,
    seed: s.seed,
    durationS: d,
    accel: {
      fs: s.fs,
      sensors: [
        {
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
        },
      ],
    },
  };
}
