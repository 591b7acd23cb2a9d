import { describe, expect, it } from 'vitest';
import { findPotentials, type Potentials } from '../../core/detect/hysteresis';
import { mergeSpans } from '../../core/detect/spans';
import { movingRms } from '../../core/dsp/envelope';
import { windowedSigma } from '../../core/dsp/robust';
import { Prng } from '../../core/simulate/prng';
import { spike } from './helpers';

const fs = 2000;

/** 20 s of noise with spikes of many sizes, and a gap (NaN) across a noise window. */
function busySignal(seed: number): { x: Float32Array; envelope: Float32Array; floor: Float64Array } {
  const rng = new Prng(seed);
  const y = new Float64Array(20 * fs);
  for (let k = 0; k < 120; k++) spike(y, fs, rng.uniform(0.1, 19.9), rng.uniform(2, 40));
  const x = new Float32Array(y.length);
  for (let i = 0; i < x.length; i++) x[i] = y[i] + rng.gaussian();
  x.fill(Number.NaN, 11_500, 14_600);
  const envelope = movingRms(x, 5);
  return { x, envelope, floor: windowedSigma(x, fs) };
}

function asRows(p: Potentials): number[][] {
  return p.start.map((s, k) => [s, p.end[k], p.peak[k], p.amplitude[k], p.floor[k]]);
}

describe('double-threshold candidates', () => {
  it('scanning only inside a lower threshold\'s candidates finds exactly what the full scan finds', () => {
    for (const seed of [1, 2, 3]) {
      const { x, envelope, floor } = busySignal(seed);
      const common = { x, envelope, floor, floorWindow: fs, low: 2.5, mergeGap: 12 };
      const weak = findPotentials({ ...common, high: 3.5, mergeGap: 60 });
      const full = findPotentials({ ...common, high: 5 });
      const skipping = findPotentials({ ...common, high: 5, within: mergeSpans(weak.spans()) });
      expect(full.length).toBeGreaterThan(20);
      expect(asRows(skipping)).toEqual(asRows(full));
    }
  });

  it('scans nothing outside the spans it is given', () => {
    const { x, envelope, floor } = busySignal(4);
    const all = findPotentials({ x, envelope, floor, floorWindow: fs, high: 5, low: 2.5, mergeGap: 12 });
    const firstHalf = findPotentials({ x, envelope, floor, floorWindow: fs, high: 5, low: 2.5, mergeGap: 12, within: [{ start: 0, end: 10 * fs }] });
    expect(firstHalf.length).toBeGreaterThan(5);
    expect(firstHalf.length).toBeLessThan(all.length);
    expect(firstHalf.start.every((s) => s < 10 * fs)).toBe(true);
  });
});
