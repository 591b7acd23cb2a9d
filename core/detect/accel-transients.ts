import { bandpassDesign } from '../dsp/design-cache';
import { ZeroPhaseFilter } from '../dsp/filtfilt';
import type { Sos } from '../dsp/sos';
import { widthAt, type Potentials } from './hysteresis';
import { isImpact, isJolt, type KnockScratch, leavesTilted } from './accel-impact';
import { KnockMount } from './accel-mount';
import type { AccelParams } from './params';
import { overlapsAny, type Span } from './spans';

export interface Transient extends Span {
  peak: number;
  amplitude: number;
}

export interface TransientSorting {
  /** Brief movements at rest: twitch-like. */
  twitches: Transient[];
  /** Knocks and fidgets: movement, not twitches. */
  moves: Transient[];
  /** How many transients the knock tests (spectrum, shape, impact, jolt, tilt) recognised as knocks. */
  knocks?: number;
}

export interface TransientInput {
  /** Raw axes (g, gravity included), the band-passed norm and the movement-band (0.5-5 Hz) norm. */
  axes: Float32Array[];
  band: Float32Array;
  move: Float32Array;
  pot: Potentials;
  fs: number;
  noiseFloor: number;
  /** No transient may touch these (movement, prolonged activity, gaps, with a margin). */
  blocked: readonly Span[];
  design: Sos;
  /** The knock tests' working memory (the analysis's Workspace). */
  scratch: KnockScratch;
}

/**
 * Brief transients at rest, sorted into twitch-like movements and the movement that looks like them.
 * Candidates closer than the dead time are one; one under `minSnr` is dropped, and one longer than
 * `maxTwitchMs` (at a fifth of its peak) is movement. A muscle twitch is a smooth mechanical transient (contraction 35-98 ms, Sica &
 * McComas 1971; most energy below about 30 Hz), so a candidate is a knock, an impact on the sensor, when
 * its raw axes carry as much energy per Hz above the twitch band as in it (an impact's flat spectrum), when its band-passed shape is the filter's own response to an impulse, when its raw axes hold
 * it within the two samples an impact shorter than a sample falls across (each test only where the
 * sampling rate lets an impact and a twitch differ), when its raw axes bend more sharply than a movement in
 * the twitch band can, or when it leaves the sensor tilted; it is a fidget
 * when the slow movement band around it is a good part of its size and more than noise; and a transient
 * within `knockClusterS` of a knock or fidget is part of that movement.
 */
export function sortTransients(s: TransientInput, p: AccelParams): TransientSorting {
  const { pot, fs, band } = s;
  const out: TransientSorting = { twitches: [], moves: [] };
  const knocks: number[] = [];
  const maxLength = (p.maxTwitchMs / 1000) * fs;
  const deadTime = (p.deadTimeMs / 1000) * fs;
  const bridge = Math.max(1, Math.round((p.twitchBridgeMs / 1000) * fs));
  const impulse = impulseShape(s.design, fs);
  const split = fs >= p.knockSpreadRateHz ? { low: bandpassDesign(4, p.bandLowHz, p.twitchTopHz, fs), high: bandpassDesign(4, p.knockLowHz, Math.min(0.45 * fs, p.knockLowHz * 4), fs) } : null;
  let g = 0;
  while (g < pot.length) {
    let e = g + 1;
    while (e < pot.length && pot.start[e] - pot.end[e - 1] <= deadTime) e++;
    let best = g;
    for (let k = g + 1; k < e; k++) if (pot.amplitude[k] > pot.amplitude[best]) best = k;
    const tr: Transient = { start: pot.start[g], end: pot.end[e - 1], peak: pot.peak[best], amplitude: pot.amplitude[best] };
    g = e;
    // Length is taken where the movement is at least a fifth of its peak: a large twitch stays above the
    // noise-based release threshold far longer, through its own decay and the high-pass ringing.
    const length = widthAt(band, tr.peak, tr.start, tr.end, 0.2, bridge);
    if (tr.amplitude < p.minSnr * s.noiseFloor || overlapsAny(s.blocked, tr.start, tr.end)) continue;
    // Too long for a twitch: movement, and a seed for the clusters below.
    if (length > maxLength) {
      out.moves.push(tr);
      continue;
    }
    const knock =
      (fs >= p.knockShapeRateHz && shapeMatch(band, tr.peak, impulse) >= p.knockShape) ||
      (split !== null && highShare(s.axes, tr.peak, split, fs, p) >= p.knockHighShare) ||
      rawKnock(s.axes, tr.peak, tr.amplitude, fs, s.noiseFloor, p, s.scratch);
    const slow = nearPeak(s.move, tr.peak, Math.round(p.fidgetReachS * fs));
    const fidget = slow >= p.fidgetRatio * tr.amplitude && slow >= p.fidgetMinG;
    (knock || fidget ? out.moves : out.twitches).push(tr);
    if (knock) knocks.push(tr.peak);
  }
  const mount = KnockMount.learn(s.axes, knocks, knocks.length + out.twitches.length, fs, p, s.scratch);
  if (mount !== null) {
    const rang = out.twitches.filter((tr) => mount.matches(s.axes, tr.peak, s.noiseFloor, fs, p, s.scratch));
    if (rang.length > 0) {
      out.twitches = out.twitches.filter((tr) => !rang.includes(tr));
      out.moves = [...out.moves, ...rang].sort((a, b) => a.peak - b.peak);
    }
  }
  return { ...joinClusters(out, Math.round(p.knockClusterS * fs)), knocks: knocks.length };
}

/** The knock tests on the raw axes: an impact within two samples, a jolt, or a tilt left behind. */
function rawKnock(axes: Float32Array[], peak: number, amplitude: number, fs: number, sigma: number, p: AccelParams, scratch: KnockScratch): boolean {
  return (fs >= p.knockPulseRateHz && isImpact(axes, peak, fs, p, scratch)) || isJolt(axes, peak, fs, amplitude, sigma, p) || leavesTilted(axes, peak, fs, sigma, p, scratch);
}

/**
 * Spans of prolonged activity that hold a knock: a cluster of knocks rings on for seconds and raises the band's
 * RMS like tremor or a cramp would, but tremor and cramps build up smoothly from the muscle, so a span with an
 * impact, a jolt or a tilt in it is movement.
 */
export function knockedSpans(spans: readonly Span[], s: Pick<TransientInput, 'axes' | 'pot' | 'fs' | 'noiseFloor' | 'scratch'>, p: AccelParams): Span[] {
  const out: Span[] = [];
  const { pot } = s;
  let k = 0;
  for (const span of spans) {
    while (k < pot.length && pot.peak[k] < span.start) k++;
    for (let j = k; j < pot.length && pot.peak[j] < span.end; j++) {
      if (rawKnock(s.axes, pot.peak[j], pot.amplitude[j], s.fs, s.noiseFloor, p, s.scratch)) {
        out.push(span);
        break;
      }
    }
  }
  return out;
}

/**
 * Spans of prolonged activity whose band-passed movement has a mean frequency under `sustainedMinHz`: the upper
 * part of a slower movement of the limb (a leg bouncing at 3-6 Hz) passing the band's lower edge, not the
 * muscle's own vibration in a cramp, whose units fire at 14.5 +/- 5.1 Hz (Minetto et al. 2009). The mean
 * frequency is Rice's, from the energy of the first differences over that of the samples (for a sine of
 * frequency f, 4 sin^2(pi f / fs)), over the three band-passed axes.
 */
export function slowSpans(spans: readonly Span[], axes: readonly Float32Array[], design: Sos, fs: number, p: AccelParams): Span[] {
  const out: Span[] = [];
  const pad = Math.round(fs);
  const filter = new ZeroPhaseFilter(design, Math.round(fs / 2));
  for (const span of spans) {
    const from = Math.max(0, span.start - pad);
    const to = Math.min(axes[0].length, span.end + pad);
    const y = new Float32Array(to - from);
    let dd = 0;
    let xx = 0;
    for (const a of axes) {
      filter.apply(a.subarray(from, to), y);
      for (let i = span.start - from + 1; i < span.end - from; i++) {
        const d = y[i] - y[i - 1];
        dd += d * d;
        xx += y[i] * y[i];
      }
    }
    if (!(xx > 0)) continue;
    const hz = (fs / Math.PI) * Math.asin(Math.min(1, Math.sqrt(dd / xx) / 2));
    if (hz < p.sustainedMinHz) out.push(span);
  }
  return out;
}

/**
 * Twitches within `reach` samples of a knock or fidget join it as movement, and so on along the chain: knocks
 * come in clusters and a twitch is isolated. Both lists are in time order and stay so.
 */
function joinClusters(sorted: TransientSorting, reach: number): TransientSorting {
  let { twitches, moves } = sorted;
  for (let changed = true; changed && moves.length > 0; ) {
    changed = false;
    const keep: Transient[] = [];
    const joined: Transient[] = [];
    let m = 0;
    for (const tr of twitches) {
      while (m < moves.length && moves[m].peak < tr.peak - reach) m++;
      (m < moves.length && moves[m].peak <= tr.peak + reach ? joined : keep).push(tr);
    }
    if (joined.length > 0) {
      changed = true;
      twitches = keep;
      moves = [...moves, ...joined].sort((a, b) => a.peak - b.peak);
    }
  }
  return { twitches, moves };
}

/**
 * Energy density (per Hz) above `knockLowHz` over that in the twitch band (`bandLowHz`-`twitchTopHz`), on
 * ±`knockSpanMs` of the raw axes around the peak: about 1 for an impact's flat spectrum, far below for a
 * muscle twitch, which carries little above 30 Hz.
 */
function highShare(axes: Float32Array[], peak: number, split: { low: Sos; high: Sos }, fs: number, p: AccelParams): number {
  const span = Math.round((p.knockSpanMs / 1000) * fs);
  const from = Math.max(0, peak - 2 * span);
  const to = Math.min(axes[0].length, peak + 2 * span);
  const seg = new Float32Array(to - from);
  const out = new Float32Array(to - from);
  const lowFilter = new ZeroPhaseFilter(split.low, span);
  const highFilter = new ZeroPhaseFilter(split.high, span);
  let lo = 0;
  let hi = 0;
  for (const a of axes) {
    let mean = 0;
    for (let i = from; i < to; i++) mean += a[i] === a[i] ? a[i] : 0;
    mean /= to - from;
    for (let i = from; i < to; i++) seg[i - from] = a[i] === a[i] ? a[i] - mean : 0;
    lowFilter.apply(seg, out);
    lo += energy(out, span, 3 * span);
    highFilter.apply(seg, out);
    hi += energy(out, span, 3 * span);
  }
  const highWidth = Math.min(0.45 * fs, p.knockLowHz * 4) - p.knockLowHz;
  return lo > 0 ? hi / highWidth / (lo / (p.twitchTopHz - p.bandLowHz)) : 0;
}

function energy(x: Float32Array, from: number, to: number): number {
  let e = 0;
  for (let i = from; i < Math.min(to, x.length); i++) e += x[i] * x[i];
  return e;
}

/** The band-pass's response to a unit impulse, rectified, over ±100 ms: what an impact looks like in the band. */
function impulseShape(design: Sos, fs: number): Float32Array {
  const half = Math.max(2, Math.round(0.1 * fs));
  const x = new Float32Array(4 * half + 1);
  const y = new Float32Array(x.length);
  x[2 * half] = 1;
  new ZeroPhaseFilter(design, Math.round(fs / 2)).apply(x, y);
  const out = new Float32Array(2 * half + 1);
  for (let d = -half; d <= half; d++) out[d + half] = Math.abs(y[2 * half + d]);
  return out;
}

/** Best Pearson correlation of the band norm around `peak` (shifts of ±2 samples) with the impulse shape. */
function shapeMatch(band: Float32Array, peak: number, shape: Float32Array): number {
  const half = (shape.length - 1) >> 1;
  let best = -1;
  for (let lag = -2; lag <= 2; lag++) {
    let sa = 0;
    let sb = 0;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let d = -half; d <= half; d++) {
      const a = shape[d + half];
      const v = band[peak + lag + d];
      const b = v === v && v !== undefined ? v : 0;
      sa += a;
      sb += b;
      sab += a * b;
      saa += a * a;
      sbb += b * b;
    }
    const k = shape.length;
    const den = Math.sqrt((saa - (sa * sa) / k) * (sbb - (sb * sb) / k));
    if (den > 0) best = Math.max(best, (sab - (sa * sb) / k) / den);
  }
  return best;
}

/** Largest finite value within ±`reach` of `at`. */
function nearPeak(x: Float32Array, at: number, reach: number): number {
  let top = 0;
  for (let i = Math.max(0, at - reach); i < Math.min(x.length, at + reach); i++) {
    const v = x[i];
    if (v > top) top = v;
  }
  return top;
}
