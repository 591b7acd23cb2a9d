import { lowerBound } from '../dsp/sorted';
import type { Potentials } from './hysteresis';
import { mergeSpans, type Span } from './spans';
import { Correlate, CorrelationScratch } from './shape-correlation';

export interface EcgOptions {
  fs: number;
  minPeriodS: number;
  maxPeriodS: number;
  shapeCorrelation: number;
  minBeats: number;
  intervalTolerance: number;
  /** A chain of this many beats is a heart train even when its intervals are irregular (atrial fibrillation). */
  irregularMinBeats: number;
  /** Shapes are compared over ±snippetS, aligned within ±maxShiftS, on a grid of stepS. */
  snippetS: number;
  maxShiftS: number;
  stepS: number;
  /** A beat's span reaches marginS beyond its candidate. */
  marginS: number;
  /** Beat-sized: within this ratio of the typical beat either way. */
  sizeRatio: number;
  lookahead: number;
  maxCycles: number;
  templateBeats: number;
  /** The subtracted template covers ±subtractS. */
  subtractS: number;
  scratch?: CorrelationScratch;
}

export interface EcgTrain {
  /** Sample spans of the beats, sorted and merged. */
  beats: Span[];
  /** Typical beat amplitude (median |x| peak). */
  amplitude: number;
  /** Typical heart period, samples. */
  period: number;
  /** Beat peaks, sorted. */
  peaks: Int32Array;
  /** The average beat over ±100 ms, and where each beat's copy of it is centred. */
  template: Float64Array;
  centres: number[];
}


/**
 * Heartbeats leaking into EMG. A QRS complex repeats with nearly the same shape and size at the heart
 * period, unlike fasciculations, which fire irregularly (needle-EMG definition, AAEM). Three passes:
 * (1) each candidate links to the earliest later one a plausible heart period away that matches its shape
 * (Pearson correlation over ±40 ms, best over shifts of ±30 ms since a biphasic beat may peak on either
 * lobe) and size, and runs of `minBeats` links with steady intervals are a train; (2) the train's average
 * beat, far less noisy than any one beat, picks up candidates of beat size and shape that sit whole heart
 * periods from known beats or one period from each other; (3) where whole beats are still missing between
 * known ones, the average beat is searched for at the expected times. Returns null when there is no train.
 */
export function findEcgTrain(x: Float32Array, pot: Potentials, candidates: readonly number[], o: EcgOptions): EcgTrain | null {
  const half = Math.max(2, Math.round(o.snippetS * o.fs));
  const maxShift = Math.max(1, Math.round(o.maxShiftS * o.fs));
  const step = Math.max(1, Math.round(o.stepS * o.fs));
  const scratch = o.scratch ?? new CorrelationScratch();
  const corr = new Correlate(x, scratch);
  const chained = chainedBeats(x, pot, candidates, o, half, maxShift, step, corr);
  if (chained.size < o.minBeats) return null;

  const known = candidates.filter((k) => chained.has(k));
  const amplitude = medianOf(known.map((k) => pot.amplitude[k]));
  const intervals = beatIntervals(pot, known, o);
  if (intervals.length === 0) return null;
  const period = medianOf(intervals);
  // Sample positions live in Int32Arrays: plain arrays of them switch between integer and float element
  // kinds from one recording to the next, and each switch throws away the optimised code that reads them.
  const knownPeaks = Int32Array.from(known, (k) => pot.peak[k]);
  const irregular = isIrregular(knownPeaks, o);
  const template = meanBeat(x, knownPeaks, half, maxShift, step, o.templateBeats, corr);
  const shapes: Shapes = { x, half, maxShift, step, corr, template };

  const likeBeat = beatLike(shapes, pot, candidates, chained, amplitude, o);
  const found: Found = { spans: [], peaks: [], centres: [] };
  addBeats(shapes, pot, known, likeBeat, knownPeaks, period, irregular, o, found);
  if (irregular) beatsInCandidates(shapes, pot, candidates, new Set([...known, ...likeBeat]), knownPeaks, amplitude, o, found);
  const sortedPeaks = Int32Array.from(found.peaks).sort();
  // Missing beats are searched for where a regular rhythm puts them; an irregular one puts them nowhere.
  if (!irregular) missingBeats(shapes, sortedPeaks, period, o, found);
  const { spans, centres } = found;
  return { beats: mergeSpans(spans), amplitude, period, peaks: sortedPeaks, template: averageAt(x, centres, Math.round(o.subtractS * o.fs), o.templateBeats), centres };
}

// The loops over candidates and beats live in functions of their own: inside findEcgTrain they made it hot
// only on the second analysis, where TurboFan then spent 40-75 ms compiling all of it with its callees.

/** The signal and the train's average beat, and how shapes are compared. */
interface Shapes {
  x: Float32Array;
  half: number;
  maxShift: number;
  step: number;
  corr: Correlate;
  template: Float64Array;
}

/** The beats found so far: their spans, peaks and the centres the average beat is subtracted at. */
interface Found {
  spans: Span[];
  peaks: number[];
  centres: number[];
}

/** Intervals between successive known beats that a heart could make. */
function beatIntervals(pot: Potentials, known: readonly number[], o: EcgOptions): number[] {
  const intervals: number[] = [];
  for (let i = 1; i < known.length; i++) {
    const gap = pot.peak[known[i]] - pot.peak[known[i - 1]];
    if (gap >= o.minPeriodS * o.fs && gap <= o.maxPeriodS * o.fs) intervals.push(gap);
  }
  return intervals;
}

/** The candidates outside the chains of beat size whose shape matches the average beat. */
function beatLike(shapes: Shapes, pot: Potentials, candidates: readonly number[], chained: Set<number>, amplitude: number, o: EcgOptions): number[] {
  const { template, half, maxShift, step, corr } = shapes;
  const likeBeat: number[] = [];
  for (const k of candidates) {
    if (chained.has(k)) continue;
    const ratio = pot.amplitude[k] / amplitude;
    if (ratio > o.sizeRatio || ratio < 1 / o.sizeRatio) continue;
    if (corr.of(template, pot.peak[k], half, maxShift, step).r >= o.shapeCorrelation) likeBeat.push(k);
  }
  return likeBeat;
}

/**
 * The chained beats, then the beat-like candidates a whole number of periods from a known beat or one
 * period from another beat-like one (anywhere inside an irregular train).
 */
function addBeats(shapes: Shapes, pot: Potentials, known: readonly number[], likeBeat: readonly number[], knownPeaks: Int32Array, period: number, irregular: boolean, o: EcgOptions, found: Found): void {
  const anchors = peaksOf(pot, known, likeBeat);
  const margin = Math.round(o.marginS * o.fs);
  for (let i = 0; i < known.length; i++) addCandidate(shapes, pot, known[i], margin, found);
  for (let i = 0; i < likeBeat.length; i++) {
    const k = likeBeat[i];
    const p = pot.peak[k];
    if (onBeat(knownPeaks, p, period, o.maxCycles, o.intervalTolerance) || onBeat(anchors, p, period, 1, o.intervalTolerance) || (irregular && withinTrain(knownPeaks, p, o))) addCandidate(shapes, pot, k, margin, found);
  }
}

/** The peaks of candidates `a` then `b`, sorted. */
function peaksOf(pot: Potentials, a: readonly number[], b: readonly number[]): Int32Array {
  const peaks = new Int32Array(a.length + b.length);
  for (let i = 0; i < a.length; i++) peaks[i] = pot.peak[a[i]];
  for (let i = 0; i < b.length; i++) peaks[a.length + i] = pot.peak[b[i]];
  return peaks.sort();
}

/** Candidate `k` as a beat: its span widened by `margin`, its peak, and where the average beat fits it best. */
function addCandidate(shapes: Shapes, pot: Potentials, k: number, margin: number, found: Found): void {
  const { template, half, maxShift, step, corr } = shapes;
  found.spans.push({ start: Math.max(0, pot.start[k] - margin), end: Math.min(shapes.x.length, pot.end[k] + margin) });
  found.peaks.push(pot.peak[k]);
  found.centres.push(alignTo(template, pot.peak[k], half, maxShift, step, corr));
}

/**
 * In an irregular train, beats inside candidates not yet taken: a beat merged with a twitch into one longer
 * candidate peaks on the twitch, so the average beat is searched for across the whole candidate instead.
 */
function beatsInCandidates(shapes: Shapes, pot: Potentials, candidates: readonly number[], taken: Set<number>, knownPeaks: Int32Array, amplitude: number, o: EcgOptions, found: Found): void {
  const { x, template, half, maxShift, step, corr } = shapes;
  for (const k of candidates) {
    if (taken.has(k) || !withinTrain(knownPeaks, pot.peak[k], o)) continue;
    const centre = (pot.start[k] + pot.end[k]) >> 1;
    const match = corr.of(template, centre, half, Math.max(maxShift, (pot.end[k] - pot.start[k]) >> 1), step);
    if (match.r < o.shapeCorrelation) continue;
    const at = alignTo(template, centre + match.lag, half, step, 1, corr);
    const size = peakNear(x, at, half);
    if (size > o.sizeRatio * amplitude || size < amplitude / o.sizeRatio) continue;
    found.spans.push({ start: Math.max(0, at - half), end: Math.min(x.length, at + half + 1) });
    found.peaks.push(at);
    found.centres.push(at);
  }
}

/** Whole beats missing between known ones of a regular rhythm, searched for with the average beat at the expected times. */
function missingBeats(shapes: Shapes, sortedPeaks: Int32Array, period: number, o: EcgOptions, found: Found): void {
  const { x, template, half, step, corr } = shapes;
  for (let i = 1; i < sortedPeaks.length; i++) {
    const gap = sortedPeaks[i] - sortedPeaks[i - 1];
    const cycles = Math.round(gap / period);
    if (cycles < 2 || cycles > o.maxCycles || Math.abs(gap - cycles * period) > o.intervalTolerance * period * cycles) continue;
    for (let j = 1; j < cycles; j++) {
      const expected = Math.round(sortedPeaks[i - 1] + (j * gap) / cycles);
      const match = corr.of(template, expected, half, Math.round(o.intervalTolerance * period * 0.5), step);
      if (match.r < o.shapeCorrelation) continue;
      const at = alignTo(template, expected + match.lag, half, step, 1, corr);
      found.spans.push({ start: Math.max(0, at - half), end: Math.min(x.length, at + half + 1) });
      found.centres.push(at);
    }
  }
}

/** Whether successive beat intervals differ by more than the tolerance in most places (atrial fibrillation). */
function isIrregular(peaks: Int32Array, o: EcgOptions): boolean {
  let changes = 0;
  let pairs = 0;
  for (let i = 2; i < peaks.length; i++) {
    const i1 = peaks[i - 1] - peaks[i - 2];
    const i2 = peaks[i] - peaks[i - 1];
    if (i1 > o.maxPeriodS * o.fs || i2 > o.maxPeriodS * o.fs) continue;
    pairs++;
    if (Math.abs(i2 - i1) > o.intervalTolerance * i1) changes++;
  }
  return pairs > 0 && changes > 0.5 * pairs;
}

/**
 * Whether `p` lies within an irregular train's span (a heart period beyond its first and last beat), at
 * least the shortest heart period from every known beat: where beats cannot be predicted, a candidate of
 * the beat's shape and size is taken as one anywhere the heart is beating.
 */
function withinTrain(known: Int32Array, p: number, o: EcgOptions): boolean {
  const reach = o.maxPeriodS * o.fs;
  if (known.length === 0 || p < known[0] - reach || p > known[known.length - 1] + reach) return false;
  const i = lowerBound(known, p);
  const near = Math.min(i < known.length ? known[i] - p : Infinity, i > 0 ? p - known[i - 1] : Infinity);
  return near >= 0.5 * o.minPeriodS * o.fs;
}

function chainedBeats(x: Float32Array, pot: Potentials, candidates: readonly number[], o: EcgOptions, half: number, maxShift: number, step: number, corr: Correlate): Set<number> {
  const m = candidates.length;
  const minLag = o.minPeriodS * o.fs;
  const maxLag = o.maxPeriodS * o.fs;
  const ref = new Float64Array(2 * half + 1);
  const next = new Int32Array(m).fill(-1);
  const hasPrev = new Uint8Array(m);
  for (let a = 0; a < m; a++) {
    const pa = pot.peak[candidates[a]];
    const ampA = pot.amplitude[candidates[a]];
    let haveRef = false;
    for (let b = a + 1; b < m && b <= a + o.lookahead; b++) {
      const lag = pot.peak[candidates[b]] - pa;
      if (lag > maxLag) break;
      const ratio = pot.amplitude[candidates[b]] / ampA;
      if (ratio > o.sizeRatio || ratio < 1 / o.sizeRatio) continue;
      if (!haveRef) snippet(x, pa, half, ref);
      haveRef = true;
      const alike = corr.of(ref, pot.peak[candidates[b]], half, maxShift, step).r >= o.shapeCorrelation;
      // The same discharge again sooner than any heart can beat: a motor unit's train, not a heartbeat.
      if (lag < minLag && alike) break;
      if (lag < minLag || !alike) continue;
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
    let runStart = 0;
    const flush = (runEnd: number): void => {
      if (runEnd - runStart >= o.minBeats) for (let k = runStart; k < runEnd; k++) beats.add(candidates[chain[k]]);
    };
    // A long chain of one stereotyped shape at heart periods is a heart train even with irregular beat intervals.
    for (let k = 2; k < (chain.length >= o.irregularMinBeats ? 0 : chain.length); k++) {
      const i1 = pot.peak[candidates[chain[k - 1]]] - pot.peak[candidates[chain[k - 2]]];
      const i2 = pot.peak[candidates[chain[k]]] - pot.peak[candidates[chain[k - 1]]];
      if (Math.abs(i2 - i1) > o.intervalTolerance * i1) {
        flush(k);
        runStart = k - 1;
      }
    }
    flush(chain.length);
  }
  return beats;
}

/**
 * The mean of ±`half` samples around up to `most` aligned centres: a beat's whole filtered response
 * (QRS and its ringing), for subtraction.
 */
function averageAt(x: Float32Array, centres: number[], half: number, most: number): Float64Array {
  const sum = new Float64Array(2 * half + 1);
  const used = Math.min(centres.length, most);
  for (let k = 0; k < used; k++) {
    const c = centres[Math.floor((k * centres.length) / used)];
    for (let d = -half; d <= half; d++) sum[d + half] += sampleAt(x, c + d) / used;
  }
  return sum;
}

/** Where `template` fits best around `p`: a coarse search on the `step` grid, then sample by sample. */
function alignTo(template: Float64Array, p: number, half: number, maxShift: number, step: number, corr: Correlate): number {
  const coarse = p + corr.of(template, p, half, maxShift, step).lag;
  return coarse + corr.of(template, coarse, half, step, 1).lag;
}

/** Whether some value of `sorted` lies a whole number (1..maxCycles) of periods from `p`, within tolerance. */
export function onBeat(sorted: Int32Array, p: number, period: number, maxCycles: number, tolerance: number): boolean {
  const reach = (maxCycles + tolerance) * period;
  for (let i = lowerBound(sorted, p - reach); i < sorted.length && sorted[i] <= p + reach; i++) {
    const d = Math.abs(sorted[i] - p);
    const cycles = Math.round(d / period);
    if (cycles >= 1 && cycles <= maxCycles && Math.abs(d - cycles * period) <= tolerance * period) return true;
  }
  return false;
}

/**
 * The train's average beat: up to `most` beats spread over the train, each aligned to the first by its best
 * shift, then averaged (noise falls as 1/√beats; more beats add little).
 */
function meanBeat(x: Float32Array, peaks: Int32Array, half: number, maxShift: number, step: number, most: number, corr: Correlate): Float64Array {
  const first = snippet(x, peaks[0], half);
  const sum = new Float64Array(2 * half + 1);
  const one = new Float64Array(2 * half + 1);
  const used = Math.min(peaks.length, most);
  for (let k = 0; k < used; k++) {
    const p = peaks[Math.floor((k * peaks.length) / used)];
    const { lag } = corr.of(first, p, half, maxShift, step);
    snippet(x, p + lag, half, one);
    addShare(sum, one, used);
  }
  return sum;
}

/** sum[d] += one[d] / used for every d: meanBeat's per-sample loop, a function of its own so that it, not meanBeat, is what gets compiled (early). */
function addShare(sum: Float64Array, one: Float64Array, used: number): void {
  for (let d = 0; d < sum.length; d++) sum[d] += one[d] / used;
}

/** Largest |x| within ±`half` of `p`. */
function peakNear(x: Float32Array, p: number, half: number): number {
  let top = 0;
  for (let i = Math.max(0, p - half); i <= Math.min(x.length - 1, p + half); i++) {
    const v = Math.abs(x[i]);
    if (v > top) top = v;
  }
  return top;
}

/** The ±`half` samples around `p`, NaN and samples beyond the signal read as 0. */
function snippet(x: Float32Array, p: number, half: number, out = new Float64Array(2 * half + 1)): Float64Array {
  for (let d = -half; d <= half; d++) out[d + half] = sampleAt(x, p + d);
  return out;
}

/**
 * x[i], 0 for NaN or an index beyond the signal. The index is checked rather than the read's undefined: a
 * read that may be out of bounds gives a value the optimised code must box, one heap number per sample
 * (about 8 MB a run of the bench, much of its garbage).
 */
function sampleAt(x: Float32Array, i: number): number {
  if (i < 0 || i >= x.length) return 0;
  const v = x[i];
  return v === v ? v : 0;
}

function medianOf(values: readonly number[]): number {
  const s = Float64Array.from(values).sort();
  return s[s.length >> 1];
}
