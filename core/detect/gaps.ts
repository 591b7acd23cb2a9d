import { irregularBlocks, nextMarked } from './raw-blocks';
import { complement, mergeSpans, type Span } from './spans';

/**
 * Bridges short runs of missing samples (single empty cells) by linear interpolation, so they neither split
 * the filters nor count as gaps; longer runs stay NaN. Returns a copy only when something was filled, and
 * where it filled: a straight line across a missing sample of a large hum leaves a small step that the
 * filters turn into a spike, so nothing may be called on those samples. The runs of samples that are not
 * NaN after filling come with it, found in the same pass.
 */
export function fillShortGaps(x: Float32Array, maxRun: number, blocks = irregularBlocks(x)): { data: Float32Array; filled: Span[]; finite: Span[] } {
  let out: Float32Array | null = null;
  const filled: Span[] = [];
  const finite: Span[] = [];
  let runStart = 0;
  const n = x.length;
  // Only the blocks `irregularBlocks` marks can hold a NaN; each run of NaN is found from its first sample.
  let at = 0;
  for (let b = nextMarked(blocks, 0); b >= 0; b = nextMarked(blocks, at >> 3)) {
    const i = firstNaN(x, Math.max(at, b << 3), Math.min(n, (b + 1) << 3));
    if (i < 0) {
      at = (b + 1) << 3;
      continue;
    }
    let j = i;
    while (j < n && x[j] !== x[j]) j++;
    const a = i > 0 ? x[i - 1] : Number.NaN;
    const c = j < n ? x[j] : Number.NaN;
    // Only between two finite ends: a line from ±Infinity is no estimate, and its cells would read NaN.
    if (j - i <= maxRun && Number.isFinite(a) && Number.isFinite(c)) {
      out ??= x.slice();
      for (let k = i; k < j; k++) out[k] = a + ((c - a) * (k - i + 1)) / (j - i + 1);
      filled.push({ start: i, end: j });
    } else {
      if (i > runStart) finite.push({ start: runStart, end: i });
      runStart = j;
    }
    at = j;
  }
  if (n > runStart) finite.push({ start: runStart, end: n });
  return { data: out ?? x, filled, finite };
}

/** The first NaN in `x[from, to)`, or -1. */
function firstNaN(x: Float32Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (x[i] !== x[i]) return i;
  return -1;
}

/**
 * Gap-free runs long enough to filter, and the gaps (everything else). With nothing to bridge, fillShortGaps
 * only finds the runs of samples that are not NaN.
 */
export function usableRuns(x: Float32Array, minRun: number): { runs: Span[]; gaps: Span[] } {
  const runs = fillShortGaps(x, 0).finite.filter((r) => r.end - r.start >= minRun);
  return { runs, gaps: complement(mergeSpans(runs), x.length) };
}
