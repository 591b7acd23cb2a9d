import { describe, expect, it } from 'vitest';
import { buildPyramid, queryWindow } from '../../core/view/pyramid';

function noiseWithSpike(n: number, spikeAt: number, spike: number): Float32Array {
  const d = new Float32Array(n);
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    d[i] = (seed / 0x7fffffff - 0.5) * 10;
  }
  d[spikeAt] = spike;
  return d;
}

describe('decimation pyramid', () => {
  it('draws every window as a pyramid of all levels would, keeping only levels of 64 samples or more', () => {
    const rate = 2000;
    const data = noiseWithSpike(rate * 900, 1_234_567, 300);
    data.fill(NaN, 50_000, 50_700);
    data.fill(NaN, 900_001, 960_000);
    const full = buildPyramid(data, rate, 0.5, { finestBucket: 4 });
    const kept = buildPyramid(data, rate, 0.5);
    expect(kept.levels[0].bucket).toBe(64);
    const bytes = (p: typeof full) => p.levels.reduce((sum, l) => sum + l.min.byteLength + l.max.byteLength, 0);
    expect(bytes(kept)).toBeLessThan(0.05 * data.byteLength);
    expect(bytes(full)).toBeGreaterThan(0.6 * data.byteLength);
    for (const [t0, t1] of [
      [0, 900],
      [24.9, 25.6],
      [600, 650],
      [617.1, 617.4],
      [449, 481],
      [100, 100.2],
      [300, 310],
      [30, 31.5],
      [899.9, 905],
    ]) {
      for (const columns of [300, 1600]) expect(queryWindow(kept, t0, t1, columns)).toEqual(queryWindow(full, t0, t1, columns));
    }
  });

  it('keeps a one-sample spike visible at every zoom level', () => {
    const rate = 2000;
    const n = rate * 600;
    const data = noiseWithSpike(n, 987_654, 500);
    const p = buildPyramid(data, rate, 0);
    for (const [t0, t1] of [
      [0, 600],
      [400, 600],
      [493, 495],
      [493.8, 494],
    ]) {
      const w = queryWindow(p, t0, t1, 800);
      const max = Math.max(...w.y.map((v) => v ?? -Infinity));
      expect(max).toBe(500);
    }
  });

  it('returns between one and four points per pixel column however long the window', () => {
    const rate = 2000;
    const n = rate * 3600;
    const p = buildPyramid(new Float32Array(n), rate, 0);
    for (const span of [3000, 600, 60, 5]) {
      const w = queryWindow(p, 100, 100 + span, 1000);
      expect(w.x.length).toBeLessThanOrEqual(4 * 1000 + 8);
      expect(w.x.length).toBeGreaterThanOrEqual(1000);
      expect(w.x.length).toBe(w.y.length);
    }
  });

  it('returns raw samples with exact times when zoomed in far enough', () => {
    const rate = 1000;
    const data = Float32Array.from({ length: 5000 }, (_, i) => i);
    const p = buildPyramid(data, rate, 2);
    const w = queryWindow(p, 3, 3.1, 500);
    expect(w.bucket).toBe(1);
    const i = w.x.findIndex((x) => Math.abs(x - 3.05) < 1e-9);
    expect(w.y[i]).toBe(1050);
    expect(w.x[0]).toBeLessThan(3);
    expect(w.x[w.x.length - 1]).toBeGreaterThan(3.1);
  });

  it('shows gaps as null, and keeps real values beside a partial gap', () => {
    const rate = 100;
    const data = new Float32Array(100_000).fill(1);
    data.fill(NaN, 40_000, 60_000);
    data[39_999] = 7;
    const p = buildPyramid(data, rate, 0);
    const w = queryWindow(p, 0, 1000, 400);
    expect(w.bucket).toBeGreaterThan(1);
    expect(w.y.some((v) => v === null)).toBe(true);
    expect(w.y.filter((v) => v !== null).every((v) => v === 1 || v === 7)).toBe(true);
    expect(w.y).toContain(7);
    const raw = queryWindow(p, 399.9, 400.2, 400);
    expect(raw.y.filter((v) => v === null).length).toBeGreaterThan(10);
  });

  it('orders x ascending within and across buckets', () => {
    const p = buildPyramid(noiseWithSpike(200_000, 5, 1), 500, 1.5);
    const w = queryWindow(p, 10, 300, 640);
    for (let i = 1; i < w.x.length; i++) expect(w.x[i]).toBeGreaterThanOrEqual(w.x[i - 1]);
    expect(w.x[0]).toBeLessThanOrEqual(10);
  });
});
