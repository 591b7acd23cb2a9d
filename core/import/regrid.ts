import type { TimingReport } from '../recording';
import { stepWindow } from './steps';

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
  /** True when the stated rate timed the samples and the time column placed only the pauses. */
  stated?: boolean;
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

/** A stated rate is trusted over the time column when the two agree within this fraction. */
const STATED_RATE_TOLERANCE = 0.1;

const EMPTY_REPORT = { medianIntervalS: 0, jitter: 0, gaps: 0, gapS: 0, duplicates: 0, nonMonotonic: 0 };

interface Intervals {
  /** Index of the first time in order. */
  first: number;
  /** Median positive step between distinct times. */
  median: number;
  /** Seconds per sample. */
  dt: number;
  /** Times repeat as a rule: samples were stamped a packet at a time. */
  packets: boolean;
  report: Omit<TimingReport, 'channelId'>;
}

/**
 * Places irregularly timed samples on a uniform grid. The rate comes from the median interval, refined by
 * the mean of the intervals within ±50 % of it (and the printed steps either side, see stepWindow): millisecond-rounded timestamps then still give the true
 * rate, while a stray repeat or a missed sample does not bias it. Where times repeat as a rule (packets
 * of samples stamped at once) the rate is the samples over the time they span. A rate the device states
 * (`statedRateHz`) times packet-stamped samples when the times agree with it within 10 %: such clocks
 * jitter by a packet, which the slots then ignore.
 */
export function regrid(times: Float64Array, maxLength = Infinity, statedRateHz?: number): Grid {
  const n = times.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(times[i])) {
      first = i;
      break;
    }
  }
  if (first < 0) return { rateHz: 0, t0: 0, length: 0, index: null, identity: false, report: EMPTY_REPORT, dropped: n };
  const iv = intervals(times, first);
  if (!iv) return { rateHz: 0, t0: times[first], length: 0, index: null, identity: false, report: EMPTY_REPORT, dropped: n };
  const stated = iv.packets && statedRateHz !== undefined && Math.abs(iv.dt * statedRateHz - 1) < STATED_RATE_TOLERANCE;
  return stated ? assignSlots(times, iv, 1 / statedRateHz!, true, maxLength) : assignSlots(times, iv, iv.dt, false, maxLength);
}

function intervals(times: Float64Array, start: number): Intervals | null {
  const n = times.length;
  const positive = sortedSteps(times);
  const median = positive.length ? positive[positive.length >> 1] : 0;
  if (median <= 0) return null;
  const q1 = positive[Math.floor(positive.length * 0.25)];
  const q3 = positive[Math.floor(positive.length * 0.75)];
  let first = start;
  let earlier = 0;
  // A first time later than the next one is a corrupt cell: the grid starts at the first time in order.
  for (let j = first + 1; j < n; j++) {
    if (!Number.isFinite(times[j])) continue;
    if (times[j] >= times[first]) break;
    first = j;
    earlier++;
  }
  const gapLimit = GAP_FACTOR * median;
  const { lo, hi } = stepWindow(positive, median);
  const s = new Float64Array(STEP_STATE);
  s[PREV] = times[first];
  s[RUN] = 1;
  for (let from = first + 1; from < n; from = blockEnd(from, first + 1, n)) walkSteps(times, from, blockEnd(from, first + 1, n), gapLimit, lo, hi, s);
  const [sum, count, spanned, samples, steps, gaps, gapS, duplicates] = s;
  const nonMonotonic = earlier + s[NON_MONOTONIC];
  // Times repeated as a rule (a packet of samples stamped at once): the rate is samples over time spanned.
  const packets = duplicates > (steps + duplicates) / 5 && spanned > 0;
  const dt = packets ? spanned / samples : count > 0 && sum > 0 ? sum / count : median;
  return { first, median, dt, packets, report: { medianIntervalS: median, jitter: (q3 - q1) / median, gaps, gapS, duplicates, nonMonotonic } };
}

/**
 * Rows per call of the per-row kernels (walkSteps, placeBlock). Called once for a whole column, a kernel's
 * loop was compiled on the stack, thrown out at its end, and run again unoptimised on the next file,
 * boxing its doubles: 35 ms and 55 MB of garbage per million rows. Called a block at a time, it is hot
 * after a few blocks and compiled whole; the sums run in the same order, so they are the same doubles.
 */
const BLOCK = 1 << 14;

/**
 * The end of the block from `from`: the first is short, so the kernel's code after its loop has run before
 * V8 compiles the loop (else the compiled loop stops at that code for want of type feedback, file after file).
 */
function blockEnd(from: number, start: number, n: number): number {
  return Math.min(n, from + (from === start ? FIRST_BLOCK : BLOCK));
}

const FIRST_BLOCK = 256;

/** walkSteps' state: its tallies in this order, then the last time in order and how many rows share it. */
const STEP_STATE = 11;
const NON_MONOTONIC = 8;
const PREV = 9;
const RUN = 10;

/** The steps between times of rows [from, to), tallied into `s` (see STEP_STATE), carried on from the rows before. */
function walkSteps(times: Float64Array, from: number, to: number, gapLimit: number, lo: number, hi: number, s: Float64Array): void {
  let sum = s[0];
  let count = s[1];
  let spanned = s[2];
  let samples = s[3];
  let steps = s[4];
  let gaps = s[5];
  let gapS = s[6];
  let duplicates = s[7];
  let nonMonotonic = s[NON_MONOTONIC];
  let prev = s[PREV];
  /** Samples stamped with `prev`: the step to the next time covers all of them. */
  let run = s[RUN];
  for (let i = from; i < to; i++) {
    const t = times[i];
    if (!Number.isFinite(t)) continue;
    // isGlitch's own first test, made here: the call is for the rare time far ahead.
    if (t - prev > gapLimit && isGlitch(times, i, prev, gapLimit)) {
      nonMonotonic++;
      continue;
    }
    const d = t - prev;
    if (d < 0) {
      nonMonotonic++;
      continue;
    }
    if (d === 0) {
      duplicates++;
      run++;
      continue;
    }
    steps++;
    if (d > gapLimit) {
      gaps++;
      gapS += d;
    } else {
      spanned += d;
      samples += run;
    }
    // Jittered and rounded intervals average out; repeats (0) and missed samples (2×) would bias the mean.
    if (d > lo && d < hi) {
      sum += d;
      count++;
    }
    run = 1;
    prev = t;
  }
  s[0] = sum;
  s[1] = count;
  s[2] = spanned;
  s[3] = samples;
  s[4] = steps;
  s[5] = gaps;
  s[6] = gapS;
  s[7] = duplicates;
  s[NON_MONOTONIC] = nonMonotonic;
  s[PREV] = prev;
  s[RUN] = run;
}

/** Samples before the first in order, without a time, going back, or a lone time far ahead: left off the grid. */
function isDropped(times: Float64Array, i: number, first: number, prevT: number, gapLimit: number): boolean {
  const t = times[i];
  return i < first || !Number.isFinite(t) || t < prevT || (i > first && isGlitch(times, i, prevT, gapLimit));
}

/** Builds the sample → slot index once a sample leaves its own slot; until then sample i sits at slot i. */
function departFrom(n: number, i: number): Int32Array {
  const built = new Int32Array(n).fill(-1);
  for (let k = 0; k < i; k++) built[k] = k;
  return built;
}

function tooLongGrid(dt: number, t0: number, n: number, sample: number, fromS: number, toS: number): Grid {
  return { rateHz: 1 / dt, t0, length: 0, index: null, identity: false, report: EMPTY_REPORT, dropped: n, tooLong: { sample, fromS, toS } };
}

/** Samples either side of a long step whose times are compared to tell a pause from a late packet. */
const SHIFT_WINDOW = 128;

/**
 * Places each kept sample in a slot; one loop for both policies, so the dropped-sample and too-long rules
 * are written once. Without a stated rate (`stated` false), samples fill consecutive slots while their time
 * agrees within 1.5 intervals; a later time jumps ahead to its own slot (leaving NaN gaps), an earlier one is
 * dropped. At a stated rate, samples fill consecutive slots and a step between times longer than a gap is a
 * pause only when the clock stays that much ahead afterwards: the mean of (time − slot × dt) over the
 * samples after the step, against the samples before it. A late packet (the clock catches up) then shifts
 * nothing, and a pause keeps its length, however the packets jitter.
 */
function assignSlots(times: Float64Array, iv: Intervals, dt: number, stated: boolean, maxLength: number): Grid {
  const n = times.length;
  const { first } = iv;
  const gapLimit = stated ? Math.max(GAP_FACTOR * iv.median, GAP_FACTOR * dt) : GAP_FACTOR * iv.median;
  const t0 = times[first];
  const recent = new Float64Array(stated ? SHIFT_WINDOW : 0);
  const s = new Float64Array(SLOT_STATE);
  s[LAST] = -1;
  s[PREV_T] = t0;
  let index: Int32Array | null = null;
  for (let from = 0; from < n; ) {
    const to = blockEnd(from, 0, n);
    const stop = placeBlock(times, from, to, first, t0, dt, stated, gapLimit, maxLength, recent, index, s);
    if (stop === to) {
      from = to;
    } else if (stop < 0) {
      return tooLongGrid(dt, t0, n, ~stop, s[PREV_T], times[~stop]);
    } else {
      // The first sample not in its own slot: from here on each sample's slot is listed.
      index = departFrom(n, stop);
      from = stop;
    }
  }
  const grid: Grid = { rateHz: 1 / dt, t0, length: s[LAST] + 1, index, identity: index === null, report: iv.report, dropped: s[DROPPED] };
  return stated ? { ...grid, report: { ...iv.report, gaps: s[GAPS], gapS: s[GAP_S] }, stated: true } : grid;
}

/** placeBlock's state: the last kept sample's slot and time, the samples dropped, the pauses and their seconds, the times `recent` took. */
const SLOT_STATE = 6;
const [LAST, PREV_T, DROPPED, GAPS, GAP_S, FILLED] = [0, 1, 2, 3, 4, 5];

/**
 * Rows [from, to) placed in slots (see assignSlots), carried on from the rows before through `s`. Returns
 * `to` when done; the row where a sample first leaves its own slot while `index` is null, before changing
 * anything for it (the caller then builds the index and goes on from that row); or ~row when the row's
 * slot would pass `maxLength`.
 */
function placeBlock(
  times: Float64Array,
  from: number,
  to: number,
  first: number,
  t0: number,
  dt: number,
  stated: boolean,
  gapLimit: number,
  maxLength: number,
  recent: Float64Array,
  index: Int32Array | null,
  s: Float64Array,
): number {
  let last = s[LAST];
  let prevT = s[PREV_T];
  let dropped = s[DROPPED];
  let gaps = s[GAPS];
  let gapS = s[GAP_S];
  let filled = s[FILLED];
  let i = from;
  for (; i < to; i++) {
    const t = times[i];
    // A time in order within a gap of the one before is kept (the first in order too: prevT starts at
    // it). Decided here, the call is for the rest, so a clean file never makes it: had its first row made
    // it, before V8 kept any type feedback, the loop compiled later would stop there in the next file.
    const inStep = i >= first && t >= prevT && t - prevT <= gapLimit;
    if (!inStep && isDropped(times, i, first, prevT, gapLimit)) {
      if (index === null) break;
      dropped++;
      continue;
    }
    let idx = last + 1;
    let shift = 0;
    if (!stated) {
      const expected = (t - t0) / dt;
      if (expected - idx >= 1.5) idx = Math.round(expected);
    } else if (i > first && t - prevT > gapLimit) {
      shift = meanAhead(times, i, idx, dt) - meanOf(recent, filled);
      if (shift > gapLimit) idx += Math.round(shift / dt);
    }
    if (!(idx < maxLength)) {
      i = ~i;
      break;
    }
    if (idx !== i && index === null) break;
    if (shift > gapLimit) {
      gaps++;
      gapS += shift;
    }
    if (stated) recent[filled++ % SHIFT_WINDOW] = t - idx * dt;
    prevT = t;
    if (index !== null) index[i] = idx;
    last = idx;
  }
  s[LAST] = last;
  s[PREV_T] = prevT;
  s[DROPPED] = dropped;
  s[GAPS] = gaps;
  s[GAP_S] = gapS;
  s[FILLED] = filled;
  return i;
}

function meanOf(ring: Float64Array, filled: number): number {
  const k = Math.min(filled, ring.length);
  let sum = 0;
  for (let j = 0; j < k; j++) sum += ring[j];
  return k > 0 ? sum / k : 0;
}

/** Mean of (time − slot × dt) over the next samples, placed one slot after another from `slot`. */
function meanAhead(times: Float64Array, from: number, slot: number, dt: number): number {
  let sum = 0;
  let k = 0;
  for (let j = from; j < times.length && k < SHIFT_WINDOW; j++) {
    if (!Number.isFinite(times[j])) continue;
    sum += times[j] - (slot + k) * dt;
    k++;
  }
  return k > 0 ? sum / k : 0;
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

/**
 * The positive, finite differences between consecutive times, at most ~200k of them spread over the whole
 * column, in ascending order: a typed array sorted as numbers, several times faster than an array sorted
 * through a comparator, on the import's one thread.
 */
function sortedSteps(times: Float64Array): Float64Array {
  const n = times.length;
  const step = Math.max(1, Math.floor(n / 200_000));
  const out = new Float64Array(Math.ceil(Math.max(0, n - 1) / step));
  return out.subarray(0, positiveSteps(times, step, out)).sort();
}

/**
 * The positive, finite steps at every `step`-th time into `out`; returns how many. A function of its own:
 * in sortedSteps the loop was compiled on the stack and thrown out at the sort after it (see BLOCK).
 */
function positiveSteps(times: Float64Array, step: number, out: Float64Array): number {
  let m = 0;
  for (let i = 1; i < times.length; i += step) {
    const d = times[i] - times[i - 1];
    if (d > 0 && d < Infinity) out[m++] = d;
  }
  return m;
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
