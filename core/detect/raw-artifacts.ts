import type { Span } from './spans';

export interface RawArtifacts {
  clipping: Span[];
  flat: Span[];
}

/**
 * Clipping and disconnection read from the raw samples: runs of one repeated value. A run of at least
 * `clipMinRun` samples at the channel's extreme (or stated full scale) is clipping (detection notes 7.1);
 * any other run of at least `flatMin` samples is a flat, disconnected stretch. One pass collects the runs
 * and the extremes; the few long runs are sorted out afterwards.
 */
export function findRawArtifacts(
  x: Float32Array,
  clipMinRun: number,
  flatMin: number,
  range?: { min: number; max: number },
): RawArtifacts {
  let lo = Infinity;
  let hi = -Infinity;
  const runs: Array<{ start: number; end: number; value: number }> = [];
  let i = 0;
  const n = x.length;
  while (i < n) {
    const v = x[i];
    let j = i + 1;
    while (j < n && x[j] === v) j++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (j - i >= clipMinRun && v === v) runs.push({ start: i, end: j, value: v });
    i = j;
  }
  const top = range ? Math.min(hi, range.max) : hi;
  const bottom = range ? Math.max(lo, range.min) : lo;
  const clipping: Span[] = [];
  const flat: Span[] = [];
  for (const r of runs) {
    if (top > bottom && (r.value >= top || r.value <= bottom)) clipping.push({ start: r.start, end: r.end });
    else if (r.end - r.start >= flatMin) flat.push({ start: r.start, end: r.end });
  }
  return { clipping, flat };
}
