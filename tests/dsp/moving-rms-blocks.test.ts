import { describe, expect, it } from 'vitest';
import { movingRmsGapFree } from '../../core/dsp/envelope';
import { Prng } from '../../core/simulate/prng';

// The moving RMS one sample after another, its running total rebuilt from the samples at every multiple of
// 65,536 inside the interior: the order the detectors' envelopes were made in.
function oneAfterAnother(x: Float32Array, width: number): Float32Array {
  const n = x.length;
  const out = new Float32Array(n);
  const half = Math.max(0, (width - 1) >> 1);
  if (half === 0) {
    for (let i = 0; i < n; i++) out[i] = Math.abs(x[i]);
    return out;
  }
  let sum = 0;
  for (let j = 0; j < Math.min(n, half); j++) sum += x[j] * x[j];
  let i = 0;
  for (; i < Math.min(n, half + 1); i++) {
    if (i + half < n) sum += x[i + half] * x[i + half];
    out[i] = Math.sqrt((sum > 0 ? sum : 0) / (Math.min(n - 1, i + half) + 1));
  }
  const inverseWidth = 1 / (2 * half + 1);
  const bodyEnd = n - half;
  if (i < bodyEnd) {
    for (; i < bodyEnd; i++) {
      if (i % 65536 === 0) {
        sum = 0;
        for (let j = i - half - 1; j < i + half; j++) sum += x[j] * x[j];
      }
      sum += x[i + half] * x[i + half] - x[i - half - 1] * x[i - half - 1];
      out[i] = Math.sqrt((sum > 0 ? sum : 0) * inverseWidth);
    }
    sum = 0;
    for (let j = i - half - 1; j < i + half; j++) sum += x[j] * x[j];
  }
  for (; i < n; i++) {
    if (i - half - 1 >= 0) sum -= x[i - half - 1] * x[i - half - 1];
    out[i] = Math.sqrt((sum > 0 ? sum : 0) / (Math.min(n - 1, i + half) - Math.max(0, i - half) + 1));
  }
  return out;
}

function signal(n: number, rng: Prng): Float32Array {
  const x = new Float32Array(n);
  // Levels spanning many orders of magnitude, so any change in the order of additions shows in the last bits;
  // zeros, subnormals and huge values as the filters may leave them.
  const specials = [0, -0, 3e38, 1e-45];
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    x[i] = u < 0.01 ? specials[Math.floor(rng.next() * specials.length)] : rng.gaussian() * 10 ** rng.uniform(-20, 18);
  }
  return x;
}

describe('moving RMS: two 65,536-sample blocks side by side', () => {
  it('gives the bits of the one-sample-after-another loop, whatever the length and where the blocks fall', () => {
    const rng = new Prng(21);
    let cases = 0;
    for (const n of [0, 1, 2, 3, 6, 100, 65535, 65536, 65537, 65540, 131071, 131072, 131075, 196608, 200003, 262150]) {
      for (const width of [1, 3, 5, 41, 2001, 140001]) {
        const x = signal(n, rng);
        const want = oneAfterAnother(x, width);
        const got = movingRmsGapFree(x, width, new Float32Array(n).fill(123));
        const a = new Uint32Array(want.buffer);
        const b = new Uint32Array(got.buffer);
        let differ = 0;
        for (let i = 0; i < n; i++) if (a[i] !== b[i]) differ++;
        expect(differ, `n ${n} width ${width}`).toBe(0);
        cases++;
      }
    }
    expect(cases).toBe(16 * 6);
  });
});
