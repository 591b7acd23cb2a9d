import { extremes } from '../stats/extremes';
import { irregularBlocks, nextMarked } from './raw-blocks';
import type { Span } from './spans';

export interface RawArtifacts {
  clipping: Span[];
  flat: Span[];
}

/**
 * Clipping and disconnection read from the raw samples: runs of one repeated value. A run of at least
 * `clipMinRun` samples at the channel's extreme (or stated full scale) is clipping (detection notes 7.1);
 * any other run of at least `flatMin` samples is a flat, disconnected stretch.
 */
export function findRawArtifacts(
  x: Float32Array,
  clipMinRun: number,
  flatMin: number,
  range?: { min: number; max: number },
  blocks = irregularBlocks(x),
): RawArtifacts {
  const runs = repeatedRuns(x, clipMinRun, blocks);
  const clipping: Span[] = [];
  const flat: Span[] = [];
  if (runs.length === 0) return { clipping, flat };
  // The extremes matter only once some run exists; most channels have none and skip this pass.
  const { min: lo, max: hi } = extremes(x);
  const top = range ? Math.min(hi, range.max) : hi;
  const bottom = range ? Math.max(lo, range.min) : lo;
  for (const r of runs) {
    if (top > bottom && (r.value >= top || r.value <= bottom)) clipping.push({ start: r.start, end: r.end });
    else if (r.end - r.start >= flatMin) flat.push({ start: r.start, end: r.end });
  }
  return { clipping, flat };
}

/**
 * The maximal runs of at least `minRun` equal samples (NaN never equals anything). Two equal neighbours lie
 * only in the blocks `blocks` marks (see irregularBlocks), so only their neighbours are compared; from each
 * equal pair the run is measured out whole.
 */
function repeatedRuns(x: Float32Array, minRun: number, blocks: Int32Array): Array<{ start: number; end: number; value: number }> {
  const runs: Array<{ start: number; end: number; value: number }> = [];
  const n = x.length;
  if (minRun <= 1) {
    // Every sample is in a long enough run: list them all.
    for (let start = 0, end = 1; start < n; start = end++) {
      while (end < n && x[end] === x[start]) end++;
      if (x[start] === x[start]) runs.push({ start, end, value: x[start] });
    }
    return runs;
  }
  // `at`: the next sample to compare with the one before it.
  let at = 1;
  for (let b = nextMarked(blocks, 0); b >= 0; b = nextMarked(blocks, at >> 3)) {
    const i = firstRepeat(x, Math.max(at, b << 3), Math.min(n, (b + 1) << 3));
    if (i < 0) {
      at = (b + 1) << 3;
      continue;
    }
    const value = x[i];
    let start = i - 1;
    while (start > 0 && x[start - 1] === value) start--;
    let end = i + 1;
    while (end < n && x[end] === value) end++;
    if (end - start >= minRun) runs.push({ start, end, value: x[start] });
    // x[end] differs from x[end - 1]: the next pair that can be equal is (end, end + 1).
    at = end + 1;
  }
  return runs;
}

/** The first i in [from, to) (from at least 1) where x[i] equals x[i - 1], or -1. */
function firstRepeat(x: Float32Array, from: number, to: number): number {
  for (let i = Math.max(1, from); i < to; i++) if (x[i] === x[i - 1]) return i;
  return -1;
}
