import type { TimingReport } from '../recording';

export interface Grid {
  rateHz: number;
  /** Time of grid index 0, in the clock's seconds. */
  t0: number;
  length: number;
  /**
   * Grid index of each sample; -1 for samples dropped (no time, or time going backwards). Null when
   * `identity` holds (sample i is slot i) or the grid is empty: a regular clock, the common case, then
   * costs no index at all.
   */
  index: Int32Array | null;
  /** True when every sample lands on its own sequential slot: data can be used as is. */
  identity: boolean;
  report: Omit<TimingReport, 'channelId'>;
  /** Samples dropped because their time was missing or went backwards. */
  dropped: number;
  /**
   * Set when the times jump so far ahead that the grid would pass `maxLength` slots: the sample where
   * it happened and the times either side. The grid is then empty.
   */
  tooLong?: { sample: number; fromS: number; toS: number };
}

/** A gap is an interval longer than this many median intervals (research notes §7.1: "gaps > 2 samples"). */
const GAP_FACTOR = 2.5;

/**
 * Places irregularly timed samples on a uniform grid. The rate comes from the median interval, refined by
 * the mean of the intervals within ±50 % of it: millisecond-rounded timestamps then still give the true
 * rate, while repeated times and missed samples do not bias it. Samples stay in order and fill consecutive slots while their time agrees
 * within 1.5 intervals; a later time jumps ahead (leaving NaN gaps), an earlier one is dropped.
 */
export function regrid(times: Float64Array, maxLength = Infinity): Grid {
  const n = times.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(times[i])) {
      first = i;
      break;
    }
  }
  const empty = { medianIntervalS: 0, jitter: 0, gaps: 0, gapS: 0, duplicates: 0, nonMonotonic: 0 };
  if (first < 0) return { rateHz: 0, t0: 0, length: 0, index: null, identity: false, report: empty, dropped: n };

  const diffs = sampleDiffs(times);
  const positive = diffs.filter((d) => d > 0).sort((a, b) => a - b);
  const median = positive.length ? positive[positive.length >> 1] : 0;
  if (median <= 0) return { rateHz: 0, t0: times[first], length: 0, index: null, identity: false, report: empty, dropped: n };
  const q1 = positive[Math.floor(positive.length * 0.25)];
  const q3 = positive[Math.floor(positive.length * 0.75)];

  let sum = 0;
  let count = 0;
  let gaps = 0;
  let gapS = 0;
  let duplicates = 0;
  let nonMonotonic = 0;
  const gapLimit = GAP_FACTOR * median;
  // A first time later than the next one is a corrupt cell: the grid starts at the first time in order.
  for (let j = first + 1; j < n; j++) {
    if (!Number.isFinite(times[j])) continue;
    if (times[j] >= times[first]) break;
    first = j;
    nonMonotonic++;
  }
  let prev = times[first];
  for (let i = first + 1; i < n; i++) {
    const t = times[i];
    if (!Number.isFinite(t)) continue;
    if (isGlitch(times, i, prev, gapLimit)) {
      nonMonotonic++;
      continue;
    }
    const d = t - prev;
    if (d < 0) {
      nonMonotonic++;
      continue;
    }
    if (d === 0) duplicates++;
    if (d > gapLimit) {
      gaps++;
      gapS += d;
    }
    // Jittered and rounded intervals average out; repeats (0) and missed samples (2×) would bias the mean.
    if (d > 0.5 * median && d < 1.5 * median) {
      sum += d;
      count++;
    }
    prev = t;
  }
  const dt = count > 0 && sum > 0 ? sum / count : median;

  const t0 = times[first];
  let last = -1;
  let prevT = -Infinity;
  let dropped = 0;
  // Built only once a sample leaves its own slot; until then sample i sits at slot i.
  let index: Int32Array | null = null;
  const departFrom = (i: number): Int32Array => {
    const built = new Int32Array(n).fill(-1);
    for (let k = 0; k < i; k++) built[k] = k;
    return built;
  };
  for (let i = 0; i < n; i++) {
    const t = times[i];
    if (i < first || !Number.isFinite(t) || t < prevT || (i > first && isGlitch(times, i, prevT, gapLimit))) {
      dropped++;
      index ??= departFrom(i);
      continue;
    }
    const expected = (t - t0) / dt;
    const next = last + 1;
    const idx = expected - next >= 1.5 ? Math.round(expected) : next;
    if (!(idx < maxLength)) {
      return { rateHz: 1 / dt, t0, length: 0, index: null, identity: false, report: empty, dropped: n, tooLong: { sample: i, fromS: prevT, toS: t } };
    }
    prevT = t;
    if (idx !== i) index ??= departFrom(i);
    if (index) index[i] = idx;
    last = idx;
  }
  return {
    rateHz: 1 / dt,
    t0,
    length: last + 1,
    index,
    identity: index === null,
    report: { medianIntervalS: median, jitter: (q3 - q1) / median, gaps, gapS, duplicates, nonMonotonic },
    dropped,
  };
}

/**
 * A time far ahead of the one before while the next time is back in line: one corrupt cell, not a gap.
 * Kept, it would leave a huge gap and drop every later sample as going backwards.
 */
function isGlitch(times: Float64Array, i: number, prev: number, gapLimit: number): boolean {
  if (!(times[i] - prev > gapLimit)) return false;
  let j = i + 1;
  while (j < times.length && !Number.isFinite(times[j])) j++;
  if (j >= times.length) return false;
  const back = times[j] - prev;
  return back >= 0 && back < times[i] - prev && back <= gapLimit * (j - i + 1);
}

/** Consecutive differences of finite times, at most ~200k of them spread over the whole column. */
function sampleDiffs(times: Float64Array): number[] {
  const n = times.length;
  const step = Math.max(1, Math.floor(n / 200_000));
  const out: number[] = [];
  for (let i = 1; i < n; i += step) {
    const d = times[i] - times[i - 1];
    if (Number.isFinite(d)) out.push(d);
  }
  return out;
}

/** Spreads samples onto the grid: NaN where no sample landed. */
export function placeOnGrid(values: Float32Array, grid: Grid): Float32Array {
  if (grid.identity && values.length === grid.length) return values;
  const out = new Float32Array(grid.length).fill(NaN);
  const idx = grid.index;
  if (grid.identity) out.set(values.subarray(0, Math.min(values.length, grid.length)));
  else if (idx) {
    for (let i = 0; i < values.length; i++) {
      const k = idx[i];
      if (k >= 0) out[k] = values[i];
    }
  }
  return out;
}
