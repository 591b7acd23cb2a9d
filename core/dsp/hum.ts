import { quantileInPlace } from './robust';

/**
 * Removes mains hum that notches leave: lines whose amplitude waxes and wanes, and harmonics folded back
 * from above Nyquist, which drift h times as far as the fundamental. The fundamental's phase is tracked by
 * complex demodulation of `ref` (the signal before notches took the fundamental out; its mean over
 * `windowS` at the nominal frequency), every harmonic's reference is
 * h times that phase (sampled, so a folded harmonic folds with it), and each harmonic's own slowly
 * varying amplitude and phase are demodulated over `windowS` and subtracted (regression subtraction with a
 * reference, Mewett et al. 2001; tracked amplitude as in adaptive cancelling, Widrow et al. 1975).
 * Samples of large potentials (over `spikeK` robust sigma, and `spikeMargin` samples around them) are left
 * out of the means, so a twitch is not taken for hum and echoed. Works in place on x[from, to), free of NaN.
 */
export function subtractHum(x: Float32Array, ref: Float32Array, from: number, to: number, fs: number, f0: number, harmonics: readonly number[], windowS: number, spikeK = 4, spikeMargin = Math.round(0.005 * fs)): void {
  const m = to - from;
  const width = Math.max(3, Math.round(windowS * fs)) | 1;
  if (m < 2 * width) return;
  const keep = quietSamples(x, from, to, spikeK, spikeMargin);
  const re = new Float32Array(m);
  const im = new Float32Array(m);
  const mre = new Float32Array(m);
  const mim = new Float32Array(m);
  const phase = new Float64Array(m);
  const w = (2 * Math.PI * f0) / fs;
  const all = new Uint8Array(m).fill(1);
  // Two running means make a triangular window: its side lobes are low enough that the other lines of a
  // folded comb (10 Hz apart at 60 Hz hum sampled at 250 Hz) do not leak into each other's estimates.
  const smooth = (v: Float32Array, out: Float32Array): void => {
    meanWhere(v, keep, width, out);
    meanWhere(out, all, width, v);
    out.set(v);
  };
  // The nominal phase first, demodulated as harmonic 1 (1 times a phase is that phase, bit for bit), then the
  // tracked phase added to it in place.
  for (let i = 0; i < m; i++) phase[i] = w * (from + i);
  demodulateByPhase(ref, from, phase, 1, re, im);
  smooth(re, mre);
  smooth(im, mim);
  for (let i = 0; i < m; i++) phase[i] += Math.atan2(-mim[i], mre[i]);
  for (const h of harmonics) {
    demodulateByPhase(x, from, phase, h, re, im);
    smooth(re, mre);
    smooth(im, mim);
    subtractTone(x, from, phase, h, mre, mim);
  }
}

// Per-sample loops in small functions of their own, optimised once (see core/detect/accel.ts).

/** 1 for the samples of x[from, to) that are not within `margin` of one over `k` robust sigma. */
function quietSamples(x: Float32Array, from: number, to: number, k: number, margin: number): Uint8Array {
  const m = to - from;
  const abs = new Float32Array(m);
  for (let i = 0; i < m; i++) abs[i] = Math.abs(x[from + i]);
  const level = (k * quantileInPlace(Float32Array.from(abs), 0.5)) / 0.6745;
  const keep = new Uint8Array(m).fill(1);
  for (let i = 0; i < m; i++) {
    if (abs[i] <= level) continue;
    for (let j = Math.max(0, i - margin); j <= Math.min(m - 1, i + margin); j++) keep[j] = 0;
  }
  return keep;
}

/** Centred mean over `width` samples of the kept samples of `v`, at every sample (the last mean where none is kept). */
function meanWhere(v: Float32Array, keep: Uint8Array, width: number, out: Float32Array): void {
  const n = v.length;
  const half = width >> 1;
  let sum = 0;
  let count = 0;
  let last = 0;
  for (let j = 0; j < Math.min(n, half); j++) {
    if (keep[j]) {
      sum += v[j];
      count++;
    }
  }
  for (let i = 0; i < n; i++) {
    const enter = i + half;
    if (enter < n && keep[enter]) {
      sum += v[enter];
      count++;
    }
    const leave = i - half - 1;
    if (leave >= 0 && keep[leave]) {
      sum -= v[leave];
      count--;
    }
    if (count > 0) last = sum / count;
    out[i] = last;
  }
}

function demodulateByPhase(x: Float32Array, from: number, phase: Float64Array, h: number, re: Float32Array, im: Float32Array): void {
  for (let i = 0; i < re.length; i++) {
    const a = h * phase[i];
    const v = x[from + i];
    re[i] = v * Math.cos(a);
    im[i] = v * Math.sin(a);
  }
}

/** x -= 2 (re cos a + im sin a): the tone whose demodulated mean is (re, im). */
function subtractTone(x: Float32Array, from: number, phase: Float64Array, h: number, re: Float32Array, im: Float32Array): void {
  for (let i = 0; i < re.length; i++) {
    const a = h * phase[i];
    x[from + i] -= 2 * (re[i] * Math.cos(a) + im[i] * Math.sin(a));
  }
}
