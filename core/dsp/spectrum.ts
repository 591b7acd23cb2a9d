import FFT from 'fft.js';
import { COLUMNS, welchKernel, type WelchKernel } from './welch-wasm';
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
 * are skipped. Returns null when no stretch is usable. With `lastBin`, bins above it are NaN: their medians
 * are not formed (for callers that provably read no further).
 */
export function welchSpectrum(x: Float32Array, fs: number, nfft: number, maxSegments: number, lastBin = Infinity): PowerSpectrum | null {
  if (nfft < 2 || x.length < nfft) return null;
  const bins = nfft / 2 + 1;
  // Only the bins a caller reads need their median, the costliest part after the transforms.
  const formed = Math.max(1, Math.min(bins, Math.floor(lastBin) + 1));
  const hann = hannOfSize(nfft);
  const starts = Math.min(maxSegments, Math.floor(x.length / nfft));
  const spacing = starts > 1 ? (x.length - nfft) / (starts - 1) : 0;
  const at = Array.from({ length: starts }, (_, s) => Math.round(s * spacing));
  const power = new Float64Array(bins).fill(Number.NaN, formed);
  const kernel = maxSegments <= COLUMNS ? welchKernel(nfft, hann) : null;
  const used = kernel ? kernelMedians(kernel, x, at, formed, power) : libraryMedians(fftOfSize(nfft), x, at, hann, formed, power);
  return used === 0 ? null : { power, binHz: fs / nfft };
}

/**
 * Each bin's median power over the stretches starting at `at` that hold no NaN (the lower one of an even
 * count, as quantileInPlace) into `power`, with the WebAssembly kernels: the stretches' means, windows and
 * transforms two at a time, the medians two bins per sort. A NaN power (from infinite samples) has no order
 * statistics, so then every bin takes Hoare's selection over its powers in stretch order, as in
 * libraryMedians. Returns how many stretches were used.
 */
function kernelMedians(kernel: WelchKernel, x: Float32Array, at: number[], formed: number, power: Float64Array): number {
  const used = kernel.stretches(x, at);
  const usable = kernel.usable;
  for (let u = 0; u < used; u += 2) kernel.pair(usable[u], u + 1 < used ? usable[u + 1] : usable[u], u, formed);
  if (used === 0) return 0;
  if (kernel.finite()) kernel.medians(used, formed, Math.floor(0.5 * (used - 1)), power);
  else selectedMedians(kernel, used, formed, power);
  return used;
}

/** Hoare's selection over each bin's powers in stretch order (a function of its own: rare, and kept out of kernelMedians' compiled code). */
function selectedMedians(kernel: WelchKernel, used: number, formed: number, power: Float64Array): void {
  const column = new Float64Array(used);
  for (let k = 0; k < formed; k++) {
    kernel.bin(k, used, column);
    power[k] = quantileInPlace(column, 0.5, 0, used);
  }
}

/** kernelMedians with fft.js and Hoare's selection, one stretch at a time (where WebAssembly is refused). */
function libraryMedians(fft: FFT, x: Float32Array, at: number[], hann: Float64Array, formed: number, power: Float64Array): number {
  const size = fft.size;
  const means = stretchMeans(x, at, size);
  const frame = new Float64Array(size);
  const out = fft.createComplexArray() as number[];
  const frames = new Float64Array(formed * at.length);
  let used = 0;
  for (let s = 0; s < at.length; s++) {
    if (means[s] !== means[s]) continue;
    windowInto(frame, x, at[s], means[s], hann);
    fft.realTransform(out, frame);
    storePower(out, frames, formed, at.length, used);
    used++;
  }
  for (let k = 0; k < formed && used > 0; k++) power[k] = quantileInPlace(frames, 0.5, k * at.length, k * at.length + used);
  return used;
}

// The loops over a stretch's samples live in small functions of their own, so each is optimised once rather
// than recompiled inside the loop over stretches.

/**
 * finiteMean of each stretch, two stretches side by side: each sum is still one chain of additions in sample
 * order (the same operations, so the same values), but the two chains' latencies overlap. A pair with a NaN
 * in either stretch is done again one stretch at a time.
 */
function stretchMeans(x: Float32Array, at: number[], length: number): Float64Array {
  const starts = at.length;
  const means = new Float64Array(starts);
  let s = 0;
  for (; s + 1 < starts; s += 2) {
    const a = at[s];
    const b = at[s + 1];
    if (!pairMeans(x, a, b, length, means, s)) {
      means[s] = finiteMean(x, a, length);
      means[s + 1] = finiteMean(x, b, length);
    }
  }
  if (s < starts) means[s] = finiteMean(x, at[s], length);
  return means;
}

/**
 * The means of `x[a, a + length)` and `x[b, b + length)` into `means[s]` and `means[s + 1]`; false (and nothing
 * written) when either holds a NaN. A function of its own so the caller's code after the loop is not compiled
 * (OSR) before it has run, which deoptimised it ('insufficient type feedback for compare operation').
 */
function pairMeans(x: Float32Array, a: number, b: number, length: number, means: Float64Array, s: number): boolean {
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < length; i++) {
    const u = x[a + i];
    const v = x[b + i];
    if (u !== u || v !== v) return false;
    sa += u;
    sb += v;
  }
  means[s] = sa / length;
  means[s + 1] = sb / length;
  return true;
}

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

/** The stretch at `at`, less its mean, times the window (two samples a step: fewer loop branches, same operations). */
function windowInto(frame: Float64Array, x: Float32Array, at: number, mean: number, window: Float64Array): void {
  const n = frame.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a = x[at + i];
    const b = x[at + i + 1];
    frame[i] = (a - mean) * window[i];
    frame[i + 1] = (b - mean) * window[i + 1];
  }
  if (i < n) frame[i] = (x[at + i] - mean) * window[i];
}

/** |X_k|² of one transform into column `column` of the bin-major `frames` (row stride `stride`). */
function storePower(spectrum: number[], frames: Float64Array, bins: number, stride: number, column: number): void {
  for (let k = 0; k < bins; k++) frames[k * stride + column] = spectrum[2 * k] * spectrum[2 * k] + spectrum[2 * k + 1] * spectrum[2 * k + 1];
}

/**
 * One fft.js transform per size for the whole process (its tables depend on the size alone, and a transform
 * keeps no state between calls). A new instance per spectrum gave TurboFan's code for the library a new
 * object, table and map-transition history each time, and it was compiled again after each collection
 * dropped the old ones ('weak objects'): _realTransform4 and FFT3 were compiled 8-13 times per batch.
 */
export function fftOfSize(size: number): FFT {
  let fft = ffts.get(size);
  if (!fft) {
    fft = new FFT(size);
    ffts.set(size, fft);
  }
  return fft;
}

const ffts = new Map<number, FFT>();

/** The periodic Hann window of `size` samples, made once per size for the process (read only). */
function hannOfSize(size: number): Float64Array {
  let hann = hanns.get(size);
  if (!hann) {
    hann = new Float64Array(size);
    for (let i = 0; i < size; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
    hanns.set(size, hann);
  }
  return hann;
}

const hanns = new Map<number, Float64Array>();

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
