import { describe, expect, it } from 'vitest';
import { KnockScratch } from '../../core/detect/accel-impact';
import { KnockMount } from '../../core/detect/accel-mount';
import { resolveParams } from '../../core/detect/params';
import { addKnock, drawMount, randomUnit } from '../../core/simulate/knocks';
import { Prng } from '../../core/simulate/prng';

const fs = 100;
const sigma = 0.0015;

/** 3 axes of noise around gravity, with knocks (on one mount) at `knocks` s and 15 Hz twitches at `twitches` s. */
function recording(seed: number, knocks: number[], twitches: number[], twitchDir: [number, number, number]): Float32Array[] {
  const rng = new Prng(seed);
  const n = 120 * fs;
  const ax = [new Float64Array(n), new Float64Array(n), new Float64Array(n).fill(1)];
  const mount = drawMount(new Prng(99));
  for (const t of knocks) addKnock(ax, fs, t, mount, rng);
  for (const t of twitches) {
    for (let i = 0; i < 0.3 * fs; i++) {
      const v = 0.05 * Math.exp(-i / (0.03 * fs)) * Math.sin((2 * Math.PI * 15 * i) / fs);
      for (let a = 0; a < 3; a++) ax[a][Math.round(t * fs) + i] += twitchDir[a] * v;
    }
  }
  return ax.map((a) => Float32Array.from(a, (v) => v + sigma * rng.gaussian()));
}

/** Sample of the largest raw deviation within 0.2 s after `t` (where the detector's band peak would be). */
function peakNear(axes: Float32Array[], t: number): number {
  let best = Math.round(t * fs);
  let top = 0;
  for (let i = Math.round(t * fs); i < Math.round((t + 0.2) * fs); i++) {
    const e = (axes[0][i] - axes[0][i - 50]) ** 2 + (axes[1][i] - axes[1][i - 50]) ** 2 + (axes[2][i] - axes[2][i - 50]) ** 2;
    if (e > top) [top, best] = [e, i];
  }
  return best;
}

describe("the recording's own mount (KnockMount)", () => {
  const p = resolveParams().accel;
  const taught = [5, 12, 19, 26, 33, 40, 47, 54];
  const fresh = [70, 80, 90];
  const twitches = [100, 110];
  const axes = recording(1, [...taught, ...fresh], twitches, randomUnit(new Prng(5)));

  it('knocks it was not taught, from other directions, ring like the taught ones; twitches do not', () => {
    const mount = KnockMount.learn(axes, taught.map((t) => peakNear(axes, t)), taught.length + 2, fs, p, new KnockScratch());
    expect(mount).not.toBeNull();
    expect(fresh.filter((t) => mount!.matches(axes, peakNear(axes, t), sigma, fs, p, new KnockScratch())).length).toBeGreaterThanOrEqual(2);
    expect(twitches.filter((t) => mount!.matches(axes, peakNear(axes, t), sigma, fs, p, new KnockScratch()))).toEqual([]);
  });

  it('learns nothing from too few knocks, or from knocks that are a small share of the transients', () => {
    expect(KnockMount.learn(axes, taught.slice(0, 4).map((t) => peakNear(axes, t)), 6, fs, p, new KnockScratch())).toBeNull();
    expect(KnockMount.learn(axes, taught.map((t) => peakNear(axes, t)), 100, fs, p, new KnockScratch())).toBeNull();
  });
});
