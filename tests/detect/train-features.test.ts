import { describe, expect, it } from 'vitest';
import { TrainScratch, trainFeatures } from '../../core/detect/train';
import { Prng } from '../../core/simulate/prng';

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[n >> 1] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

// The steadiest amplitude class as the docs define it, with plain array sorts: classes from the largest
// discharge down, each spanning at most `spread`; per class the median interval and median CV2.
function steadiestClass(at: number[], size: number[], fs: number, spread: number, minSpikes: number): { hz: number; cv2: number; count: number } {
  const order = at.map((_, k) => k).sort((a, b) => size[b] - size[a] || a - b);
  let best = { hz: Number.NaN, cv2: Number.NaN, count: 0 };
  for (let c = 0; c < order.length; ) {
    let e = c + 1;
    while (e < order.length && size[order[e]] * spread >= size[order[c]]) e++;
    const times = order.slice(c, e).map((k) => at[k]).sort((a, b) => a - b);
    if (e - c >= minSpikes && times.length >= 3) {
      const intervals = times.slice(1).map((t, k) => t - times[k]);
      const cv2 = median(intervals.slice(1).map((b, k) => (intervals[k] + b > 0 ? (2 * Math.abs(b - intervals[k])) / (intervals[k] + b) : 0)));
      if (best.count === 0 || cv2 < best.cv2) best = { hz: fs / median(intervals), cv2, count: e - c };
    }
    c = e;
  }
  return best;
}

describe('train features: discharges sorted by size without a comparator', () => {
  it('find the classes, rates and CV2 of the definition, with many equal sizes and windows of any length', () => {
    const rng = new Prng(41);
    const scratch = new TrainScratch();
    let classes = 0;
    for (let t = 0; t < 400; t++) {
      const n = Math.floor(rng.uniform(0, t % 20 === 0 ? 400 : 60));
      const at = new Int32Array(n);
      const size = new Float32Array(n);
      let p = 0;
      for (let i = 0; i < n; i++) {
        p += 1 + Math.floor(rng.uniform(0, 900));
        at[i] = p;
        // Two or three units of steady size, or sizes from a short list (ties), or anything.
        size[i] = t % 3 === 0 ? [20, 40, 41, 90][Math.floor(rng.uniform(0, 4))] : t % 3 === 1 ? Math.round(rng.uniform(1, 8)) : rng.uniform(1, 100);
      }
      const got = trainFeatures({ at, size, width: new Int32Array(n), length: n }, 0, n, { fs: 2000, classSpread: 1.5, minSpikes: 6 }, scratch);
      const want = n < 6 ? { hz: Number.NaN, cv2: Number.NaN, count: 0 } : steadiestClass(Array.from(at), Array.from(size), 2000, 1.5, 6);
      expect([got.unitHz, got.unitCv2, got.unitCount]).toEqual([want.hz, want.cv2, want.count]);
      if (want.count > 0) classes++;
    }
    expect(classes).toBeGreaterThan(200);
  });
});
