import type { Recording } from '../../core/recording';
import { Prng } from '../../core/simulate/prng';
import { addPotential } from '../../core/simulate/shapes';

/** A one-channel EMG Recording from a signal built by `fill` on top of Gaussian noise (µV). */
export function emgRecording(fs: number, seconds: number, noise: number, seed: number, fill: (y: Float64Array) => void = () => {}): Recording {
  const n = Math.round(fs * seconds);
  const y = new Float64Array(n);
  fill(y);
  const rng = new Prng(seed);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = y[i] + noise * rng.gaussian();
  return {
    file: 'test.csv',
    format: 'test',
    formatName: 'Test',
    startTime: null,
    durationS: seconds,
    channels: [{ id: 'emg1', label: 'left calf EMG', kind: 'emg', unit: 'uV', sampleRateHz: fs, startS: 0, data }],
    sensors: [],
    warnings: [],
    timing: [],
    sizeBytes: 0,
    fingerprint: 'test',
    meta: {},
  };
}

/** Adds a biphasic motor-unit-like potential of peak `amplitude` centred at `t` seconds. */
export function spike(y: Float64Array, fs: number, t: number, amplitude: number, lambda = 0.003): void {
  addPotential(y, fs, t, 'biphasic', lambda, amplitude);
}
