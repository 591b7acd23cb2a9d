import type { Spikes } from './spikes';
import { float64s, Growing, int32s } from '../dsp/growing';

/** What a stretch of discharges looks like: how many, and how regular its steadiest unit. */
export interface TrainFeatures {
  count: number;
  /** Firing rate (Hz), median CV2 and number of discharges of the most regular amplitude class; NaN/0 when none qualifies. */
  unitHz: number;
  unitCv2: number;
  unitCount: number;
}

export interface TrainOptions {
  fs: number;
  /** Discharges of one unit vary in size by less than this ratio (largest over smallest of a class). */
  classSpread: number;
  /** A class needs this many discharges before its regularity means anything. */
  minSpikes: number;
}

/**
 * Features of the discharges with index [from, to) of `spikes` (sorted by time). Units are told apart by
 * size: discharges of one motor unit keep nearly the same size on a fixed electrode, so spikes are grouped
 * into amplitude classes (largest first, each spanning at most `classSpread`), and each class's regularity
 * is the median of CV2 = 2|I(k+1) - I(k)| / (I(k+1) + I(k)) over its successive intervals (Holt et al.
 * 1996): about the interval CV for a regular train (voluntary units 0.1-0.25), 1 for random, Poisson-like
 * firing (fasciculations), and little moved by a missed discharge or a slow change of rate.
 */
export function trainFeatures(spikes: Spikes, from: number, to: number, o: TrainOptions, scratch: TrainScratch): TrainFeatures {
  const count = to - from;
  const out: TrainFeatures = { count, unitHz: Number.NaN, unitCv2: Number.NaN, unitCount: 0 };
  if (count < o.minSpikes) return out;
  const order = scratch.indices(count);
  for (let k = 0; k < count; k++) order[k] = from + k;
  largestFirst(order, spikes.size);
  let c = 0;
  while (c < count) {
    const top = spikes.size[order[c]];
    let e = c + 1;
    while (e < count && spikes.size[order[e]] * o.classSpread >= top) e++;
    if (e - c >= o.minSpikes) {
      const times = scratch.times(e - c);
      for (let k = c; k < e; k++) times[k - c] = spikes.at[order[k]];
      ascending(times);
      const r = regularity(times, scratch);
      if (r.cv2 === r.cv2 && (!(out.unitCv2 <= r.cv2) || out.unitCount === 0)) {
        out.unitCv2 = r.cv2;
        out.unitHz = o.fs / r.interval;
        out.unitCount = e - c;
      }
    }
    c = e;
  }
  return out;
}

/** Median interval and median CV2 of sorted times. */
function regularity(times: Int32Array | Float64Array, scratch: TrainScratch): { interval: number; cv2: number } {
  const n = times.length;
  if (n < 3) return { interval: Number.NaN, cv2: Number.NaN };
  const intervals = scratch.values(n - 1);
  for (let k = 1; k < n; k++) intervals[k - 1] = times[k] - times[k - 1];
  const cv2 = scratch.values2(n - 2);
  for (let k = 1; k < n - 1; k++) {
    const a = intervals[k - 1];
    const b = intervals[k];
    cv2[k - 1] = a + b > 0 ? (2 * Math.abs(b - a)) / (a + b) : 0;
  }
  return { interval: medianOf(intervals), cv2: medianOf(cv2) };
}

/** Up to this many values are sorted by insertion. */
const SHORT = 256;

/**
 * `order` (indices into `size`) sorted by size, largest first, by insertion: the windows hold tens of
 * discharges, where a sort calling a comparator costs more than the moves. Equal sizes may come in any
 * order: a class is cut only between different sizes, and its times are sorted afterwards.
 */
function largestFirst(order: Int32Array, size: Float32Array): void {
  if (order.length > SHORT) {
    order.sort((a, b) => size[b] - size[a]);
    return;
  }
  for (let i = 1; i < order.length; i++) {
    const o = order[i];
    const s = size[o];
    let j = i - 1;
    while (j >= 0 && size[order[j]] < s) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = o;
  }
}

/** `v` sorted ascending (finite values), in place: by insertion while short. */
function ascending(v: Float64Array): void {
  if (v.length > SHORT) {
    v.sort();
    return;
  }
  for (let i = 1; i < v.length; i++) {
    const x = v[i];
    let j = i - 1;
    while (j >= 0 && v[j] > x) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = x;
  }
}

function medianOf(v: Float64Array): number {
  ascending(v);
  const n = v.length;
  return n % 2 ? v[n >> 1] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/** Working arrays for `trainFeatures`, grown as needed and reused across windows. */
export class TrainScratch {
  private readonly idx = new Growing(int32s, 64, 2);
  private readonly t = new Growing(float64s, 64, 2);
  private readonly v = new Growing(float64s, 64, 2);
  private readonly v2 = new Growing(float64s, 64, 2);

  indices(n: number): Int32Array {
    return this.idx.atLeast(n).subarray(0, n);
  }

  times(n: number): Float64Array {
    return this.t.atLeast(n).subarray(0, n);
  }

  values(n: number): Float64Array {
    return this.v.atLeast(n).subarray(0, n);
  }

  values2(n: number): Float64Array {
    return this.v2.atLeast(n).subarray(0, n);
  }
}
