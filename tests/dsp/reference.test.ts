import { describe, expect, it } from 'vitest';
import { movingRms, movingRmsWithin } from '../../core/dsp/envelope';
import { ZeroPhaseFilter } from '../../core/dsp/filtfilt';
import { butterworthBandpass, cascade, notch, type Sos } from '../../core/dsp/sos';
import { Prng } from '../../core/simulate/prng';

// The fast kernels regroup arithmetic and split loops for speed; these tests hold them to the plain
// definitions, written here the slow and obvious way.

const fs = 2000;

function emgLike(n: number, seed: number): Float32Array {
  const rng = new Prng(seed);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    x[i] = 1500 + 0.3 * i / fs + 40 * Math.sin(2 * Math.PI * 50 * t) + 8 * Math.sin(2 * Math.PI * 150 * t) + 3 * rng.gaussian();
  }
  for (let k = 0; k < 30; k++) {
    const at = rng.int(0, n - 41);
    for (let d = 0; d < 20; d++) x[at + d] += 60 * Math.sin((Math.PI * d) / 10) * Math.exp(-d / 8);
  }
  return x;
}

/** Textbook transposed direct form II, one section after another, state in an array. */
function referenceCascade(filter: Sos, w: Float64Array, forward: boolean): void {
  const c = filter.coeffs;
  const n = w.length;
  for (let s = 0; s < filter.sections; s++) {
    const [b0, b1, b2, a1, a2] = c.subarray(s * 5, s * 5 + 5);
    const u = w[forward ? 0 : n - 1];
    const ySteady = ((b0 + b1 + b2) / (1 + a1 + a2)) * u;
    let z1 = b2 * u - a2 * ySteady;
    let z0 = b1 * u - a1 * ySteady + z1;
    for (let k = 0; k < n; k++) {
      const i = forward ? k : n - 1 - k;
      const x = w[i];
      const y = b0 * x + z0;
      z0 = b1 * x - a1 * y + z1;
      z1 = b2 * x - a2 * y;
      w[i] = y;
    }
  }
}

function referenceFiltfilt(filter: Sos, x: Float32Array, pad: number): Float64Array {
  const n = x.length;
  const w = new Float64Array(n + 2 * pad);
  for (let i = 0; i < n; i++) w[pad + i] = x[i];
  for (let j = 1; j <= pad; j++) {
    w[pad - j] = 2 * x[0] - x[j];
    w[pad + n - 1 + j] = 2 * x[n - 1] - x[n - 1 - j];
  }
  referenceCascade(filter, w, true);
  referenceCascade(filter, w, false);
  return w.subarray(pad, pad + n);
}

function referenceRms(x: Float32Array, width: number): Float64Array {
  const half = (width - 1) >> 1;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) {
      out[i] = Number.NaN;
      continue;
    }
    let s = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(x.length - 1, i + half); j++) {
      if (x[j] === x[j]) s += x[j] * x[j];
      count++;
    }
    out[i] = Math.sqrt(s / count);
  }
  return out;
}

function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) {
      if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return Infinity;
      continue;
    }
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
  }
  return worst;
}

describe('zero-phase filter against the textbook recursion', () => {
  for (const [name, design] of [
    ['band-pass and three notches (even count of sections)', cascade(butterworthBandpass(4, 20, 450, fs), notch(50, 30, fs), notch(150, 30, fs), notch(250, 30, fs))],
    ['band-pass and one notch (odd count)', cascade(butterworthBandpass(4, 20, 450, fs), notch(60, 30, fs))],
  ] as const) {
    it(`${name}: the same output to float32 rounding, edges included`, () => {
      const x = emgLike(30_000, 3);
      const y = new Float32Array(x.length);
      new ZeroPhaseFilter(design, 1000).apply(x, y);
      const expected = referenceFiltfilt(design, x, 1000);
      let peak = 0;
      for (const v of expected) peak = Math.max(peak, Math.abs(v));
      expect(peak).toBeGreaterThan(20);
      expect(largestDifference(y, expected)).toBeLessThan(peak * 1e-6);
    });
  }
});

describe('moving RMS against its definition', () => {
  it('every width and short length, edges included', () => {
    const x = emgLike(40, 5);
    for (let n = 0; n <= 40; n++) {
      for (const width of [1, 3, 5, 7, 21, 81]) {
        const part = x.subarray(0, n).map((v) => v - 1500);
        const got = movingRms(part, width);
        expect(largestDifference(got, referenceRms(part, width)), `n ${n} width ${width}`).toBeLessThan(1e-3);
      }
    }
  });

  it('over blocks where the running sum is rebuilt, with and without gaps', () => {
    const x = emgLike(200_000, 9).map((v) => v - 1500);
    for (const width of [5, 201]) {
      expect(largestDifference(movingRms(x, width), referenceRms(x, width))).toBeLessThan(1e-3);
    }
    x.fill(Number.NaN, 70_000, 70_050);
    x[131_071] = Number.NaN;
    expect(largestDifference(movingRms(x, 5), referenceRms(x, 5))).toBeLessThan(1e-3);
  });

  it('recomputed over a part of a stretch, matches the whole stretch there and leaves the rest alone', () => {
    const x = emgLike(3000, 11).map((v) => v - 1500);
    const [lo, hi] = [500, 2500];
    for (const width of [1, 5, 41]) {
      const whole = movingRms(x.subarray(lo, hi), width);
      for (const [from, to] of [[500, 520], [510, 900], [1200, 1201], [2400, 2500], [500, 2500]]) {
        const out = new Float32Array(x.length).fill(-1);
        movingRmsWithin(x, width, out, from, to, lo, hi);
        expect(largestDifference(out.subarray(from, to), whole.subarray(from - lo, to - lo)), `${from}-${to} width ${width}`).toBeLessThan(1e-3);
        expect(out[from - 1]).toBe(-1);
        expect(out[to]).toBe(-1);
      }
    }
  });
});
