import type { DetectedEvent } from './events';
import { bandpassDesign } from '../dsp/design-cache';
import { movingRms } from '../dsp/envelope';
import { FilterScratch, ZeroPhaseFilter } from '../dsp/filtfilt';
import { Workspace } from './workspace';
import { finiteQuantile, windowedSigma } from '../dsp/robust';
import { fillShortGaps, usableRuns } from './gaps';
import { findPotentials, widthAt } from './hysteresis';
import type { AccelParams } from './params';
import type { Checkpoint, ChannelResult } from './result';
import { dilateSpans, mergeSpans, overlapsAny, runsOf, totalLength, type Span } from './spans';

export interface AccelInput {
  id: string;
  /** One to three axes in g, gravity included, on one grid. */
  axes: Float32Array[];
  fs: number;
  startS: number;
  /** Quantisation step in g, when the file states it. */
  resolution?: number;
}

export interface AccelResult extends ChannelResult {
  /** Movement spans in this sensor's samples, to exclude from EMG recorded at the same time. */
  movement: Span[];
}

/** Median of the norm of 3 independent N(0, σ²) axes is 1.5382 σ (chi distribution, 3 degrees of freedom). */
const CHI3_MEDIAN = 1.5382;
const MIN_RUN_S = 1;
const MOVE_BRIDGE_S = 1;
const SUSTAINED_WINDOW_S = 0.5;
const SUSTAINED_BRIDGE_S = 0.5;
/** Below a twitch band this narrow the rate is too low to analyse transients. */
const MIN_BAND_RATIO = 1.5;

/**
 * One accelerometer sensor: band-pass each axis to remove gravity and posture, combine as the vector norm
 * (orientation-free), mark gross movement from the 0.5-5 Hz band, prolonged activity from the twitch band's
 * RMS, and count brief transients at rest as twitches.
 */
export function detectAccel(input: AccelInput, p: AccelParams, checkpoint: Checkpoint, ws = new Workspace()): AccelResult {
  const { id, fs, startS } = input;
  const axes = input.axes.map((a) => fillShortGaps(a, Math.max(1, Math.round(0.01 * fs))).data);
  const n = axes[0].length;
  const joint = new Float32Array(n);
  for (const a of axes) addInto(joint, a);
  const { runs, gaps } = usableRuns(joint, Math.round(MIN_RUN_S * fs));
  const notes: string[] = [];
  const t = (i: number): number => startS + i / fs;

  const moveHigh = Math.min(p.moveHighHz, 0.45 * fs);
  const moveNorm = bandNorm(axes, runs, bandpassDesign(p.filterOrder, p.moveLowHz, moveHigh, fs), fs, ws.filter);
  const moveRms = movingRms(moveNorm, Math.round(p.moveWindowS * fs) | 1);
  const movement = dilateSpans(hysteresisSpans(moveRms, p.moveOnG, p.moveOffG, Math.round(MOVE_BRIDGE_S * fs)), Math.round(p.moveMarginS * fs), n);
  checkpoint(0.4);

  const high = Math.min(p.bandHighHz, 0.45 * fs);
  const events: DetectedEvent[] = [];
  let sustained: Span[] = [];
  let noiseFloor = 0;
  let minDetectable: number | undefined;
  if (runs.length === 0) {
    notes.push(`No stretch of ${MIN_RUN_S} s without gaps: too little to look for brief twitches; only movement is marked.`);
  } else if (high >= p.bandLowHz * MIN_BAND_RATIO) {
    const design = bandpassDesign(p.filterOrder, p.bandLowHz, high, fs);
    const m = bandNorm(axes, runs, design, fs, ws.filter);
    const win = Math.max(1, Math.round(p.noiseWindowS * fs));
    const sigmas = windowedSigma(m, win);
    for (let w = 0; w < sigmas.length; w++) sigmas[w] = (sigmas[w] * 0.6745) / CHI3_MEDIAN;
    const step = input.resolution ?? quantisationStep(axes);
    const quantFloor = (step / Math.sqrt(12)) * Math.sqrt((high - p.bandLowHz) / (fs / 2));
    noiseFloor = Math.max(finiteQuantile(sigmas, 0.25), quantFloor, Number.MIN_VALUE);
    const floor = new Float64Array(sigmas.length).fill(noiseFloor);

    const rms = movingRms(m, Math.round(SUSTAINED_WINDOW_S * fs) | 1);
    const level = p.sustainedK * noiseFloor * Math.sqrt(3);
    sustained = mergeSpans(runsOf(above(rms, level)), Math.round(SUSTAINED_BRIDGE_S * fs)).filter(
      (s) => s.end - s.start >= p.sustainedMinS * fs && !overlapsAny(movement, s.start, s.end),
    );
    checkpoint(0.7);

    const pot = findPotentials({ x: m, envelope: m, floor, floorWindow: win, high: p.twitchK, low: p.releaseK, mergeGap: Math.max(1, Math.round(0.03 * fs)) });
    const blocked = dilateSpans(mergeSpans([...movement, ...sustained, ...gaps]), Math.round(0.25 * fs), n);
    const maxLength = (p.maxTwitchMs / 1000) * fs;
    const deadTime = (p.deadTimeMs / 1000) * fs;
    const bridge = Math.max(1, Math.round(0.04 * fs));
    let g = 0;
    while (g < pot.length) {
      let e = g + 1;
      while (e < pot.length && pot.start[e] - pot.end[e - 1] <= deadTime) e++;
      let best = g;
      for (let k = g + 1; k < e; k++) if (pot.amplitude[k] > pot.amplitude[best]) best = k;
      const start = pot.start[g];
      const end = pot.end[e - 1];
      g = e;
      // Length is taken where the movement is at least a fifth of its peak: a large twitch stays above the
      // noise-based release threshold far longer, through its own decay and the high-pass ringing.
      const length = widthAt(m, pot.peak[best], start, end, 0.2, bridge);
      if (length > maxLength || pot.amplitude[best] < p.minSnr * noiseFloor || overlapsAny(blocked, start, end)) continue;
      events.push({ channel: id, type: 'twitch', startS: t(start), endS: t(end), peakS: t(pot.peak[best]), amplitude: pot.amplitude[best], snr: pot.amplitude[best] / noiseFloor });
    }
    for (const s of sustained) {
      let peak = s.start;
      for (let i = s.start; i < s.end; i++) if (m[i] > m[peak]) peak = i;
      let sum = 0;
      for (let i = s.start; i < s.end; i++) sum += m[i] * m[i];
      events.push({ channel: id, type: 'sustained', startS: t(s.start), endS: t(s.end), peakS: t(peak), amplitude: m[peak], snr: m[peak] / noiseFloor, rms: Math.sqrt(sum / (s.end - s.start)) });
    }
    minDetectable = (p.twitchK * noiseFloor) / referenceGain(design, fs, p.referenceTwitchHz);
    notes.push(
      `The smallest brief movement this recording could show is about ${formatG(minDetectable)} (from its noise and ${round(fs)} Hz sampling). A single motor unit is usually far too small for a worn accelerometer to feel: what it shows are brief movements of the limb.`,
    );
    if (fs < 100) notes.push(`At ${round(fs)} Hz the sensor only follows movement up to ${round(high)} Hz, so small or quick twitches are missed.`);
  } else {
    notes.push(`At ${round(fs)} Hz the recording is too slow to show brief twitches; only movement is marked.`);
  }

  for (const s of movement) events.push({ channel: id, type: 'movement', startS: t(s.start), endS: t(s.end), peakS: t(s.start), amplitude: 0, snr: 0 });
  for (const s of gaps) events.push({ channel: id, type: 'artifact', startS: t(s.start), endS: t(s.end), peakS: t(s.start), amplitude: 0, snr: 0, reason: 'gap' });
  events.sort((a, b) => a.startS - b.startS);
  checkpoint(1);
  const excluded = mergeSpans([...gaps, ...movement]);
  return {
    events,
    analyzedS: (n - totalLength(gaps)) / fs,
    restS: (n - totalLength(mergeSpans([...excluded, ...sustained]))) / fs,
    excludedS: totalLength(excluded) / fs,
    noiseFloor,
    mainsHz: null,
    ...(minDetectable !== undefined ? { minDetectable } : {}),
    notes,
    movement,
  };
}

/** Euclidean norm of the band-passed axes (NaN outside the usable runs). */
function bandNorm(axes: Float32Array[], runs: Span[], design: ReturnType<typeof bandpassDesign>, fs: number, scratch: FilterScratch): Float32Array {
  const n = axes[0].length;
  const norm = new Float32Array(n).fill(Number.NaN);
  const filtered = new Float32Array(n);
  const filter = new ZeroPhaseFilter(design, Math.round(fs), scratch);
  const sum = new Float64Array(n);
  for (const a of axes) {
    for (const r of runs) filter.apply(a, filtered, r.start, r.end);
    for (const r of runs) addSquares(sum, filtered, r.start, r.end);
  }
  for (const r of runs) sqrtInto(norm, sum, r.start, r.end);
  return norm;
}

// The per-sample loops of a channel live in small functions of their own: V8 optimises a small function
// once and reuses it, where a loop inside a large function called once per channel runs unoptimised until
// on-stack replacement catches up.

function addInto(sum: Float32Array, x: Float32Array): void {
  for (let i = 0; i < sum.length; i++) sum[i] += x[i];
}

function addSquares(sum: Float64Array, x: Float32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) sum[i] += x[i] * x[i];
}

function sqrtInto(out: Float32Array, x: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = Math.sqrt(x[i]);
}

/** 1 where `x` exceeds `level`, else 0. */
function above(x: Float32Array, level: number): Uint8Array {
  const out = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] > level ? 1 : 0;
  return out;
}

/** Double-threshold spans over a level, bridging dips shorter than `bridge` samples. */
function hysteresisSpans(level: Float32Array, on: number, off: number, bridge: number): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < level.length) {
    if (!(level[i] > on)) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && level[start - 1] > off) start--;
    let end = i;
    while (end < level.length && level[end] > off) end++;
    out.push({ start, end });
    i = end + 1;
  }
  return mergeSpans(out, bridge);
}

/** Smallest non-zero step between consecutive raw values: the quantisation of integer-coded devices. */
function quantisationStep(axes: Float32Array[]): number {
  let step = Infinity;
  for (const a of axes) {
    for (let i = 1; i < a.length; i++) {
      const d = Math.abs(a[i] - a[i - 1]);
      if (d > 0 && d < step) step = d;
    }
  }
  return Number.isFinite(step) ? step : 0;
}

/**
 * Fraction of a reference twitch's peak (damped sine, 30 ms decay) left after the band-pass and sampling at
 * `fs`, averaged over where the samples fall relative to the peak.
 */
function referenceGain(design: ReturnType<typeof bandpassDesign>, fs: number, freqHz: number): number {
  const len = Math.round(fs * 2);
  const x = new Float32Array(len);
  const y = new Float32Array(len);
  const filter = new ZeroPhaseFilter(design, Math.round(fs / 2));
  const wave = (t: number): number => (t < 0 ? 0 : Math.exp(-t / 0.03) * Math.sin(2 * Math.PI * freqHz * t));
  let truePeak = 0;
  for (let t = 0; t < 0.15; t += 1e-5) truePeak = Math.max(truePeak, Math.abs(wave(t)));
  let total = 0;
  const offsets = 8;
  for (let o = 0; o < offsets; o++) {
    const t0 = 1 + o / (offsets * fs);
    for (let i = 0; i < len; i++) x[i] = wave(i / fs - t0);
    filter.apply(x, y);
    let peak = 0;
    for (let i = 0; i < len; i++) peak = Math.max(peak, Math.abs(y[i]));
    total += peak / truePeak;
  }
  return Math.max(1e-3, total / offsets);
}

function formatG(g: number): string {
  return g >= 0.1 ? `${round(g)} g` : `${Math.max(1, Math.round(g * 1000))} mg`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
