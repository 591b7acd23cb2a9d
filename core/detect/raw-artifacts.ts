import type { Span } from './spans';

export interface RawArtifacts {
  clipping: Span[];
  flat: Span[];
}

/**
 * Clipping and disconnection read from the raw samples: runs of one repeated value. A run of at least
 * `clipMinRun` samples at the channel's extreme (or stated full scale) is clipping (detection notes 7.1);
 * any run of at least `flatMin` samples is a flat, disconnected stretch.
 */
export function findRawArtifacts(
  x: Float32Array,
  clipMinRun: number,
  flatMin: number,
  range?: { min: number; max: number },
): RawArtifacts {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const top = range ? Math.min(hi, range.max) : hi;
  const bottom = range ? Math.max(lo, range.min) : lo;
  const clipping: Span[] = [];
  const flat: Span[] = [];
  let i = 0;
  while (i < x.length) {
    const v = x[i];
    let j = i + 1;
    while (j < x.length && x[j] === v) j++;
    const run = j - i;
    if (v === v && run >= clipMinRun) {
      if (top > bottom && (v >= top || v <= bottom)) clipping.push({ start: i, end: j });
      else if (run >= flatMin) flat.push({ start: i, end: j });
    }
    i = j;
  }
  return { clipping, flat };
}
