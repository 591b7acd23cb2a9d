import { lowerBound } from '../dsp/sorted';
import type { Potentials } from './hysteresis';
import { mergeSpans, type Span } from './spans';

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
  const anchors = Int32Array.from([...known, ...likeBeat], (k) => pot.peak[k]).sort();
  const margin = Math.round(o.marginS * o.fs);
  for (const k of known) addCandidate(shapes, pot, k, margin, found);
  for (const k of likeBeat) {
    const p = pot.peak[k];
    if (onBeat(knownPeaks, p, period, o.maxCycles, o.intervalTolerance) || onBeat(anchors, p, period, 1, o.intervalTolerance) || (irregular && withinTrain(knownPeaks, p, o))) addCandidate(shapes, pot, k, margin, found);
  }
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

/**
 * `correlation` over one signal with one scratch. An object rather than a closure made per channel: code
 * that inlined one channel's closure was deoptimised ('wrong call target') by the next channel's.
 */
class Correlate {
  constructor(
    private readonly x: Float32Array,
    private readonly scratch: CorrelationScratch,
  ) {}

  of(ref: Float64Array, pb: number, half: number, maxLag: number, step: number): { r: number; lag: number } {
    return correlation(ref, this.x, pb, half, maxLag, step, this.scratch);
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
    for (let d = -half; d <= half; d++) sum[d + half] += finite(x[c + d]) / used;
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
    for (let d = 0; d < sum.length; d++) sum[d] += one[d] / used;
  }
  return sum;
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

/** The ±`half` samples around `p`, NaN read as 0. */
function snippet(x: Float32Array, p: number, half: number, out = new Float64Array(2 * half + 1)): Float64Array {
  for (let d = -half; d <= half; d++) out[d + half] = finite(x[p + d]);
  return out;
}

/**
 * Largest Pearson correlation of `ref` with the snippet around `pb` shifted by up to ±`maxLag`, and that
 * shift. Samples and shifts are taken every `step` samples: a QRS left after the EMG band-pass changes over
 * milliseconds, so checking every 2 ms loses nothing and saves most of the work at high rates. Every shift
 * reads the same grid of samples, so the grid is gathered once (NaN and outside the signal read as 0), the
 * reference centred once, and each shift's sum and sum of squares come from running sums over the grid:
 * with the reference centred, Σ a (b − mean b) = Σ a b − mean b · Σ a and Σ (b − mean b)² = Σ b² − mean b · Σ b,
 * so a shift costs one multiply-add per sample.
 */
function correlation(ref: Float64Array, x: Float32Array, pb: number, half: number, maxLag: number, step: number, scratch: CorrelationScratch): { r: number; lag: number } {
  const len = Math.floor((2 * half) / step) + 1;
  const shifts = Math.floor((2 * maxLag) / step) + 1;
  const span = len + shifts - 1;
  const { centred, grid, sums, squares } = scratch.take(len, span);
  let ma = 0;
  for (let j = 0; j < len; j++) ma += ref[j * step];
  ma /= len;
  let na = 0;
  let ca = 0;
  for (let j = 0; j < len; j++) {
    const a = ref[j * step] - ma;
    centred[j] = a;
    na += a * a;
    ca += a;
  }
  const best = { r: -1, lag: 0 };
  if (na === 0) return best;
  const n = x.length;
  const base = pb - maxLag - half;
  sums[0] = 0;
  squares[0] = 0;
  for (let m = 0; m < span; m++) {
    const i = base + m * step;
    const v = i >= 0 && i < n ? x[i] : 0;
    const g = v === v ? v : 0;
    grid[m] = g;
    sums[m + 1] = sums[m] + g;
    squares[m + 1] = squares[m] + g * g;
  }
  // Four shifts at a time: four independent chains of additions keep the adder busy where one chain would
  // wait on each addition's latency.
  let k = 0;
  for (; k + 4 <= shifts; k += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = 0; j < len; j++) {
      const c = centred[j];
      s0 += c * grid[k + j];
      s1 += c * grid[k + j + 1];
      s2 += c * grid[k + j + 2];
      s3 += c * grid[k + j + 3];
    }
    consider(best, s0, na, ca, k, len, sums, squares, -maxLag + k * step);
    consider(best, s1, na, ca, k + 1, len, sums, squares, -maxLag + (k + 1) * step);
    consider(best, s2, na, ca, k + 2, len, sums, squares, -maxLag + (k + 2) * step);
    consider(best, s3, na, ca, k + 3, len, sums, squares, -maxLag + (k + 3) * step);
  }
  for (; k < shifts; k++) {
    let s = 0;
    for (let j = 0; j < len; j++) s += centred[j] * grid[k + j];
    consider(best, s, na, ca, k, len, sums, squares, -maxLag + k * step);
  }
  return best;
}

/**
 * Takes shift `k` (raw cross sum `s`) as the best so far if its correlation beats it. A grid stretch whose
 * spread is lost in the running sums' round-off (flat, or all zero) has no shape to correlate.
 */
function consider(best: { r: number; lag: number }, s: number, na: number, ca: number, k: number, len: number, sums: Float64Array, squares: Float64Array, lag: number): void {
  const sum = sums[k + len] - sums[k];
  const square = squares[k + len] - squares[k];
  const mean = sum / len;
  const nb = square - mean * sum;
  const r = nb > 1e-9 * square ? (s - mean * ca) / Math.sqrt(na * nb) : -1;
  if (r > best.r) {
    best.r = r;
    best.lag = lag;
  }
}

/** Working memory for the shape correlations, grown to the longest snippet seen; calls never overlap. */
export class CorrelationScratch {
  centred = new Float64Array(256);
  grid = new Float64Array(512);
  /** Running sums of the grid and of its squares: entry m covers grid[0, m). */
  sums = new Float64Array(513);
  squares = new Float64Array(513);

  take(centred: number, grid: number): CorrelationScratch {
    if (this.centred.length < centred) this.centred = new Float64Array(centred * 2);
    if (this.grid.length < grid) {
      this.grid = new Float64Array(grid * 2);
      this.sums = new Float64Array(grid * 2 + 1);
      this.squares = new Float64Array(grid * 2 + 1);
    }
    return this;
  }
}

function finite(v: number | undefined): number {
  return v !== undefined && v === v ? v : 0;
}

function medianOf(values: readonly number[]): number {
  const s = Float64Array.from(values).sort();
  return s[s.length >> 1];
}
