import { describe, expect, it } from 'vitest';
import { bandOfMeans, movingMean } from '../../core/dsp/envelope';
import { Prng } from '../../core/simulate/prng';

// The motion band as it was formed: two moving means, then one subtracted from the other in place.
function threePasses(x: Float32Array, short: number, long: number): Float32Array {
  const low = movingMean(x, short);
  const slow = movingMean(x, long);
  for (let i = 0; i < low.length; i++) low[i] -= slow[i];
  return low;
}

function signal(n: number, rng: Prng, odd: number): Float32Array {
  const x = new Float32Array(n);
  const specials = [Number.NaN, 0, -0, Infinity, -Infinity, 3e38, -3e38, 1e-45];
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    x[i] = u < odd ? specials[Math.floor(rng.next() * specials.length)] : rng.gaussian() * 10 ** rng.uniform(-3, 4) + (u < 0.5 ? 1e3 : 0);
  }
  // Runs of NaN, as outside the recording's runs.
  for (let r = 0; r < 3; r++) {
    const at = Math.floor(rng.next() * n);
    x.fill(Number.NaN, at, at + Math.floor(rng.next() * 300));
  }
  return x;
}

describe('motion band: both moving means in one pass', () => {
  it('gives the bits of two moving means and a subtraction', () => {
    const rng = new Prng(14);
    let cases = 0;
    for (const n of [0, 1, 2, 5, 7, 50, 101, 102, 1000, 65535, 65536, 65537, 140000]) {
      for (const [short, long] of [[7, 101], [1, 1], [1, 3], [3, 1], [7, 7], [5, 201], [2, 100], [101, 7], [0, 9]]) {
        for (const odd of [0, 0.01, 0.2]) {
          const x = signal(n, rng, odd);
          const want = threePasses(x, short, long);
          const got = bandOfMeans(x, short, long, new Float32Array(n).fill(123));
          const a = new Uint32Array(want.buffer);
          const b = new Uint32Array(got.buffer);
          let differ = 0;
          // NaN as NaN (a typed array's NaN encoding is the engine's to choose), every other value by its bits.
          for (let i = 0; i < n; i++) if (a[i] !== b[i] && !(Number.isNaN(want[i]) && Number.isNaN(got[i]))) differ++;
          expect(differ, `n ${n} widths ${short}/${long} odd ${odd}`).toBe(0);
          cases++;
        }
      }
    }
    expect(cases).toBe(13 * 9 * 3);
  });
});
