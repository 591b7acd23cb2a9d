import { lowerBound } from './sorted';

/** Order statistics without sorting: Hoare's selection (Hoare 1961, "Algorithm 65: Find"). */
export function selectInPlace(a: Float64Array | Float32Array, k: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to - 1;
  const target = from + k;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

/** Quantile (0..1, lower order statistic) of `a[from, to)`; reorders that range. */
export function quantileInPlace(a: Float64Array | Float32Array, q: number, from = 0, to = a.length): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  return selectInPlace(a, Math.min(n - 1, Math.max(0, Math.floor(q * (n - 1)))), from, to);
}

export function median(values: ArrayLike<number>): number {
  const copy = Float64Array.from(values);
  return quantileInPlace(copy, 0.5);
}

/** 0.6745 = Φ⁻¹(0.75): median |x| / 0.6745 estimates σ of zero-mean Gaussian noise (Hampel 1974). */
export const MAD_TO_SIGMA = 1 / 0.6745;

/**
 * Robust noise σ per window of `windowLength` samples: median |x| / 0.6745, from at most `maxPerWindow`
 * evenly spaced samples to keep it cheap. Windows holding NaN use their finite samples; windows with none
 * get NaN.
 */
export function windowedSigma(x: Float32Array, windowLength: number, maxPerWindow = 400): Float64Array {
  const stride = Math.max(1, Math.floor(windowLength / maxPerWindow));
  const windows = Math.max(1, Math.ceil(x.length / windowLength));
  const out = new Float64Array(windows);
  // |x| of a float32 sample is a float32 value, so the median read from float32 scratch is the same number.
  const scratch = new Float32Array(Math.ceil(windowLength / stride) + 1);
  const counts = new Int32Array(HINT_BUCKETS);
  const at = new Uint8Array(scratch.length);
  let hint = Number.NaN;
  for (let w = 0; w < windows; w++) {
    const end = Math.min(x.length, (w + 1) * windowLength);
    const near = hint > 0 && hint < Infinity;
    const m = near ? gatherCounted(x, w * windowLength, end, stride, scratch, HINT_BUCKETS / (2 * hint), counts, at) : gather(x, w * windowLength, end, stride, scratch);
    if (m === 0) {
      out[w] = Number.NaN;
      continue;
    }
    const k = Math.floor(0.5 * (m - 1));
    const med = near ? selectCounted(scratch, m, k, counts, at) : selectInPlace(scratch, k, 0, m);
    out[w] = med * MAD_TO_SIGMA;
    hint = med;
  }
  return out;
}

const HINT_BUCKETS = 64;

/** |x| of the finite samples from `from` to `end`, every `stride`-th, into `scratch`; returns how many. */
function gather(x: Float32Array, from: number, end: number, stride: number, scratch: Float32Array): number {
  let m = 0;
  for (let i = from; i < end; i += stride) {
    const v = x[i];
    // Math.abs without a branch on the sign, which noise makes unpredictable; ±0 kept as they are.
    if (v === v) scratch[m++] = v === 0 ? v : Math.abs(v);
  }
  return m;
}

/**
 * `gather` when the median is expected near a hint (the previous window's median: noise changes slowly),
 * with each value's bucket counted as it is gathered: buckets of width hint / 32 (`scale` = 32 / hint; the last
 * one open), each value's bucket kept in `at` for selectCounted. One pass instead of a gather and a count.
 */
function gatherCounted(x: Float32Array, from: number, end: number, stride: number, scratch: Float32Array, scale: number, counts: Int32Array, at: Uint8Array): number {
  const top = HINT_BUCKETS - 1;
  counts.fill(0);
  let m = 0;
  for (let i = from; i < end; i += stride) {
    const v = x[i];
    if (v === v) {
      const a = v === 0 ? v : Math.abs(v);
      const q = Math.min(top, a * scale) | 0;
      scratch[m] = a;
      at[m++] = q;
      counts[q]++;
    }
  }
  return m;
}

/**
 * The k-th smallest of the non-negative `a[0, m)` as gatherCounted bucketed them: the counts find the bucket
 * holding it, and only that bucket's few values are selected among. Bucketing is monotonic in the value, so
 * the answer is exact whatever the hint; a poor hint only costs time. The collecting pass compares each
 * value's kept bucket byte instead of computing it again.
 */
function selectCounted(a: Float32Array, m: number, k: number, counts: Int32Array, at: Uint8Array): number {
  let below = 0;
  let b = 0;
  while (below + counts[b] <= k) below += counts[b++];
  let c = 0;
  for (let i = 0; i < m; i++) if (at[i] === b) a[c++] = a[i];
  return selectInPlace(a, k - below, 0, c);
}

/**
 * A local level per window: the `q` quantile of the finite values within ±`half` windows. A low quantile
 * follows the quiet background and ignores bursts shorter than the neighbourhood.
 */
export function slidingQuantile(values: Float64Array, half: number, q: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  // The window's finite values kept sorted as it slides: each step moves one value in and one out
  // (a binary search and a block move) instead of selecting among the whole window again.
  const sorted = new Float64Array(2 * half + 1);
  let m = 0;
  const insert = (v: number): void => {
    const at = lowerBound(sorted, v, m);
    sorted.copyWithin(at + 1, at, m);
    sorted[at] = v;
    m++;
  };
  const remove = (v: number): void => {
    const at = lowerBound(sorted, v, m);
    sorted.copyWithin(at, at + 1, m);
    m--;
  };
  for (let j = 0; j <= Math.min(n - 1, half); j++) if (values[j] === values[j]) insert(values[j]);
  for (let i = 0; i < n; i++) {
    // Out before in, so the window never holds more than 2 * half + 1 values.
    if (i - half - 1 >= 0 && values[i - half - 1] === values[i - half - 1]) remove(values[i - half - 1]);
    if (i > 0 && i + half < n && values[i + half] === values[i + half]) insert(values[i + half]);
    out[i] = m === 0 ? Number.NaN : sorted[Math.min(m - 1, Math.max(0, Math.floor(q * (m - 1))))];
  }
  return out;
}

/** The `q` quantile of the finite values, or NaN when there are none. */
export function finiteQuantile(values: Float64Array, q: number): number {
  const copy = new Float64Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) copy[m++] = values[i];
  return quantileInPlace(copy, q, 0, m);
}
