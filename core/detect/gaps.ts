import { complement, mergeSpans, type Span } from './spans';

/**
 * Bridges short runs of missing samples (single empty cells) by linear interpolation, so they neither split
 * the filters nor count as gaps; longer runs stay NaN. Returns a copy only when something was filled, and
 * where it filled: a straight line across a missing sample of a large hum leaves a small step that the
 * filters turn into a spike, so nothing may be called on those samples. The runs of samples that are not
 * NaN after filling come with it, found in the same pass.
 */
export function fillShortGaps(x: Float32Array, maxRun: number): { data: Float32Array; filled: Span[]; finite: Span[] } {
  let out: Float32Array | null = null;
  const filled: Span[] = [];
  const finite: Span[] = [];
  let runStart = 0;
  let i = 0;
  const n = x.length;
  while (i < n) {
    i = skipBlocksWithoutNaN(x, i, n);
    if (i >= n) break;
    if (x[i] === x[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && x[j] !== x[j]) j++;
    const a = i > 0 ? x[i - 1] : Number.NaN;
    const b = j < n ? x[j] : Number.NaN;
    // Only between two finite ends: a line from ±Infinity is no estimate, and its cells would read NaN.
    if (j - i <= maxRun && Number.isFinite(a) && Number.isFinite(b)) {
      out ??= x.slice();
      for (let k = i; k < j; k++) out[k] = a + ((b - a) * (k - i + 1)) / (j - i + 1);
      filled.push({ start: i, end: j });
    } else {
      if (i > runStart) finite.push({ start: runStart, end: i });
      runStart = j;
    }
    i = j;
  }
  if (n > runStart) finite.push({ start: runStart, end: n });
  return { data: out ?? x, filled, finite };
}

/**
 * From `i`, past every whole block of eight samples whose sum is not NaN; the first sample of the block that
 * is (or where fewer than eight are left). A sum is NaN only if one of its samples is (or +Infinity meets
 * -Infinity, which fillShortGaps' sample-by-sample test then sorts out). A function of its own so TurboFan
 * compiles this loop, where the time goes, apart: inside fillShortGaps it was compiled on the fly (OSR)
 * before the gap path after it had run, and deoptimised there for want of feedback, file after file.
 */
function skipBlocksWithoutNaN(x: Float32Array, i: number, n: number): number {
  while (i + 8 <= n) {
    const sum = x[i] + x[i + 1] + x[i + 2] + x[i + 3] + x[i + 4] + x[i + 5] + x[i + 6] + x[i + 7];
    if (sum !== sum) break;
    i += 8;
  }
  return i;
}

/**
 * Gap-free runs long enough to filter, and the gaps (everything else). With nothing to bridge, fillShortGaps
 * only finds the runs of samples that are not NaN.
 */
export function usableRuns(x: Float32Array, minRun: number): { runs: Span[]; gaps: Span[] } {
  const runs = fillShortGaps(x, 0).finite.filter((r) => r.end - r.start >= minRun);
  return { runs, gaps: complement(mergeSpans(runs), x.length) };
}
