import { describe, expect, it } from 'vitest';
import { countPeaks, type Potentials } from '../../core/detect/hysteresis';
import { spikesIn } from '../../core/detect/spikes';
import { Prng } from '../../core/simulate/prng';

// A peak as both detectors define it, asked of the whole window: the largest within ±separation, a tie
// going to the earlier sample. No shortcut, so it checks the neighbours-first test they use.
function largestAround(e: Float32Array, i: number, from: number, to: number, separation: number): boolean {
  for (let j = Math.max(from, i - separation); j <= Math.min(to - 1, i + separation); j++) {
    if (e[j] > e[i] || (e[j] === e[i] && j < i)) return false;
  }
  return true;
}

function peaksByDefinition(e: Float32Array, from: number, to: number, level: (i: number) => number, separation: number): number[] {
  const at: number[] = [];
  for (let i = from; i < to; i++) {
    if (!(e[i] >= level(i)) || !largestAround(e, i, from, to, separation)) continue;
    at.push(i);
    i += separation;
  }
  return at;
}

/** A wandering envelope with bursts, plateaus (quantised values, runs of one value) and a few NaN. */
function envelope(n: number, rng: Prng, quantum: number): Float32Array {
  const e = new Float32Array(n);
  let v = 1;
  for (let i = 0; i < n; i++) {
    v = Math.max(0, v + rng.uniform(-1, 1) + (rng.next() < 0.02 ? 20 : 0) - (v > 10 ? 1 : 0));
    e[i] = rng.next() < 0.01 ? Number.NaN : quantum > 0 ? Math.round(v * quantum) / quantum : v;
  }
  e.fill(3, 10, 120);
  return e;
}

describe('envelope peaks: the neighbours asked first', () => {
  it('countPeaks finds exactly the peaks of the definition, plateaus and ties included', () => {
    const rng = new Prng(31);
    let peaks = 0;
    for (let t = 0; t < 60; t++) {
      const e = envelope(2000, rng, [0, 1, 4][t % 3]);
      for (const separation of [1, 2, 7, 20]) {
        const level = rng.uniform(0, 6);
        const first = { at: 0 };
        const want = peaksByDefinition(e, 5, 1990, () => level, separation);
        expect(countPeaks(e, 5, 1990, level, separation, first)).toBe(want.length);
        expect(first.at).toBe(want.length > 0 ? want[0] : -1);
        peaks += want.length;
      }
    }
    expect(peaks).toBeGreaterThan(1000);
  });

  it('spikesIn takes the same discharges from long candidates', () => {
    const rng = new Prng(32);
    let discharges = 0;
    for (let t = 0; t < 30; t++) {
      const e = envelope(3000, rng, [0, 1, 4][t % 3]);
      const starts = [0, 400, 1500];
      const ends = [350, 1400, 3000];
      const pot = { start: starts, end: ends, peak: starts, amplitude: [1, 1, 1], floor: [1, 1, 1], length: 3 } as unknown as Potentials;
      const floor = Float64Array.from({ length: 30 }, () => rng.uniform(0.5, 1.5));
      const k = 2;
      for (const separation of [1, 3, 20]) {
        // An echo window of 0 keeps every discharge, so what is found is what is compared.
        const got = spikesIn(e, pot, floor, 100, { k, separation, onePotential: 10, echoRatio: 5, echoWindow: 0 });
        const want = starts.flatMap((s, c) => peaksByDefinition(e, s, ends[c], (i) => k * floor[Math.floor(i / 100)], separation));
        expect(Array.from(got.at)).toEqual(want);
        discharges += want.length;
      }
    }
    expect(discharges).toBeGreaterThan(500);
  });
});
