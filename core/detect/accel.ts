import type { DetectedEvent } from './events';
import { bandpassDesign } from '../dsp/design-cache';
import type { Sos } from '../dsp/sos';
import { movingRms } from '../dsp/envelope';
import { FilterScratch, ZeroPhaseFilter } from '../dsp/filtfilt';
import { Workspace } from './workspace';
import { finiteQuantile, windowedSigma } from '../dsp/robust';
import { fillShortGaps, usableRuns } from './gaps';
import { knockedSpans, slowSpans, sortTransients } from './accel-transients';
import { findPotentials } from './hysteresis';
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

/**
 * One accelerometer sensor: band-pass each axis to remove gravity and posture, combine as the vector norm
 * (orientation-free), mark gross movement from the 0.5-5 Hz band, prolonged activity from the twitch band's
 * RMS, and sort brief transients at rest into twitch-like movements and knocks or fidgets.
 */
export function detectAccel(input: AccelInput, p: AccelParams, checkpoint: Checkpoint, ws = new Workspace()): AccelResult {
  const { id, fs, startS } = input;
  const samples = (seconds: number): number => Math.max(1, Math.round(seconds * fs));
  const axes = input.axes.map((a) => fillShortGaps(a, samples(p.fillGapMs / 1000)).data);
  const n = axes[0].length;
  const joint = new Float32Array(n);
  for (const a of axes) addInto(joint, a);
  const { runs, gaps } = usableRuns(joint, samples(p.minRunS));
  const notes: string[] = [];
  const t = (i: number): number => startS + i / fs;

  const moveHigh = Math.min(p.moveHighHz, 0.45 * fs);
  const moveNorm = bandNorm(axes, runs, bandpassDesign(p.filterOrder, p.moveLowHz, moveHigh, fs), fs, ws.filter);
  const moveRms = movingRms(moveNorm, samples(p.moveWindowS) | 1);
  const movement = dilateSpans(hysteresisSpans(moveRms, p.moveOnG, p.moveOffG, samples(p.moveBridgeS)), Math.round(p.moveMarginS * fs), n);
  checkpoint(0.4);

  const high = Math.min(p.bandHighHz, 0.45 * fs);
  const events: DetectedEvent[] = [];
  let sustained: Span[] = [];
  let moves: Span[] = [];
  let noiseFloor = 0;
  let minDetectable: number | undefined;
  let cannotTell: string | undefined;
  if (runs.length === 0) {
    notes.push(`No stretch of ${p.minRunS} s without gaps: too little to look for brief twitches; only movement is marked.`);
  } else if (high >= p.bandLowHz * p.minBandRatio) {
    const design = bandpassDesign(p.filterOrder, p.bandLowHz, high, fs);
    const m = bandNorm(axes, runs, design, fs, ws.filter);
    noiseFloor = bandFloor(m, axes, input.resolution, high, fs, p);
    const floor = new Float64Array(Math.ceil(n / samples(p.noiseWindowS)) + 1).fill(noiseFloor);
    const rms = movingRms(m, samples(p.sustainedWindowS) | 1);
    sustained = mergeSpans(runsOf(above(rms, p.sustainedK * noiseFloor * Math.sqrt(3))), samples(p.sustainedBridgeS)).filter(
      (s) => s.end - s.start >= p.sustainedMinS * fs && !overlapsAny(movement, s.start, s.end),
    );
    checkpoint(0.7);

    const pot = findPotentials({ x: m, envelope: m, floor, floorWindow: samples(p.noiseWindowS), high: p.twitchK, low: p.releaseK, mergeGap: samples(p.transientMergeMs / 1000) });
    const blocked = dilateSpans(mergeSpans([...movement, ...sustained, ...gaps]), samples(p.blockedMarginS), n);
    const sorted = sortTransients({ axes, band: m, move: moveNorm, pot, fs, noiseFloor, blocked, design, scratch: ws.knock }, p);
    cannotTell = looseCannotTell(sorted.knocks ?? 0, sorted.twitches.length, (n - totalLength(gaps)) / fs, fs, p);
    // A channel that cannot tell a knock from a twitch lists its brief transients as what they surely are:
    // brief movements, each a knock or a twitch. Listing them as twitches would count knocks after all.
    const twitches = cannotTell ? [] : sorted.twitches;
    // Prolonged activity made by a cluster of knocks, or by a slower movement of the limb, is movement too.
    const knocked = knockedSpans(sustained, { axes, pot, fs, noiseFloor, scratch: ws.knock }, p);
    const slow = slowSpans(sustained, axes, design, fs, p);
    sustained = sustained.filter((span) => !knocked.includes(span) && !slow.includes(span));
    moves = [...sorted.moves, ...(cannotTell ? sorted.twitches : []), ...knocked, ...slow];
    // Sizes are given as the movement itself: the band's peak over what the band and the sampling leave of a
    // reference twitch's peak. The smallest counted movement and the stated floor are then on one scale.
    const gain = referenceGain(design, fs, p.referenceTwitchHz);
    for (const tr of twitches) events.push({ channel: id, type: 'twitch', startS: t(tr.start), endS: t(tr.end), peakS: t(tr.peak), amplitude: tr.amplitude / gain, snr: tr.amplitude / noiseFloor });
    for (const s of sustained) events.push(sustainedEvent(id, m, s, noiseFloor, t));
    minDetectable = (Math.max(p.twitchK, p.minSnr) * noiseFloor) / gain;
    notes.push(
      `The smallest brief movement this recording could show is about ${formatG(minDetectable)} (from its noise and ${round(fs)} Hz sampling). A single motor unit is usually far too small for a worn accelerometer to feel: what it shows are brief movements of the limb.`,
    );
    if (fs < 100) notes.push(`At ${round(fs)} Hz the sensor only follows movement up to ${round(high)} Hz, so small or quick twitches are missed.`);
  } else {
    notes.push(`At ${round(fs)} Hz the recording is too slow to show brief twitches; only movement is marked.`);
  }

  for (const s of mergeSpans([...movement, ...moves])) events.push({ channel: id, type: 'movement', startS: t(s.start), endS: t(s.end), peakS: t(s.start), amplitude: 0, snr: 0 });
  for (const s of gaps) events.push({ channel: id, type: 'artifact', startS: t(s.start), endS: t(s.end), peakS: t(s.start), amplitude: 0, snr: 0, reason: 'gap' });
  events.sort((a, b) => a.startS - b.startS);
  checkpoint(1);
  const excluded = mergeSpans([...gaps, ...movement, ...moves]);
  return {
    events,
    analysedS: (n - totalLength(gaps)) / fs,
    restS: (n - totalLength(mergeSpans([...excluded, ...sustained]))) / fs,
    excludedS: totalLength(excluded) / fs,
    noiseFloor,
    mainsHz: null,
    ...(minDetectable !== undefined ? { minDetectable } : {}),
    ...(cannotTell ? { cannotTell } : {}),
    notes,
    movement,
  };
}

/**
 * Noise sigma of the band norm: robust sigma per window (median of a 3-axis norm is 1.5382 sigma), its lower
 * quartile over the recording, and never below the quantisation noise of the device's steps in the band.
 */
function bandFloor(m: Float32Array, axes: Float32Array[], resolution: number | undefined, high: number, fs: number, p: AccelParams): number {
  const sigmas = windowedSigma(m, Math.max(1, Math.round(p.noiseWindowS * fs)));
  for (let w = 0; w < sigmas.length; w++) sigmas[w] = (sigmas[w] * 0.6745) / CHI3_MEDIAN;
  const step = resolution ?? quantisationStep(axes);
  const quantFloor = (step / Math.sqrt(12)) * Math.sqrt((high - p.bandLowHz) / (fs / 2));
  return Math.max(finiteQuantile(sigmas, 0.25), quantFloor, Number.MIN_VALUE);
}

function sustainedEvent(id: string, m: Float32Array, s: Span, noiseFloor: number, t: (i: number) => number): DetectedEvent {
  let peak = s.start;
  for (let i = s.start; i < s.end; i++) if (m[i] > m[peak]) peak = i;
  let sum = 0;
  for (let i = s.start; i < s.end; i++) sum += m[i] * m[i];
  return { channel: id, type: 'sustained', startS: t(s.start), endS: t(s.end), peakS: t(peak), amplitude: m[peak], snr: m[peak] / noiseFloor, rms: Math.sqrt(sum / (s.end - s.start)) };
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
function referenceGain(design: Sos, fs: number, freqHz: number): number {
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

/**
 * A device lying loose on the body (a phone in a pocket) rings on the soft tissue under it at 6-19 Hz after every
 * knock, and a twitch of the muscle under it moves it through the same mount, so it rings the same way (base
 * excitation; core/simulate/accel.ts `throughMount`). What still tells a knock is its 2-6 ms contact, whose energy
 * above the twitch band the spectral test sees only from `knockSpreadRateHz` (150 Hz): below that, a recording
 * whose own knocks show it moving loosely (`looseKnocksMin`, `looseKnocksPerHour`) cannot tell its twitches from
 * knocks: it gives no rate, and lists the transients it would have called twitches as brief movements.
 */
function looseCannotTell(knocks: number, transients: number, analysedS: number, fs: number, p: AccelParams): string | undefined {
  if (fs >= p.knockSpreadRateHz || knocks < p.looseKnocksMin || knocks < (p.looseKnocksPerHour * analysedS) / 3600) return undefined;
  const listed = transients === 0 ? '' : ` The ${transients} brief ${transients === 1 ? 'movement' : 'movements'} it could not sort ${transients === 1 ? 'is' : 'are'} listed as movement: each may be a knock or a twitch.`;
  return `Moved loosely: ${knocks} knocks were found, as a device lying loose (a phone in a pocket) shows, and at ${round(fs)} Hz a knock and a twitch under the device look alike. No twitch rate is given.${listed}`;
}
