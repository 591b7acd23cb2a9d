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
  const { k, separation } = o;
  let at = new Int32Array(Math.max(16, pot.length * 2));
  let size = new Float32Array(at.length);
  let width = new Int32Array(at.length);
  let m = 0;
  for (let c = 0; c < pot.length; c++) {
    const from = pot.start[c];
    const to = pot.end[c];
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
      if (m === at.length) {
        at = grow(at, new Int32Array(m * 2));
        size = grow(size, new Float32Array(m * 2));
        width = grow(width, new Int32Array(m * 2));
      }
      at[m] = i;
      size[m] = v;
      width[m] = to - from;
      m++;
    }
    if (best >= 0) {
      if (m === at.length) {
        at = grow(at, new Int32Array(m * 2));
        size = grow(size, new Float32Array(m * 2));
        width = grow(width, new Int32Array(m * 2));
      }
      at[m] = best;
      size[m] = envelope[best];
      width[m] = to - from;
      m++;
    }
  }
  return withoutEchoes({ at: at.subarray(0, m), size: size.subarray(0, m), width: width.subarray(0, m), length: m }, o.echoRatio, o.echoWindow);
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

function isLocalMax(envelope: Float32Array, i: number, from: number, to: number, separation: number): boolean {
  const v = envelope[i];
  for (let j = Math.max(from, i - separation); j <= Math.min(to - 1, i + separation); j++) {
    if (envelope[j] > v || (envelope[j] === v && j < i)) return false;
  }
  return true;
}

function grow<T extends Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
