import { complement, finiteRuns, mergeSpans, type Span } from './spans';

/**
 * Bridges short runs of missing samples (single empty cells) by linear interpolation, so they neither split
 * the filters nor count as gaps; longer runs stay NaN. Returns a copy only when something was filled.
 */
export function fillShortGaps(x: Float32Array, maxRun: number): Float32Array {
  let out: Float32Array | null = null;
  let i = 0;
  const n = x.length;
  while (i < n) {
    if (x[i] === x[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && x[j] !== x[j]) j++;
    if (j - i <= maxRun && i > 0 && j < n) {
      out ??= x.slice();
      const a = x[i - 1];
      const b = x[j];
      for (let k = i; k < j; k++) out[k] = a + ((b - a) * (k - i + 1)) / (j - i + 1);
    }
    i = j;
  }
  return out ?? x;
}

/** Gap-free runs long enough to filter, and the gaps (everything else). */
export function usableRuns(x: Float32Array, minRun: number): { runs: Span[]; gaps: Span[] } {
  const runs = finiteRuns(x).filter((r) => r.end - r.start >= minRun);
  return { runs, gaps: complement(mergeSpans(runs), x.length) };
}
