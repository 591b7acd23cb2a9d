import { describe, expect, it } from 'vitest';
import { restBins } from '../../core/analysis/rest-bins';
import { Prng } from '../../core/simulate/prng';
import { dispersedRateInterval, dispersionIndex } from '../../core/stats/dispersion';
import { rateInterval } from '../../core/stats/poisson';
import { makeAnalysis } from '../guidance/make-analysis';

const REST_S = 600;
const BIN_S = 30;
const TRUE_RATE = 6; // per minute

/** Event times over REST_S: independent (cluster size 1) or in runs of on average `meanRun` within 4 s. */
function events(rng: Prng, meanRun: number): number[] {
  const out: number[] = [];
  const clusterRate = TRUE_RATE / 60 / meanRun;
  for (let t = -Math.log(1 - rng.next()) / clusterRate; t < REST_S; t += -Math.log(1 - rng.next()) / clusterRate) {
    // Geometric run length with mean meanRun.
    let n = 1;
    while (rng.next() > 1 / meanRun) n++;
    for (let i = 0; i < n; i++) out.push(Math.min(REST_S - 1e-6, t + rng.uniform(0, 4)));
  }
  return out;
}

function binned(times: number[]): { counts: Float64Array; rest: Float64Array } {
  const counts = new Float64Array(REST_S / BIN_S);
  for (const t of times) counts[Math.floor(t / BIN_S)]++;
  return { counts, rest: new Float64Array(counts.length).fill(BIN_S) };
}

/** Share of simulated recordings whose interval holds the true rate, and the mean interval width. */
function coverage(meanRun: number, dispersed: boolean, runs = 400) {
  const rng = new Prng(20 + meanRun);
  let covered = 0;
  let width = 0;
  for (let r = 0; r < runs; r++) {
    const times = events(rng, meanRun);
    const { counts, rest } = binned(times);
    const ci = dispersed ? dispersedRateInterval(times.length, REST_S, dispersionIndex(counts, rest) ?? 1) : rateInterval(times.length, REST_S);
    if (ci && ci.lower <= TRUE_RATE && TRUE_RATE <= ci.upper) covered++;
    width += ci ? ci.upper - ci.lower : 0;
  }
  return { covered: covered / runs, width: width / runs };
}

describe('rate intervals that allow for clustering', () => {
  it('the dispersion index is about 1 for independent events and far above it for runs', () => {
    const rng = new Prng(7);
    const indep = binned(events(rng, 1));
    const runs = binned(events(rng, 4));
    expect(dispersionIndex(indep.counts, indep.rest)).toBeGreaterThan(0.4);
    expect(dispersionIndex(indep.counts, indep.rest)).toBeLessThan(1.8);
    expect(dispersionIndex(runs.counts, runs.rest)).toBeGreaterThan(2);
  });

  it('with twitches in runs, Poisson intervals miss the true rate far too often; the widened ones do not', () => {
    const poisson = coverage(4, false);
    const widened = coverage(4, true);
    expect(poisson.covered).toBeLessThan(0.8);
    expect(widened.covered).toBeGreaterThan(0.9);
  });

  it('with independent twitches the widened interval keeps its coverage and stays close to the Poisson one', () => {
    const poisson = coverage(1, false);
    const widened = coverage(1, true);
    expect(poisson.covered).toBeGreaterThan(0.93);
    expect(widened.covered).toBeGreaterThanOrEqual(poisson.covered);
    expect(widened.width / poisson.width).toBeLessThan(1.25);
  });

  it('never narrows the Poisson interval, and says nothing with too few stretches or no events', () => {
    expect(dispersedRateInterval(12, 600, 0.3)).toEqual(rateInterval(12, 600));
    expect(dispersionIndex([1, 2, 0], [30, 30, 30])).toBeNull();
    expect(dispersionIndex([0, 0, 0, 0, 0], [30, 30, 30, 30, 30])).toBeNull();
    expect(dispersedRateInterval(3, 0, 2)).toBeNull();
    const wide = dispersedRateInterval(40, 600, 4)!;
    const narrow = rateInterval(40, 600)!;
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });
});

describe('twitches and rest in 30 s stretches', () => {
  it('counts each twitch once and spreads the summary rest over the stretches outside excluded spans', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 300, twitches: 20, sustained: [40] }]);
    const bins = restBins(a, ['a']);
    expect(bins.counts.reduce((s, x) => s + x, 0)).toBe(20);
    expect(bins.counts.slice(0, 10).every((k) => k === 2)).toBe(true);
    // Analysed 340 s: 300 s of rest, then the episode at 305–345 s (clipped to 340 s). The eleventh stretch
    // (300–330 s) keeps 5 s of rest, under half: left out with its count. The rest adds up to the summary's.
    expect(bins.restS.length).toBe(11);
    expect(bins.restS[10]).toBe(0);
    expect(bins.restS.slice(0, 10).reduce((s, x) => s + x, 0)).toBeCloseTo((300 * 300) / 305, 6);
  });
});
