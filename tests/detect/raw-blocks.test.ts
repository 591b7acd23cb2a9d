import { describe, expect, it } from 'vitest';
import { fillShortGaps } from '../../core/detect/gaps';
import { findRawArtifacts } from '../../core/detect/raw-artifacts';
import { irregularBlocks, nextMarked } from '../../core/detect/raw-blocks';
import { Prng } from '../../core/simulate/prng';

/** Raw samples as devices give them: noise or a few quantised levels, repeats, holes, ±0, infinities. */
function rawSamples(rng: Prng): Float32Array {
  const x = new Float32Array(Math.floor(rng.next() * (rng.next() < 0.9 ? 90 : 2000)));
  const levels = rng.next() < 0.4 ? 2 + Math.floor(rng.next() * 20) : 0;
  const repeat = rng.next() * 0.4;
  const hole = rng.next() < 0.5 ? 0 : rng.next() * 0.1;
  for (let i = 0; i < x.length; i++) {
    let v = levels ? Math.floor(rng.next() * levels) - levels / 2 : rng.gaussian() * 10;
    if (i > 0 && rng.next() < repeat) v = x[i - 1];
    const r = rng.next();
    x[i] = r < hole ? Number.NaN : r < hole + 0.005 ? Infinity : r < hole + 0.02 ? (rng.next() < 0.5 ? 0 : -0) : v;
  }
  return x;
}

/** The maximal runs of at least `minRun` equal samples, found sample by sample. */
function runsOneByOne(x: Float32Array, minRun: number): Array<{ start: number; end: number; value: number }> {
  const runs = [];
  for (let start = 0, end = 1; start < x.length; start = end++) {
    while (end < x.length && x[end] === x[start]) end++;
    if (end - start >= minRun && x[start] === x[start]) runs.push({ start, end, value: x[start] });
  }
  return runs;
}

describe('the raw samples read once for holes and repeated values', () => {
  it('marks every block holding a NaN or a sample equal to the one before it', () => {
    const rng = new Prng(3);
    for (let trial = 0; trial < 500; trial++) {
      const x = rawSamples(rng);
      const mask = irregularBlocks(x);
      const marked = new Set<number>();
      for (let b = nextMarked(mask, 0); b >= 0; b = nextMarked(mask, b + 1)) marked.add(b);
      for (let i = 0; i < x.length; i++) {
        if (Number.isNaN(x[i]) || (i > 0 && x[i] === x[i - 1])) expect(marked.has(i >> 3)).toBe(true);
      }
      if (x.length > 0) expect(marked.has(0) && marked.has(Math.ceil(x.length / 8) - 1)).toBe(true);
    }
  });

  it('finds every run of repeated values, in the samples as filled in, from the blocks of the raw ones', () => {
    const rng = new Prng(5);
    for (let trial = 0; trial < 500; trial++) {
      const x = rawSamples(rng);
      const { data } = fillShortGaps(x, 3);
      for (const minRun of [1, 2, 3, 6]) {
        const expected = runsOneByOne(data, minRun);
        // With no range stated, a run at either extreme is clipping and any other long one is flat.
        const found = findRawArtifacts(data, minRun, minRun, undefined, irregularBlocks(x));
        expect([...found.clipping, ...found.flat].sort((a, b) => a.start - b.start)).toEqual(expected.map(({ start, end }) => ({ start, end })));
      }
    }
  });
});
