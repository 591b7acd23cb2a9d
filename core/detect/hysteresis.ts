import { absPeak } from '../dsp/abs-peak';
import type { Span } from './spans';

/**
 * Candidate potentials by a double threshold (Bonato et al. 1998): a candidate starts when the envelope
 * rises above `high x floor` and ends when it has stayed below `low x floor` for longer than `mergeGap`
 * samples. Results are kept as parallel arrays, one entry per candidate.
 */
export class Potentials {
  start: number[] = [];
  end: number[] = [];
  /** Sample of the largest |x| inside the candidate. */
  peak: number[] = [];
  /** |x| at the peak. */
  amplitude: number[] = [];
  /** Local noise floor at the peak. */
  floor: number[] = [];

  get length(): number {
    return this.start.length;
  }

  spans(): Span[] {
    return this.start.map((start, k) => ({ start, end: this.end[k] }));
  }
}

export interface HysteresisInput {
  /** Conditioned signal (NaN in gaps). */
  x: Float32Array;
  /** Short envelope of x. */
  envelope: Float32Array;
  /** Noise floor per window of `floorWindow` samples. */
  floor: Float64Array;
  floorWindow: number;
  high: number;
  low: number;
  mergeGap: number;
  /**
   * Sorted, merged spans outside which the envelope is known to stay at or below `high x floor` (the
   * candidates of a lower threshold, say): a candidate can only start inside them, so the scan skips the
   * rest. The result is the same as without them.
   */
  within?: readonly Span[];
}

export function findPotentials(input: HysteresisInput, out = new Potentials()): Potentials {
  const { x, envelope, floor, floorWindow, high, low, mergeGap, within } = input;
  const n = x.length;
  let i = 0;
  let span = 0;
  while (i < n) {
    let scanEnd = n;
    if (within) {
      while (span < within.length && within[span].end <= i) span++;
      if (span === within.length) break;
      i = Math.max(i, within[span].start);
      scanEnd = Math.min(n, within[span].end);
    }
    // Scan a whole floor window against one threshold: no per-sample lookup in the common, quiet case.
    const w = (i / floorWindow) | 0;
    const f = floor[w];
    const windowEnd = Math.min(scanEnd, (w + 1) * floorWindow);
    const threshold = high * f;
    if (!(threshold === threshold)) {
      i = windowEnd;
      continue;
    }
    i = firstAbove(envelope, i, windowEnd, threshold);
    if (i >= windowEnd) continue;
    const release = low * f;
    const start = startAbove(envelope, i, release);
    const end = endAbove(envelope, i, n, release, mergeGap);
    const peak = absPeak(x, start, end);
    out.start.push(start);
    out.end.push(end);
    out.peak.push(peak.index);
    out.amplitude.push(peak.value);
    out.floor.push(floor[(peak.index / floorWindow) | 0]);
    i = Math.max(end, i + 1);
  }
  return out;
}

/**
 * First sample in [from, to) whose envelope exceeds `threshold`, or `to`. A function of its own so the
 * quiet scan, where the time goes, is optimised on its own: inside findPotentials it had TurboFan compile the
 * loop (OSR) before the candidate path below it had ever run, which then deoptimised for want of feedback
 * and compiled again, file after file.
 */
function firstAbove(envelope: Float32Array, from: number, to: number, threshold: number): number {
  let i = from;
  while (i < to && !(envelope[i] > threshold)) i++;
  return i;
}

/**
 * Where the candidate crossing at `i` starts: back from `i` while the envelope stays above `release`. This and
 * endAbove are functions of their own for the reason firstAbove is: the per-sample loops otherwise had
 * findPotentials OSR-compiled (and compiled again) in the bench's fourth run rather than the first.
 */
function startAbove(envelope: Float32Array, i: number, release: number): number {
  let start = i;
  while (start > 0 && envelope[start - 1] > release) start--;
  return start;
}

/** Where the candidate crossing at `i` ends: after the last sample above `release` before a NaN or more than `mergeGap` quiet samples. */
function endAbove(envelope: Float32Array, i: number, n: number, release: number, mergeGap: number): number {
  let end = i + 1;
  let quiet = 0;
  for (let j = i + 1; j < n; j++) {
    const e = envelope[j];
    if (e > release) {
      end = j + 1;
      quiet = 0;
    } else if (e !== e || ++quiet > mergeGap) break;
  }
  return end;
}

/**
 * Width of the potential around `peak` where |x| is at least `fraction` of the peak, in samples. Dips
 * shorter than `bridge` samples (the zero crossing of a biphasic potential) do not end it, so a second
 * potential tens of ms later is not counted into the first one's width.
 */
export function widthAt(x: Float32Array, peak: number, start: number, end: number, fraction: number, bridge: number): number {
  const level = Math.abs(x[peak]) * fraction;
  let first = peak;
  for (let k = peak - 1, quiet = 0; k >= start && quiet <= bridge; k--) {
    if (Math.abs(x[k]) >= level) {
      first = k;
      quiet = 0;
    } else quiet++;
  }
  let last = peak;
  for (let k = peak + 1, quiet = 0; k < end && quiet <= bridge; k++) {
    if (Math.abs(x[k]) >= level) {
      last = k;
      quiet = 0;
    } else quiet++;
  }
  return last - first + 1;
}

/**
 * Separate peaks of the envelope in [start, end): samples that are the largest within ±`separation` and
 * reach `level`. Counts the potentials of a doublet that the double threshold kept as one candidate.
 * `first` receives the sample of the earliest such peak (or -1).
 */
export function countPeaks(envelope: Float32Array, start: number, end: number, level: number, separation: number, first?: { at: number }): number {
  let count = 0;
  if (first) first.at = -1;
  for (let k = start; k < end; k++) {
    const v = envelope[k];
    if (!(v >= level)) continue;
    // The neighbours first (see spikes.ts' isLocalMax): on a slope one of them says no without the scan.
    if (separation > 0 && ((k + 1 < end && envelope[k + 1] > v) || (k > start && envelope[k - 1] >= v))) continue;
    let isMax = true;
    for (let j = Math.max(start, k - separation); j <= Math.min(end - 1, k + separation) && isMax; j++) {
      if (envelope[j] > v || (envelope[j] === v && j < k)) isMax = false;
    }
    if (isMax) {
      if (first && first.at < 0) first.at = k;
      count++;
      // No sample within `separation` after a peak can be one: the peak is in its window and at least as
      // high (a tie goes to the earlier sample).
      k += separation;
    }
  }
  return count;
}
