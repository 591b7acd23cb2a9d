import type { Potentials } from './hysteresis';

export interface EcgOptions {
  fs: number;
  minPeriodS: number;
  maxPeriodS: number;
  shapeCorrelation: number;
  minBeats: number;
  intervalTolerance: number;
}

const SNIPPET_S = 0.03;
const MAX_SHIFT_S = 0.015;
const MAX_AMPLITUDE_RATIO = 1.6;
const LOOKAHEAD = 48;
const MAX_CYCLES = 10;
const STRAGGLER_SLACK = 0.2;

/**
 * Heartbeats leaking into EMG. A QRS complex repeats with nearly the same shape and amplitude at the
 * heart period, unlike fasciculations, which fire irregularly (needle-EMG definition, AAEM). Each candidate
 * links to the earliest later candidate one plausible heart period away that matches its shape (Pearson
 * correlation of ±30 ms around the peaks, as in template clustering of repeating potentials) and size;
 * runs of at least `minBeats` links with steady intervals are a train. Returns the indices (into
 * `candidates`) of the beats.
 */
export function findEcgTrain(x: Float32Array, pot: Potentials, candidates: readonly number[], o: EcgOptions): Set<number> {
  const half = Math.max(2, Math.round(SNIPPET_S * o.fs));
  const maxShift = Math.max(1, Math.round(MAX_SHIFT_S * o.fs));
  const m = candidates.length;
  const minLag = o.minPeriodS * o.fs;
  const maxLag = o.maxPeriodS * o.fs;
  const next = new Int32Array(m).fill(-1);
  const hasPrev = new Uint8Array(m);
  for (let a = 0; a < m; a++) {
    const pa = pot.peak[candidates[a]];
    const ampA = pot.amplitude[candidates[a]];
    for (let b = a + 1; b < m && b <= a + LOOKAHEAD; b++) {
      const pb = pot.peak[candidates[b]];
      const lag = pb - pa;
      if (lag < minLag) continue;
      if (lag > maxLag) break;
      const ratio = pot.amplitude[candidates[b]] / ampA;
      if (ratio > MAX_AMPLITUDE_RATIO || ratio < 1 / MAX_AMPLITUDE_RATIO) continue;
      if (correlation(x, pa, pb, half, maxShift) < o.shapeCorrelation) continue;
      next[a] = b;
      hasPrev[b] = 1;
      break;
    }
  }
  const beats = new Set<number>();
  const chain: number[] = [];
  for (let head = 0; head < m; head++) {
    if (hasPrev[head] || next[head] < 0) continue;
    chain.length = 0;
    for (let c = head; c >= 0; c = next[c]) chain.push(c);
    markSteadyRuns(chain, pot, candidates, o, beats);
  }
  if (beats.size >= o.minBeats) addStragglers(x, pot, candidates, o, beats, half);
  return beats;
}

/**
 * Beats whose chain broke (a neighbouring beat fell below threshold or overlapped a twitch) are found again:
 * a candidate of the train's typical size, a whole number (1-10) of heart periods from a known beat, and
 * shaped like that beat (with some slack, since the timing already speaks for it).
 */
function addStragglers(x: Float32Array, pot: Potentials, candidates: readonly number[], o: EcgOptions, beats: Set<number>, half: number): void {
  const known = candidates.filter((k) => beats.has(k));
  const amps: number[] = [];
  const intervals: number[] = [];
  for (let i = 0; i < known.length; i++) {
    const p = pot.peak[known[i]];
    amps.push(pot.amplitude[known[i]]);
    if (i > 0) {
      const gap = p - pot.peak[known[i - 1]];
      if (gap <= o.maxPeriodS * o.fs) intervals.push(gap);
    }
  }
  if (intervals.length === 0) return;
  amps.sort((a, b) => a - b);
  intervals.sort((a, b) => a - b);
  const amp = amps[amps.length >> 1];
  const period = intervals[intervals.length >> 1];
  const maxShift = Math.max(1, Math.round(MAX_SHIFT_S * o.fs));
  const knownPeaks = known.map((k) => pot.peak[k]);
  for (const k of candidates) {
    if (beats.has(k)) continue;
    const ratio = pot.amplitude[k] / amp;
    if (ratio > MAX_AMPLITUDE_RATIO || ratio < 1 / MAX_AMPLITUDE_RATIO) continue;
    const p = pot.peak[k];
    const nearest = nearestValue(knownPeaks, p);
    const cycles = Math.round(Math.abs(p - nearest) / period);
    if (cycles < 1 || cycles > MAX_CYCLES || Math.abs(Math.abs(p - nearest) - cycles * period) > o.intervalTolerance * period) continue;
    if (correlation(x, nearest, p, half, maxShift) >= o.shapeCorrelation - STRAGGLER_SLACK) beats.add(k);
  }
}

function nearestValue(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  const a = sorted[lo];
  const b = lo > 0 ? sorted[lo - 1] : a;
  return Math.abs(a - v) < Math.abs(b - v) ? a : b;
}

function markSteadyRuns(chain: number[], pot: Potentials, candidates: readonly number[], o: EcgOptions, beats: Set<number>): void {
  let runStart = 0;
  const flush = (runEnd: number): void => {
    if (runEnd - runStart >= o.minBeats) for (let k = runStart; k < runEnd; k++) beats.add(candidates[chain[k]]);
  };
  for (let k = 2; k < chain.length; k++) {
    const i1 = pot.peak[candidates[chain[k - 1]]] - pot.peak[candidates[chain[k - 2]]];
    const i2 = pot.peak[candidates[chain[k]]] - pot.peak[candidates[chain[k - 1]]];
    if (Math.abs(i2 - i1) > o.intervalTolerance * i1) {
      flush(k);
      runStart = k - 1;
    }
  }
  flush(chain.length);
}

/**
 * Largest Pearson correlation of the snippet around `pa` with the snippet around `pb` shifted by up to
 * ±`maxLag` samples: a biphasic beat may peak on either lobe, so peaks alone do not align beats.
 */
function correlation(x: Float32Array, pa: number, pb: number, half: number, maxLag: number): number {
  let ma = 0;
  for (let d = -half; d <= half; d++) ma += finite(x[pa + d]);
  ma /= 2 * half + 1;
  let na = 0;
  for (let d = -half; d <= half; d++) na += (finite(x[pa + d]) - ma) ** 2;
  if (na === 0) return 0;
  let best = -1;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const c = pb + lag;
    let mb = 0;
    for (let d = -half; d <= half; d++) mb += finite(x[c + d]);
    mb /= 2 * half + 1;
    let s = 0;
    let nb = 0;
    for (let d = -half; d <= half; d++) {
      const vb = finite(x[c + d]) - mb;
      s += (finite(x[pa + d]) - ma) * vb;
      nb += vb * vb;
    }
    if (nb > 0) best = Math.max(best, s / Math.sqrt(na * nb));
  }
  return best;
}

function finite(v: number): number {
  return v === v ? v : 0;
}
