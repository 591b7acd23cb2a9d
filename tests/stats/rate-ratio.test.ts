import { describe, expect, it } from 'vitest';
import { betaI, betaIInverse } from '../../core/stats/beta';
import { clopperPearson, rateRatio } from '../../core/stats/rate-ratio';

describe('incomplete beta', () => {
  it('matches the binomial tail it stands for', () => {
    // I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a) for whole a, b.
    expect(betaI(2, 3, 0.4)).toBeCloseTo(1 - (0.6 ** 4 + 4 * 0.4 * 0.6 ** 3), 12);
    expect(betaI(1, 1, 0.3)).toBeCloseTo(0.3, 12);
    expect(betaI(5, 1, 0.8)).toBeCloseTo(0.8 ** 5, 12);
    expect(betaI(30, 40, 0.9)).toBeCloseTo(1, 10);
    expect(betaIInverse(2, 3, betaI(2, 3, 0.4))).toBeCloseTo(0.4, 10);
  });
});

describe('Clopper–Pearson limits', () => {
  it.each([
    // 0/10: 1 − 0.025^(1/10) in closed form; 5/10: the textbook exact limits.
    [0, 10, 0, 0.3085],
    [5, 10, 0.1871, 0.8129],
    [10, 10, 0.6915, 1],
    // 1 of 1: Beta(1, 1) is uniform, so the lower limit is α/2 itself.
    [1, 1, 0.025, 1],
  ])('%i of %i → %f to %f', (k, n, lo, hi) => {
    const ci = clopperPearson(k, n);
    expect(ci.lower).toBeCloseTo(lo, 3);
    expect(ci.upper).toBeCloseTo(hi, 3);
  });
});

describe('rate ratio by the conditional binomial method', () => {
  it('gives the ratio of rates and an interval around it that shrinks with more twitches', () => {
    const small = rateRatio(10, 600, 20, 600);
    const large = rateRatio(1000, 600, 2000, 600);
    expect(small.ratio).toBe(2);
    expect(large.ratio).toBe(2);
    expect(small.lower).toBeLessThan(2);
    expect(small.upper).toBeGreaterThan(2);
    expect(large.upper - large.lower).toBeLessThan((small.upper - small.lower) / 5);
    expect(large.lower).toBeGreaterThan(1.8);
    expect(large.upper).toBeLessThan(2.2);
  });

  it('accounts for unequal rest time on each side', () => {
    // 10 in 10 min against 20 in 20 min is the same rate.
    const rr = rateRatio(10, 600, 20, 1200);
    expect(rr.ratio).toBeCloseTo(1, 12);
    expect(rr.lower).toBeLessThan(1);
    expect(rr.upper).toBeGreaterThan(1);
    // Swapping the sides inverts the ratio and its limits.
    const back = rateRatio(20, 1200, 10, 600);
    expect(back.lower).toBeCloseTo(1 / rr.upper, 9);
    expect(back.upper).toBeCloseTo(1 / rr.lower, 9);
  });

  it('handles none on one side with an open limit', () => {
    const up = rateRatio(0, 600, 8, 600);
    expect(up.ratio).toBe(Infinity);
    expect(up.upper).toBe(Infinity);
    expect(up.lower).toBeGreaterThan(1);
    const down = rateRatio(8, 600, 0, 600);
    expect(down.ratio).toBe(0);
    expect(down.lower).toBe(0);
    expect(down.upper).toBeLessThan(1);
  });

  it('covers the true ratio at least 95 % of the time (exact, so conservative)', () => {
    for (const [muA, muB] of [
      [4, 8],
      [12, 12],
      [20, 6],
    ]) {
      const trueRatio = muB / muA;
      let covered = 0;
      let pa = Math.exp(-muA);
      for (let ka = 0; ka < 60; ka++) {
        let pb = Math.exp(-muB);
        for (let kb = 0; kb < 60; kb++) {
          if (ka + kb > 0) {
            const rr = rateRatio(ka, 1, kb, 1);
            if (rr.lower <= trueRatio && trueRatio <= rr.upper) covered += pa * pb;
          }
          pb *= muB / (kb + 1);
        }
        pa *= muA / (ka + 1);
      }
      expect(covered).toBeGreaterThanOrEqual(0.95);
      expect(covered).toBeLessThan(0.999);
    }
  });
});
