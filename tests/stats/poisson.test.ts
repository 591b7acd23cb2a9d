import { describe, expect, it } from 'vitest';
import { garwoodInterval, gammaP, logGamma, rateInterval } from '../../core/stats/poisson';

describe('exact Poisson intervals (Garwood 1936)', () => {
  it.each([
    [0, 0, 3.6889],
    [1, 0.0253, 5.5716],
    [5, 1.6235, 11.6683],
    [10, 4.7954, 18.3904],
    [100, 81.3643, 121.6268],
  ])('count %i → %f to %f', (k, lo, hi) => {
    const ci = garwoodInterval(k);
    expect(ci.lower).toBeCloseTo(lo, 3);
    expect(ci.upper).toBeCloseTo(hi, 3);
  });

  it('covers the true mean about 95 % of the time or more (exact intervals are conservative)', () => {
    for (const mu of [0.5, 3, 12, 40]) {
      let covered = 0;
      let mass = 0;
      let p = Math.exp(-mu);
      for (let k = 0; k < 200; k++) {
        const ci = garwoodInterval(k);
        if (ci.lower <= mu && mu <= ci.upper) covered += p;
        mass += p;
        p *= mu / (k + 1);
      }
      expect(mass).toBeCloseTo(1, 9);
      expect(covered).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('turns counts over rest seconds into per-minute limits', () => {
    const r = rateInterval(10, 300)!;
    expect(r.lower).toBeCloseTo(4.7954 / 5, 3);
    expect(r.upper).toBeCloseTo(18.3904 / 5, 3);
    expect(rateInterval(3, 0)).toBeNull();
  });

  it('has a correct log-gamma and incomplete gamma underneath', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
    // P(1, x) = 1 − e^(−x); P(3, 2) = 1 − e^(−2)(1 + 2 + 2) (Poisson tail).
    expect(gammaP(1, 0.7)).toBeCloseTo(1 - Math.exp(-0.7), 12);
    expect(gammaP(3, 2)).toBeCloseTo(1 - Math.exp(-2) * 5, 12);
    expect(gammaP(3, 20)).toBeCloseTo(1 - Math.exp(-20) * (1 + 20 + 200), 12);
  });
});
