/** How two twitch rates compare: the ratio of two Poisson rates with its exact 95 % interval. */
import { betaIInverse } from './beta';

export interface RateRatio {
  /** Rate of `b` over rate of `a`; Infinity when `a` has no twitches and `b` has some; NaN when neither has any. */
  ratio: number;
  lower: number;
  upper: number;
}

// Clopper & Pearson (1934), Biometrika 26:404: exact binomial limits for k successes in n trials.
export function clopperPearson(k: number, n: number, confidence = 0.95): { lower: number; upper: number } {
  const alpha = 1 - confidence;
  return {
    lower: k === 0 ? 0 : betaIInverse(k, n - k + 1, alpha / 2),
    upper: k === n ? 1 : betaIInverse(k + 1, n - k, 1 - alpha / 2),
  };
}

// Conditional binomial method (Breslow & Day 1987, Statistical Methods in Cancer Research II, section 2.3):
// given k_a + k_b twitches, k_b is binomial with p = λ_b t_b / (λ_a t_a + λ_b t_b); the exact Clopper–Pearson
// limits of p turn into limits of the rate ratio λ_b/λ_a = p/(1 − p) · t_a/t_b.
export function rateRatio(countA: number, exposureA: number, countB: number, exposureB: number, confidence = 0.95): RateRatio {
  if (!(exposureA > 0 && exposureB > 0)) throw new Error('rate ratio needs positive exposure on both sides');
  const n = countA + countB;
  if (n === 0) return { ratio: NaN, lower: 0, upper: Infinity };
  const p = clopperPearson(countB, n, confidence);
  const scale = exposureA / exposureB;
  const toRatio = (q: number): number => (q >= 1 ? Infinity : (q / (1 - q)) * scale);
  return {
    ratio: countA === 0 ? Infinity : (countB / exposureB) / (countA / exposureA),
    lower: toRatio(p.lower),
    upper: toRatio(p.upper),
  };
}
