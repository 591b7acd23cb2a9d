/** Steps between times, in ascending order. */
type Steps = readonly number[] | Float64Array;

/** A step value held by at least this share of a clock's steps is part of its rhythm, not a missed sample or a late one. */
const NEIGHBOUR_SHARE = 0.1;
/** Two steps closer than this (relative) are one printed value: 0.3 ms computed as 0.0008 − 0.0005 is 0.30000000000000003 ms. */
const SAME = 1e-6;

/**
 * The steps that time the samples: within ±50 % of the median (a repeat or a missed sample stays out), widened
 * to the printed steps either side of the median when each holds a tenth of the steps. Times written to a
 * coarse resolution alternate between such neighbours (0.2 and 0.3 ms at 4 kHz written to 0.1 ms; 0.1 and
 * 0.2 ms at 6 kHz), and leaving one out would put the rate at 5 or 10 kHz. Open bounds: lo < step < hi.
 */
export function stepWindow(sortedPositive: Steps, median: number): { lo: number; hi: number } {
  let lo = 0.5 * median;
  let hi = 1.5 * median;
  const n = sortedPositive.length;
  // Indexed loops throughout: an iterator over a clock's 200,000 steps made as many result objects.
  const share = (v: number): number => {
    let c = 0;
    for (let i = 0; i < n; i++) if (Math.abs(sortedPositive[i] - v) <= SAME * v) c++;
    return c / n;
  };
  const below = lastBelow(sortedPositive, median * (1 - SAME));
  if (below !== null && share(below) >= NEIGHBOUR_SHARE) lo = Math.min(lo, below * (1 - SAME));
  const above = firstAbove(sortedPositive, median * (1 + SAME));
  if (above !== null && share(above) >= NEIGHBOUR_SHARE) hi = Math.max(hi, above * (1 + SAME));
  return { lo, hi };
}

function lastBelow(sorted: Steps, limit: number): number | null {
  let found: number | null = null;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] >= limit) break;
    found = sorted[i];
  }
  return found;
}

function firstAbove(sorted: Steps, limit: number): number | null {
  for (let i = 0; i < sorted.length; i++) if (sorted[i] > limit) return sorted[i];
  return null;
}

/** A clock's typical step from a few of its values: the mean of the steps in `stepWindow`; null with fewer than two steps. */
export function typicalStep(values: readonly number[]): number | null {
  const positive: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const d = values[i] - values[i - 1];
    if (d > 0) positive.push(d);
  }
  if (positive.length < 2) return null;
  positive.sort((a, b) => a - b);
  const { lo, hi } = stepWindow(positive, positive[positive.length >> 1]);
  let sum = 0;
  let count = 0;
  for (const d of positive) {
    if (d > lo && d < hi) {
      sum += d;
      count++;
    }
  }
  return count > 0 ? sum / count : null;
}
