import FFT from 'fft.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLUMNS, sortingNetwork, welchKernel, WelchKernel } from '../../core/dsp/welch-wasm';
import { welchSpectrum } from '../../core/dsp/spectrum';
import { withoutWebAssembly } from '../support/without-wasm';

// The paired WebAssembly transform against fft.js: each lane's spectrum has the library's bits, element by
// element. A NaN comes out as a NaN at the same element; which NaN is not fixed by JavaScript (the engine
// picks operand orders) and no result reads it.
function mismatches(got: Float64Array, lane: number, want: number[]): number {
  let bad = 0;
  for (let j = 0; j < want.length; j++) {
    const g = got[2 * j + lane];
    if (!Object.is(g, want[j]) && !(Number.isNaN(g) && Number.isNaN(want[j]))) bad++;
  }
  return bad;
}

function hann(size: number): Float64Array {
  return Float64Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
}

let seed = 29;
function uniform(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

/** A frame of noise, with the awkward values sprinkled in at `rate`: NaN, infinities, ±0, subnormals, the largest doubles. */
function frame(size: number, rate: number): Float64Array {
  const specials = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -1e-310, 1.7e308, -1.7e308];
  return Float64Array.from({ length: size }, () => {
    const r = uniform();
    return r < rate ? specials[Math.floor(uniform() * specials.length)] : (r - 0.5) * 10 ** Math.floor(uniform() * 8 - 3);
  });
}

describe('Welch spectrum kernels (WebAssembly SIMD)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('compiles here', () => {
    expect(welchKernel(2048, hann(2048))).toBeInstanceOf(WelchKernel);
    expect(welchKernel(2048, hann(2048))).toBe(welchKernel(2048, hann(2048)));
  });

  it("gives fft.js's bits in both lanes at every size from 2 to 16384, awkward values included", () => {
    let compared = 0;
    for (let size = 2; size <= 16384; size *= 2) {
      const reference = new FFT(size);
      const fft = welchKernel(size, hann(size))!;
      for (const rate of [0, 0, 0.002, 0.05]) {
        const frames = [frame(size, rate), frame(size, rate)];
        for (let j = 0; j < size; j++) {
          fft.frames[2 * j] = frames[0][j];
          fft.frames[2 * j + 1] = frames[1][j];
        }
        fft.transform();
        for (let lane = 0; lane < 2; lane++) {
          const want = reference.createComplexArray() as number[];
          reference.realTransform(want, frames[lane]);
          expect(mismatches(fft.spectra, lane, want), `size ${size}, lane ${lane}, rate ${rate}`).toBe(0);
          compared += want.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(500_000);
  });

  it('reads each bin\'s order statistics from a sort of two bins per vector: the network sorts anything (0-1 principle, all 2^16 inputs of 16), the kernel follows it, unused stretches do not count', () => {
    const network16 = sortingNetwork(16);
    for (let bits = 0; bits < 1 << 16; bits++) {
      const a = Array.from({ length: 16 }, (_, i) => (bits >> i) & 1);
      for (const [i, j] of network16) if (a[j] < a[i]) [a[i], a[j]] = [a[j], a[i]];
      for (let i = 1; i < 16; i++) if (a[i] < a[i - 1]) throw new Error(`not sorted: ${bits}`);
    }
    const kernel = welchKernel(256, hann(256))!;
    const bins = 129;
    for (const [used, rank] of [[COLUMNS, 15], [COLUMNS, 0], [COLUMNS, COLUMNS - 1], [7, 3], [1, 0]]) {
      const values = Float64Array.from(kernel.columns, () => (uniform() < 0.1 ? Infinity : uniform() < 0.2 ? 0 : Math.floor(uniform() * 50) * 10 ** Math.floor(uniform() * 6)));
      kernel.columns.set(values);
      const power = new Float64Array(bins);
      kernel.medians(used, bins, rank, power);
      for (let k = 0; k < bins; k++) {
        const column = Array.from({ length: used }, (_, c) => values[(k >> 1) * 2 * COLUMNS + 2 * c + (k & 1)]).sort((a, b) => a - b);
        expect(power[k], `used ${used}, rank ${rank}, bin ${k}`).toBe(column[rank]);
      }
    }
  });

  it('falls back to fft.js where WebAssembly is missing or refused, with the same spectra', async () => {
    const x = Float32Array.from({ length: 40_000 }, (_, i) => Math.sin(i * 0.3) * 40 + (uniform() - 0.5) * 30 + (i % 5001 === 7 ? NaN : 0));
    const cases: Array<[number, number, number]> = [
      [2048, 32, Infinity],
      [2048, 33, 533],
      [256, 7, Infinity],
      [8, 3, Infinity],
    ];
    const want = cases.map(([nfft, segments, last]) => welchSpectrum(x, 2000, nfft, segments, last)!.power);
    for (const stub of withoutWebAssembly()) {
      vi.resetModules();
      vi.stubGlobal('WebAssembly', stub);
      const kernel = await import('../../core/dsp/welch-wasm');
      const spectrum = await import('../../core/dsp/spectrum');
      expect(kernel.welchKernel(2048, hann(2048))).toBeNull();
      cases.forEach(([nfft, segments, last], c) => {
        const got = spectrum.welchSpectrum(x, 2000, nfft, segments, last)!.power;
        expect(got.length).toBe(want[c].length);
        for (let k = 0; k < got.length; k++) {
          if (!Object.is(got[k], want[c][k])) expect(`case ${c} bin ${k}: ${got[k]}`).toBe(`case ${c} bin ${k}: ${want[c][k]}`);
        }
      });
      vi.unstubAllGlobals();
    }
  });
});
