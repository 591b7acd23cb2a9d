/** Exact confidence intervals for a Poisson count, used for every twitch rate the report shows. */

// Lanczos (1964) approximation of ln Γ(x), g = 7, n = 9 coefficients (as tabulated by Godfrey); |error| < 1e-15.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

// Regularised lower incomplete gamma P(a, x): series for x < a + 1, Lentz continued fraction otherwise
// (Press et al., Numerical Recipes, 3rd ed., section 6.2).
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(lnPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(lnPrefix) * h);
}

/** x with P(a, x) = p, by bisection (P is increasing in x). */
function gammaPInverse(a: number, p: number): number {
  let lo = 0;
  let hi = a + 10 * Math.sqrt(a) + 20;
  while (gammaP(a, hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (gammaP(a, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Interval {
  lower: number;
  upper: number;
}

// Garwood (1936), Biometrika 28:437: exact central interval, lower = ½χ²(α/2; 2k), upper = ½χ²(1−α/2; 2k+2),
// written with the gamma distribution (½χ²(p; 2a) is the p-quantile of Gamma(a, 1)).
export function garwoodInterval(count: number, confidence = 0.95): Interval {
  const alpha = 1 - confidence;
  return {
    lower: count === 0 ? 0 : gammaPInverse(count, alpha / 2),
    upper: gammaPInverse(count + 1, 1 - alpha / 2),
  };
}

/** 95 % interval of a rate per minute from a count over `restS` seconds; null without rest time. */
export function rateInterval(count: number, restS: number, confidence = 0.95): Interval | null {
  if (!(restS > 0)) return null;
  const ci = garwoodInterval(count, confidence);
  const perMin = 60 / restS;
  return { lower: ci.lower * perMin, upper: ci.upper * perMin };
}
