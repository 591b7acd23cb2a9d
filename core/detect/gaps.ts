import { complement, finiteRuns, mergeSpans, type Span } from './spans';

/**
 * Bridges short runs of missing samples (single empty cells) by linear interpolation, so they neither split
 * the filters nor count as gaps; longer runs stay NaN. Returns a copy only when something was filled, and
 * where it filled: a straight line across a missing sample of a large hum leaves a small step that the
 * filters turn into a spike, so nothing may be called on those samples.
 */
export function fillShortGaps(x: Float32Array, maxRun: number): { data: Float32Array; filled: Span[] } {
  let out: Float32Array | null = null;
  const filled: Span[] = [];
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
      filled.push({ start: i, end: j });
    }
    i = j;
  }
  return { data: out ?? x, filled };
}

/** Gap-free runs long enough to filter, and the gaps (everything else). */
export function usableRuns(x: Float32Array, minRun: number): { runs: Span[]; gaps: Span[] } {
  const runs = finiteRuns(x).filter((r) => r.end - r.start >= minRun);
  return { runs, gaps: complement(mergeSpans(runs), x.length) };
}
