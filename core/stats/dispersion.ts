/**
 * Rate intervals that allow for clustering. Twitches are not always independent: they can come in runs,
 * and then a Poisson interval is too narrow. The counts in equal stretches of rest show it: when they vary
 * more than a Poisson count would, the interval is widened by that factor (quasi-Poisson).
 */
import { garwoodInterval, type Interval } from './poisson';

/** Fewer bins than this say too little about the spread to estimate it. */
export const MIN_DISPERSION_BINS = 4;

// Pearson's index of dispersion with unequal exposures, X² / (B − 1) with X² = Σ (k_i − λ t_i)² / (λ t_i)
// and λ = Σk / Σt (McCullagh & Nelder, Generalized Linear Models, 2nd ed. 1989: the quasi-Poisson scale).
/** The index (1 for Poisson counts), or null with fewer than `MIN_DISPERSION_BINS` bins or no events. */
export function dispersionIndex(counts: ArrayLike<number>, exposure: ArrayLike<number>): number | null {
  let k = 0;
  let t = 0;
  let bins = 0;
  for (let i = 0; i < counts.length; i++) {
    if (!(exposure[i] > 0)) continue;
    k += counts[i];
    t += exposure[i];
    bins++;
  }
  if (bins < MIN_DISPERSION_BINS || k === 0) return null;
  const rate = k / t;
  let x2 = 0;
  for (let i = 0; i < counts.length; i++) {
    if (!(exposure[i] > 0)) continue;
    const expected = rate * exposure[i];
    x2 += ((counts[i] - expected) * (counts[i] - expected)) / expected;
  }
  return x2 / (bins - 1);
}

/**
 * The exact Poisson interval of a rate per minute, widened for a dispersion φ > 1: the count and the rest
 * time are both divided by φ (an overdispersed count of k carries the information of k/φ independent ones)
 * and Garwood's limits taken for that non-integer count. φ ≤ 1 never narrows the Poisson interval.
 */
export function dispersedRateInterval(count: number, restS: number, dispersion: number, confidence = 0.95): Interval | null {
  if (!(restS > 0)) return null;
  const phi = Math.max(1, Number.isFinite(dispersion) ? dispersion : 1);
  const ci = garwoodInterval(count / phi, confidence);
  const perMin = (60 * phi) / restS;
  return { lower: ci.lower * perMin, upper: ci.upper * perMin };
}
