import type { Span } from './spans';

export interface SustainedInput {
  /** Mean square of the signal's finite samples per bin of `binLength` (binMeanSquares), its whole bins. */
  power: Float64Array;
  /** Samples in the signal. */
  n: number;
  /** Noise floor per window of `floorWindow` samples (a quiet-background level). */
  floor: Float64Array;
  floorWindow: number;
  binLength: number;
  /** A bin is active when its RMS exceeds binK x floor. */
  binK: number;
  /** Density window, in bins. */
  windowBins: number;
  on: number;
  off: number;
  /** Shortest episode and longest bridged pause, in bins. */
  minBins: number;
  bridgeBins: number;
}

/**
 * Sustained activity as a run of dense active bins. A cramp keeps most short bins active (many units
 * firing), while a train of isolated twitches leaves most bins quiet, so density (not an envelope that
 * a few large spikes can hold up) decides. Double-threshold hysteresis on the density (Bonato et al. 1998),
 * then each episode is trimmed to its first and last active bin.
 */
export function findSustained(input: SustainedInput): Span[] {
  const { power, n, floor, floorWindow, binLength, binK, windowBins, on, off, minBins, bridgeBins } = input;
  const active = activeBins(power, floor, floorWindow, binLength, binK);
  const density = binDensity(active, windowBins >> 1);
  const runs = denseRuns(density, active, on, off, bridgeBins);
  return runs
    .filter((r) => r.end - r.start >= minBins)
    .map((r) => ({ start: r.start * binLength, end: Math.min(n, r.end * binLength) }));
}

// The per-sample and per-bin loops live in their own small functions, so they are optimised once on their
// own rather than recompiled inside the larger function around them.

/** 1 for each bin whose RMS (finite samples) exceeds `binK` times the floor at its centre. */
function activeBins(power: Float64Array, floor: Float64Array, floorWindow: number, binLength: number, binK: number): Uint8Array {
  const bins = power.length;
  const active = new Uint8Array(bins);
  for (let b = 0; b < bins; b++) {
    const f = floor[((b * binLength + (binLength >> 1)) / floorWindow) | 0];
    // A bin without a finite sample has NaN power, which is never above the floor.
    if (Math.sqrt(power[b]) > binK * f) active[b] = 1;
  }
  return active;
}

/** Fraction of active bins within ±`half` bins (fewer at the ends). */
function binDensity(active: Uint8Array, half: number): Float32Array {
  const bins = active.length;
  const density = new Float32Array(bins);
  let count = 0;
  let lo = 0;
  let hi = -1;
  for (let b = 0; b < bins; b++) {
    const wantHi = Math.min(bins - 1, b + half);
    const wantLo = Math.max(0, b - half);
    while (hi < wantHi) count += active[++hi];
    while (lo < wantLo) count -= active[lo++];
    density[b] = count / (hi - lo + 1);
  }
  return density;
}

/** Hysteresis on the density, each run trimmed to its active bins; runs `bridgeBins` apart or closer are joined. */
function denseRuns(density: Float32Array, active: Uint8Array, on: number, off: number, bridgeBins: number): Span[] {
  const bins = density.length;
  const runs: Span[] = [];
  let b = 0;
  while (b < bins) {
    if (density[b] < on) {
      b++;
      continue;
    }
    let start = b;
    while (start > 0 && density[start - 1] >= off) start--;
    let end = b + 1;
    while (end < bins && density[end] >= off) end++;
    while (start < end && !active[start]) start++;
    while (end > start && !active[end - 1]) end--;
    const last = runs[runs.length - 1];
    if (last && start - last.end <= bridgeBins) last.end = Math.max(last.end, end);
    else runs.push({ start, end });
    b = Math.max(end, b + 1);
  }
  return runs;
}
