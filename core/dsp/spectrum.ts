import FFT from 'fft.js';
import { quantileInPlace } from './robust';

export interface PowerSpectrum {
  /** Power per bin, bins 0..nfft/2. */
  power: Float64Array;
  binHz: number;
}

/**
 * Periodogram of up to `maxSegments` Hann-windowed stretches of `nfft` samples spread evenly over the
 * signal (Welch 1967), combined per bin by the median rather than the mean (Allen et al. 2012, FINDCHIRP's
 * median PSD) so a few stretches with steps or clipping cannot bury a mains line. Stretches holding NaN
 * are skipped. Returns null when no stretch is usable.
 */
export function welchSpectrum(x: Float32Array, fs: number, nfft: number, maxSegments: number): PowerSpectrum | null {
  if (nfft < 2 || x.length < nfft) return null;
  const fft = new FFT(nfft);
  const frame = new Float64Array(nfft);
  const out = fft.createComplexArray() as number[];
  const bins = nfft / 2 + 1;
  const frames = new Float64Array(bins * Math.max(1, maxSegments));
  const hann = new Float64Array(nfft);
  for (let i = 0; i < nfft; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / nfft);
  const starts = Math.min(maxSegments, Math.floor(x.length / nfft));
  const spacing = starts > 1 ? (x.length - nfft) / (starts - 1) : 0;
  let used = 0;
  for (let s = 0; s < starts; s++) {
    const at = Math.round(s * spacing);
    const mean = finiteMean(x, at, nfft);
    if (mean !== mean) continue;
    windowInto(frame, x, at, mean, hann);
    fft.realTransform(out, frame);
    storePower(out, frames, bins, maxSegments, used);
    used++;
  }
  if (used === 0) return null;
  const power = new Float64Array(bins);
  for (let k = 0; k < bins; k++) power[k] = quantileInPlace(frames, 0.5, k * maxSegments, k * maxSegments + used);
  return { power, binHz: fs / nfft };
}

// The loops over a stretch's samples live in small functions of their own, so each is optimised once rather
// than recompiled inside the loop over stretches.

/** Mean of `x[at, at + length)`, or NaN when the stretch holds a NaN. */
function finiteMean(x: Float32Array, at: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const v = x[at + i];
    if (v !== v) return Number.NaN;
    sum += v;
  }
  return sum / length;
}

/** The stretch at `at`, less its mean, times the window. */
function windowInto(frame: Float64Array, x: Float32Array, at: number, mean: number, window: Float64Array): void {
  for (let i = 0; i < frame.length; i++) frame[i] = (x[at + i] - mean) * window[i];
}

/** |X_k|² of one transform into column `column` of the bin-major `frames` (row stride `stride`). */
function storePower(spectrum: number[], frames: Float64Array, bins: number, stride: number, column: number): void {
  for (let k = 0; k < bins; k++) frames[k * stride + column] = spectrum[2 * k] * spectrum[2 * k] + spectrum[2 * k + 1] * spectrum[2 * k + 1];
}

export interface MainsLine {
  harmonic: number;
  /** Where the peak sits (mains drifts a little around its nominal frequency). */
  freqHz: number;
  /** Peak power over the median power of the bins around it. */
  prominence: number;
}

export interface MainsFinding {
  mainsHz: 50 | 60 | null;
  /** Lines to notch: the harmonics that stand out from their neighbourhood. */
  lines: MainsLine[];
}

/**
 * Mains hum: for 50 and 60 Hz, how far each harmonic below `maxHz` stands above the median of its
 * neighbourhood (±3–12 Hz, clear of the line). The family whose fundamental or third harmonic stands out
 * more wins; its lines above `minProminence` are returned.
 */
export function findMains(spec: PowerSpectrum, maxHz: number, minProminence: number): MainsFinding {
  let best: MainsFinding = { mainsHz: null, lines: [] };
  let bestScore = 0;
  for (const f0 of [50, 60] as const) {
    const lines: MainsLine[] = [];
    let score = 0;
    for (let h = 1; h * f0 <= maxHz; h++) {
      const line = measureLine(spec, h * f0);
      if (!line) continue;
      if (h === 1 || h === 3) score = Math.max(score, line.prominence);
      if (line.prominence >= minProminence) lines.push({ harmonic: h, ...line });
    }
    if (score >= minProminence && score > bestScore) {
      bestScore = score;
      best = { mainsHz: f0, lines };
    }
  }
  return best;
}

function measureLine(spec: PowerSpectrum, nominalHz: number): { freqHz: number; prominence: number } | null {
  const { power, binHz } = spec;
  const centre = Math.round(nominalHz / binHz);
  const reach = Math.max(1, Math.round(1 / binHz));
  const lo = Math.round(3 / binHz);
  const hi = Math.round(12 / binHz);
  if (centre + hi >= power.length || centre - hi < 1) return null;
  let peakBin = centre;
  for (let k = centre - reach; k <= centre + reach; k++) if (power[k] > power[peakBin]) peakBin = k;
  const around: number[] = [];
  for (let d = lo; d <= hi; d++) around.push(power[centre - d], power[centre + d]);
  around.sort((a, b) => a - b);
  const floor = around[around.length >> 1];
  if (!(floor > 0)) return null;
  const a = power[peakBin - 1];
  const b = power[peakBin];
  const c = power[peakBin + 1];
  // Quadratic interpolation of the peak bin (Smith, "Spectral Audio Signal Processing", QIFFT).
  const denom = a - 2 * b + c;
  const offset = denom !== 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom)) : 0;
  return { freqHz: (peakBin + offset) * binHz, prominence: b / floor };
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
