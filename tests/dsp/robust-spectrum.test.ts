import { describe, expect, it } from 'vitest';
import { movingRms } from '../../core/dsp/envelope';
import { median, slidingQuantile, windowedSigma } from '../../core/dsp/robust';
import { findMains } from '../../core/dsp/mains';
import { welchSpectrum } from '../../core/dsp/spectrum';
import { Prng } from '../../core/simulate/prng';

function noise(n: number, sigma: number, seed: number): Float32Array {
  const rng = new Prng(seed);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = sigma * rng.gaussian();
  return x;
}

describe('robust noise floor', () => {
  it('median |x| / 0.6745 recovers the sigma of Gaussian noise, and ignores a few huge spikes', () => {
    const x = noise(20000, 3, 1);
    for (let i = 100; i < 20000; i += 1000) x[i] = 500;
    const s = windowedSigma(x, 2000);
    for (const v of s) expect(v).toBeGreaterThan(2.7);
    for (const v of s) expect(v).toBeLessThan(3.3);
  });

  it('each window gives exactly the median |x| of its samples, whether its level is near the last window or far off', () => {
    const rng = new Prng(9);
    const win = 1000;
    const levels = [3, 3.1, 40, 0.02, 0.02, 1e-30, 0.5, 5, 5, 5e6, 2];
    const x = new Float32Array(levels.length * win);
    levels.forEach((level, w) => {
      for (let i = 0; i < win; i++) x[w * win + i] = level * rng.gaussian();
    });
    for (let i = 3 * win; i < 3 * win + 700; i++) x[i] = Number.NaN;
    for (let i = 4 * win; i < 4 * win + 300; i++) x[i] = 0.01;
    for (let i = 7 * win; i < 8 * win; i++) x[i] = Number.NaN;
    const got = windowedSigma(x, win, 250);
    const stride = 4;
    levels.forEach((_, w) => {
      const values: number[] = [];
      for (let i = w * win; i < (w + 1) * win; i += stride) if (!Number.isNaN(x[i])) values.push(Math.abs(x[i]));
      values.sort((a, b) => a - b);
      const expected = values.length ? values[Math.floor(0.5 * (values.length - 1))] / 0.6745 : Number.NaN;
      expect(got[w]).toBe(expected);
    });
  });

  it('the sliding quantile is exactly the order statistic of the finite values in each window', () => {
    const rng = new Prng(4);
    for (const [n, half, q] of [[200, 7, 0.25], [50, 30, 0.1], [9, 0, 0.5], [120, 3, 1], [1, 2, 0]] as const) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = rng.next() < 0.15 ? Number.NaN : Math.round(rng.uniform(0, 20)) / 4;
      const got = slidingQuantile(v, half, q);
      for (let i = 0; i < n; i++) {
        const w = Array.from(v.subarray(Math.max(0, i - half), Math.min(n, i + half + 1))).filter((x) => !Number.isNaN(x));
        w.sort((a, b) => a - b);
        expect(got[i]).toBe(w.length ? w[Math.floor(q * (w.length - 1))] : Number.NaN);
      }
    }
  });

  it('a local low quantile keeps the quiet level next to one loud stretch', () => {
    const windows = new Float64Array(60).fill(2);
    for (let w = 30; w < 36; w++) windows[w] = 20;
    const local = slidingQuantile(windows, 10, 0.25);
    expect(local[33]).toBe(2);
    expect(local[0]).toBe(2);
  });

  it('median of an odd list', () => {
    expect(median([5, 1, 9, 3, 7])).toBe(5);
  });
});

describe('moving RMS', () => {
  it('of a sine is its amplitude over √2, and NaN samples stay NaN', () => {
    const fs = 1000;
    const x = new Float32Array(2000);
    for (let i = 0; i < x.length; i++) x[i] = 4 * Math.sin((2 * Math.PI * 50 * i) / fs);
    x[1000] = Number.NaN;
    const e = movingRms(x, 201);
    expect(e[500]).toBeCloseTo(4 / Math.SQRT2, 1);
    expect(Number.isNaN(e[1000])).toBe(true);
    expect(e[1500]).toBeCloseTo(4 / Math.SQRT2, 1);
  });
});

describe('mains finder', () => {
  const fs = 2000;
  it('finds 60 Hz with its 3rd harmonic, and the frequency it actually sits at', () => {
    const x = noise(fs * 20, 3, 2);
    for (let i = 0; i < x.length; i++) {
      const t = i / fs;
      x[i] += 20 * Math.sin(2 * Math.PI * 59.9 * t) + 6 * Math.sin(2 * Math.PI * 3 * 59.9 * t + 1);
    }
    const found = findMains(welchSpectrum(x, fs, 2048, 16)!, { fs, minHz: 20, maxHz: 450, minProminence: 6, maxHarmonic: 40 });
    expect(found.mainsHz).toBe(60);
    expect(found.lines.map((l) => l.harmonic)).toEqual(expect.arrayContaining([1, 3]));
    expect(found.lines[0].freqHz).toBeCloseTo(59.9, 0);
  });

  it('reports none in plain noise', () => {
    const found = findMains(welchSpectrum(noise(fs * 20, 3, 3), fs, 2048, 16)!, { fs, minHz: 20, maxHz: 450, minProminence: 6, maxHarmonic: 40 });
    expect(found.mainsHz).toBeNull();
    expect(found.lines).toEqual([]);
  });

  it('still finds the line when a few stretches hold huge steps (median across stretches)', () => {
    const x = noise(fs * 20, 3, 4);
    for (let i = 0; i < x.length; i++) x[i] += 15 * Math.sin((2 * Math.PI * 50 * i) / fs);
    for (let i = 10000; i < 10400; i++) x[i] = 5000;
    expect(findMains(welchSpectrum(x, fs, 2048, 16)!, { fs, minHz: 20, maxHz: 450, minProminence: 6, maxHarmonic: 40 }).mainsHz).toBe(50);
  });
});
