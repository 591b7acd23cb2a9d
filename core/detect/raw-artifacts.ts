import { extremes } from '../stats/extremes';
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
): RawArtifacts {
  const runs = repeatedRuns(x, clipMinRun);
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
 * The maximal runs of at least `minRun` equal samples (NaN never equals anything). A run that long holds
 * minRun - 1 neighbouring equal pairs in a row, so testing one pair in every minRun - 1 finds each run;
 * only there is the run measured out.
 */
function repeatedRuns(x: Float32Array, minRun: number): Array<{ start: number; end: number; value: number }> {
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
  const stride = minRun - 1;
  let i = 1;
  while (i < n) {
    // Four tested pairs at once: the product of their differences is 0 or NaN whenever one of them is equal
    // (or holds NaN or an infinity, or the product underflows), and only then are they tested one by one.
    if (i + 3 * stride < n) {
      const d = (x[i] - x[i - 1]) * (x[i + stride] - x[i + stride - 1]) * ((x[i + 2 * stride] - x[i + 2 * stride - 1]) * (x[i + 3 * stride] - x[i + 3 * stride - 1]));
      if (d !== 0 && d === d) {
        i += 4 * stride;
        continue;
      }
    }
    if (x[i] !== x[i - 1]) {
      i += stride;
      continue;
    }
    const value = x[i];
    let start = i - 1;
    while (start > 0 && x[start - 1] === value) start--;
    let end = i + 1;
    while (end < n && x[end] === value) end++;
    if (end - start >= minRun) runs.push({ start, end, value: x[start] });
    i = end + 1;
  }
  return runs;
}
