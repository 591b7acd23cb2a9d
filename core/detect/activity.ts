import { lowerBound } from '../dsp/sorted';
import type { ActivityPattern } from './events';
import { rhythmOf, type RhythmOptions } from './rhythm';
import { mergeSpans, type Span } from './spans';
import type { Spikes } from './spikes';
import { trainFeatures, TrainScratch, type TrainFeatures, type TrainOptions } from './train';

export interface ActivitySpan extends Span {
  pattern: ActivityPattern;
  /** Firing rate of the steadiest unit, or the tremor frequency, Hz (NaN when none was measured). */
  rhythmHz: number;
}

export interface ActivityOptions {
  fs: number;
  window: number;
  hop: number;
  /** Discharges per window at which the train is too dense for fasciculations, whatever its regularity. */
  denseCount: number;
  unitMinHz: number;
  unitMaxHz: number;
  unitMaxCv2: number;
  /** A dense episode whose steadiest unit is at least this regular is voluntary: a contraction, not a cramp. */
  contractionMaxCv2: number;
  /** Discharges further apart than this end a stretch of activity. */
  chainGap: number;
  /** Stretches of activity closer than this are one: the same contraction, with discharges lost for a moment. */
  bridge: number;
  minLength: number;
  tremorProminence: number;
  /** Tremor discharges come as bursts of units: the stretch's candidates last this long or more (median). */
  tremorBurst: number;
  train: TrainOptions;
  rhythm: RhythmOptions;
}

/**
 * Activity that is not rest: trains of discharges that fasciculations cannot make, because these fire
 * sparsely and at random while a muscle in use fires densely, regularly or rhythmically. A window is active
 * when it holds `denseCount` discharges or more, or a unit (an amplitude class) firing at `unitMinHz`-
 * `unitMaxHz` with a median CV2 of `unitMaxCv2` or less. Active windows are cut into stretches of
 * discharges no more than `chainGap` apart, and joined with the dense episodes (`dense`, many units at
 * once). Each stretch is then named: `tremor` when its discharges come as bursts (candidates at least
 * `tremorBurst` long) with a sharp rhythm at 3-12 Hz; for a dense episode, `contraction` when a unit inside it fires regularly (voluntary
 * drive) and otherwise it stays a cramp-like `sustained` episode; else `tonic` (one or a few units firing).
 */
export function findActivity(spikes: Spikes, dense: readonly Span[], n: number, o: ActivityOptions): { activity: ActivitySpan[]; sustained: Span[] } {
  const scratch = new TrainScratch();
  const joined = mergeSpans([...mergeSpans(activeStretches(spikes, n, o, scratch), o.bridge), ...dense], o.chainGap);
  const activity: ActivitySpan[] = [];
  const sustained: Span[] = [];
  for (const s of joined) {
    const denseTime = overlap(dense, s);
    const named = nameOf(spikes, s, denseTime > 0.5 * (s.end - s.start), o, scratch);
    if (named.pattern === null) sustained.push(s);
    else activity.push({ ...s, pattern: named.pattern, rhythmHz: named.hz });
  }
  return { activity, sustained };
}

/**
 * The stretches of discharges (`chains`) inside each run of overlapping active windows. The loop over
 * windows lives here, apart from findActivity: inside it, findActivity became hot only on the second and
 * third analyses and was compiled (and deoptimised, and compiled again) there, 30-90 ms of TurboFan work
 * each time; on its own this loop is compiled during the first analysis.
 */
function activeStretches(spikes: Spikes, n: number, o: ActivityOptions, scratch: TrainScratch): Span[] {
  const stretches: Span[] = [];
  let lo = 0;
  let hi = 0;
  let run: Span | null = null;
  for (let start = 0; start < n; start += o.hop) {
    const end = start + o.window;
    while (lo < spikes.length && spikes.at[lo] < start) lo++;
    if (hi < lo) hi = lo;
    while (hi < spikes.length && spikes.at[hi] < end) hi++;
    if (active(trainFeatures(spikes, lo, hi, o.train, scratch), o)) {
      if (run && start <= run.end) run.end = end;
      else {
        if (run) stretches.push(...chains(spikes, run, o));
        run = { start, end };
      }
    }
  }
  if (run) stretches.push(...chains(spikes, run, o));
  return stretches;
}

function active(f: TrainFeatures, o: ActivityOptions): boolean {
  if (f.count >= o.denseCount) return true;
  return f.unitCount > 0 && f.unitCv2 <= o.unitMaxCv2 && f.unitHz >= o.unitMinHz && f.unitHz <= o.unitMaxHz;
}

/** The stretches of discharges in `run` no more than `chainGap` apart that last at least `minLength`. */
function chains(spikes: Spikes, run: Span, o: ActivityOptions): Span[] {
  const out: Span[] = [];
  let first = -1;
  let last = -1;
  const close = (): void => {
    if (first >= 0 && last - first >= o.minLength) out.push({ start: first, end: last + 1 });
  };
  for (let k = lowerBound(spikes.at, run.start); k < spikes.length; k++) {
    const t = spikes.at[k];
    if (t >= run.end) break;
    if (first >= 0 && t - last > o.chainGap) {
      close();
      first = -1;
    }
    if (first < 0) first = t;
    last = t;
  }
  close();
  return out;
}

function nameOf(spikes: Spikes, s: Span, isDense: boolean, o: ActivityOptions, scratch: TrainScratch): { pattern: ActivityPattern | null; hz: number } {
  const [from, to] = indexRange(spikes, s.start, s.end);
  const rhythm = rhythmOf(spikes, from, to, s.start, s.end, o.rhythm);
  if (rhythm.prominence >= o.tremorProminence && medianWidth(spikes, from, to) >= o.tremorBurst) return { pattern: 'tremor', hz: rhythm.hz };
  const unit = windowedUnit(spikes, from, to, o, scratch);
  if (isDense) return unit.cv2 <= o.contractionMaxCv2 ? { pattern: 'contraction', hz: unit.hz } : { pattern: null, hz: unit.hz };
  return { pattern: 'tonic', hz: unit.hz };
}

function medianWidth(spikes: Spikes, from: number, to: number): number {
  if (to <= from) return 0;
  const w = Float64Array.from(spikes.width.subarray(from, to)).sort();
  return w[w.length >> 1];
}

/** Over the stretch's windows, the medians of the steadiest unit's CV2 and of its rate. */
function windowedUnit(spikes: Spikes, from: number, to: number, o: ActivityOptions, scratch: TrainScratch): { cv2: number; hz: number } {
  const cv2: number[] = [];
  const hz: number[] = [];
  let lo = from;
  let hi = from;
  if (from >= to) return { cv2: Number.NaN, hz: Number.NaN };
  for (let start = spikes.at[from]; start < spikes.at[to - 1]; start += o.hop) {
    while (lo < to && spikes.at[lo] < start) lo++;
    if (hi < lo) hi = lo;
    while (hi < to && spikes.at[hi] < start + o.window) hi++;
    const f = trainFeatures(spikes, lo, hi, o.train, scratch);
    if (f.unitCount > 0) {
      cv2.push(f.unitCv2);
      hz.push(f.unitHz);
    }
  }
  return { cv2: quantile(cv2, 0.5), hz: quantile(hz, 0.5) };
}

function quantile(v: number[], q: number): number {
  if (v.length === 0) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(q * (s.length - 1))];
}

function indexRange(spikes: Spikes, start: number, end: number): [number, number] {
  return [lowerBound(spikes.at, start), lowerBound(spikes.at, end)];
}

function overlap(spans: readonly Span[], s: Span): number {
  let total = 0;
  for (const d of spans) total += Math.max(0, Math.min(d.end, s.end) - Math.max(d.start, s.start));
  return total;
}
