import { describe, expect, it } from 'vitest';
import { binMeanSquares, binMeanSquaresTwice, blockMeans } from '../../core/dsp/bin-sums';
import { Prng } from '../../core/simulate/prng';

// The sums one bin at a time, sample after sample: the order the detectors' results were made in.
function meanSquaresOneByOne(x: Float32Array, binLength: number, bins: number): Float64Array {
  const out = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    let s = 0;
    let m = 0;
    for (let i = k * binLength; i < Math.min(x.length, (k + 1) * binLength); i++) {
      if (!Number.isNaN(x[i])) {
        s += x[i] * x[i];
        m++;
      }
    }
    out[k] = m > 0 ? s / m : Number.NaN;
  }
  return out;
}

function signal(n: number, seed: number, nanShare: number): Float32Array {
  const rng = new Prng(seed);
  const x = new Float32Array(n);
  // Levels spanning many orders of magnitude, so any change in the order of additions shows in the last bits.
  for (let i = 0; i < n; i++) x[i] = rng.next() < nanShare ? Number.NaN : rng.gaussian() * 10 ** rng.uniform(-3, 4) + 1e3;
  return x;
}

describe('per-bin sums, four bins side by side', () => {
  it('give the same bits as summing each bin alone, with NaN samples, a short last bin and fewer than four bins', () => {
    for (const [n, binLength, nanShare, seed] of [[10007, 50, 0, 1], [10007, 50, 0.02, 2], [999, 100, 0.5, 3], [130, 50, 0, 4], [40, 7, 1, 5]] as const) {
      const x = signal(n, seed, nanShare);
      for (const bins of [Math.floor(n / binLength), Math.ceil(n / binLength)]) {
        const got = binMeanSquares(x, binLength, bins);
        const want = meanSquaresOneByOne(x, binLength, bins);
        for (let k = 0; k < bins; k++) expect(got[k]).toBe(want[k]);
      }
    }
  });

  it('two bin lengths in one pass give the bits of each bin summed alone, whether a coarse bin is two fine ones or not', () => {
    let cases = 0;
    for (const [n, fine, nanShare, seed] of [[10007, 50, 0, 7], [10000, 50, 0.02, 8], [999, 25, 0.5, 9], [250, 50, 0, 10], [99, 50, 0, 11], [40, 7, 1, 12], [3, 2, 0, 13]] as const) {
      const x = signal(n, seed, nanShare);
      for (const coarse of [2 * fine, 2 * fine + 1]) {
        for (const coarseBins of [Math.floor(n / coarse), Math.ceil(n / coarse)]) {
          const got = binMeanSquaresTwice(x, fine, Math.floor(n / fine), coarse, coarseBins);
          expect(Array.from(got.fine)).toEqual(Array.from(meanSquaresOneByOne(x, fine, Math.floor(n / fine))));
          expect(Array.from(got.coarse)).toEqual(Array.from(meanSquaresOneByOne(x, coarse, coarseBins)));
          cases++;
        }
      }
    }
    expect(cases).toBe(7 * 2 * 2);
  });

  it('block means over a stretch cut at both ends match the block-by-block sums', () => {
    const x = signal(5003, 6, 0);
    for (const [from, to, block] of [[0, 5003, 10], [17, 4990, 10], [20, 40, 10], [3, 8, 10], [33, 300, 1], [1001, 4444, 37]] as const) {
      const got = new Float32Array(Math.ceil(5003 / block)).fill(-1);
      const want = new Float32Array(got.length).fill(-1);
      blockMeans(x, from, to, block, got);
      for (let b = Math.floor(from / block); b * block < to; b++) {
        const start = Math.max(from, b * block);
        const end = Math.min(to, (b + 1) * block);
        let s = 0;
        for (let i = start; i < end; i++) s += x[i];
        want[b] = s / (end - start);
      }
      expect(Array.from(got)).toEqual(Array.from(want));
    }
  });
});
