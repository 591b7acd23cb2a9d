import type { Potentials } from './hysteresis';

/** Discharges as parallel arrays: the sample of each envelope peak and its height. */
export interface Spikes {
  at: Int32Array;
  size: Float32Array;
  /** Length of the candidate potential each came from, samples: one potential is short, a burst of units longer. */
  width: Int32Array;
  length: number;
}

export interface SpikeOptions {
  /** Peaks must reach k times the local floor. */
  k: number;
  /** Peaks inside one long candidate are at least this many samples apart. */
  separation: number;
  /** A candidate no longer than this is one discharge. */
  onePotential: number;
  /** A discharge under 1/echoRatio the size of one within `echoWindow` samples is that one's ringing. */
  echoRatio: number;
  echoWindow: number;
}

/**
 * One entry per discharge: a candidate potential no longer than one potential is one discharge, at its
 * envelope's peak; a longer one (a dense train keeps the envelope above the release level) gives its
 * envelope peaks that reach `k` times the local floor and are the largest within ±`separation` samples.
 * Small peaks beside a much larger one are its phases or the filters' ringing, not discharges.
 */
export function spikesIn(envelope: Float32Array, pot: Potentials, floor: Float64Array, floorWindow: number, o: SpikeOptions): Spikes {
  const list = new SpikeList(Math.max(16, pot.length * 2));
  for (let c = 0; c < pot.length; c++) dischargesOf(envelope, pot.start[c], pot.end[c], floor, floorWindow, o, list);
  return withoutEchoes({ at: list.at.subarray(0, list.length), size: list.size.subarray(0, list.length), width: list.width.subarray(0, list.length), length: list.length }, o.echoRatio, o.echoWindow);
}

/** Discharges as they are found, in arrays doubled when full. */
class SpikeList {
  at: Int32Array;
  size: Float32Array;
  width: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.at = new Int32Array(capacity);
    this.size = new Float32Array(capacity);
    this.width = new Int32Array(capacity);
  }

  push(at: number, size: number, width: number): void {
    if (this.length === this.at.length) this.grow();
    this.at[this.length] = at;
    this.size[this.length] = size;
    this.width[this.length] = width;
    this.length++;
  }

  private grow(): void {
    const m = this.length;
    this.at = grow(this.at, new Int32Array(m * 2));
    this.size = grow(this.size, new Float32Array(m * 2));
    this.width = grow(this.width, new Int32Array(m * 2));
  }
}

/**
 * The discharges of candidate [from, to) into `list`. The loop over a candidate's samples is a function of
 * its own, called once per candidate: it is optimised from whole calls, rather than entered half-way by
 * on-stack replacement in the first long candidate and thrown out at the next branch not yet seen.
 */
function dischargesOf(envelope: Float32Array, from: number, to: number, floor: Float64Array, floorWindow: number, o: SpikeOptions, list: SpikeList): void {
  const { k, separation } = o;
  const single = to - from <= o.onePotential;
  let best = -1;
  for (let i = from; i < to; i++) {
    const v = envelope[i];
    if (!(v >= k * floor[(i / floorWindow) | 0])) continue;
    if (single) {
      if (best < 0 || v > envelope[best]) best = i;
      continue;
    }
    if (!isLocalMax(envelope, i, from, to, separation)) continue;
    list.push(i, v, to - from);
    // No sample within `separation` after a peak can be one: the peak is in its window and at least as high
    // (a tie goes to the earlier sample).
    i += separation;
  }
  if (best >= 0) list.push(best, envelope[best], to - from);
}

/** Drops each discharge under 1/ratio the size of another within `window` samples (sorted by time). */
function withoutEchoes(spikes: Spikes, ratio: number, window: number): Spikes {
  const { at, size, width } = spikes;
  const n = at.length;
  const keep = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n && at[j] - at[i] <= window; j++) {
      if (size[j] * ratio < size[i]) keep[j] = 0;
      else if (size[i] * ratio < size[j]) keep[i] = 0;
    }
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    at[m] = at[i];
    size[m] = size[i];
    width[m] = width[i];
    m++;
  }
  return keepFirst(spikes, m);
}

/** The first `m` entries. */
export function keepFirst(s: Spikes, m: number): Spikes {
  return { at: s.at.subarray(0, m), size: s.size.subarray(0, m), width: s.width.subarray(0, m), length: m };
}

/**
 * Whether the envelope at `i` is the largest within ±`separation` in [from, to), a tie going to the earlier
 * sample. The two neighbours are asked first: on the slopes, where most samples above the level lie, one of
 * them already says no, without the scan from `i − separation`.
 */
function isLocalMax(envelope: Float32Array, i: number, from: number, to: number, separation: number): boolean {
  const v = envelope[i];
  if (separation > 0 && ((i + 1 < to && envelope[i + 1] > v) || (i > from && envelope[i - 1] >= v))) return false;
  for (let j = Math.max(from, i - separation); j <= Math.min(to - 1, i + separation); j++) {
    if (envelope[j] > v || (envelope[j] === v && j < i)) return false;
  }
  return true;
}

function grow<T extends Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
