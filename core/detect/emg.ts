import type { DetectedEvent } from './events';
import { bandpassDesign } from '../dsp/design-cache';
import { movingRmsGapFree, movingRmsWithin } from '../dsp/envelope';
import { ZeroPhaseFilter } from '../dsp/filtfilt';
import { finiteQuantile, slidingQuantile, windowedSigma } from '../dsp/robust';
import { findMains, nextPowerOfTwo, welchSpectrum } from '../dsp/spectrum';
import { findEcgTrain, onBeat, type EcgTrain } from './ecg';
import { findMotion } from './motion';
import { fillShortGaps } from './gaps';
import { countPeaks, findPotentials, type Potentials } from './hysteresis';
import type { EmgParams } from './params';
import { findRawArtifacts } from './raw-artifacts';
import { notAnalysed, type Checkpoint, type ChannelResult } from './result';
import { complement, dilateSpans, mergeSpans, overlapsAny, totalLength, type Span } from './spans';
import { findSustained } from './sustained';
import { groupTwitches, type Twitch } from './twitch';
import { Workspace } from './workspace';

export interface EmgInput {
  id: string;
  data: Float32Array;
  fs: number;
  /** Seconds from the recording's start to the first sample. */
  startS: number;
  range?: { min: number; max: number };
  /** Movement spans from an accelerometer in the same recording, in this channel's samples. */
  movement?: Span[];
}

/** Empty cells up to 10 ms are bridged; longer holes are gaps. */
const MAX_FILLED_GAP_S = 0.01;
/** Around a filled-in sample, the filters' response to its small error lasts a few samples. */
const PATCH_MARGIN_S = 0.0015;
/** Shorter gap-free stretches are too short to filter and estimate noise on. */
const MIN_RUN_S = 0.25;
/** After template subtraction, leftovers of a beat stay under half its size; a twitch on a beat must be more. */
const LEFTOVER_RATIO = 0.5;
/** Beat-sized: within 1.6 x of the typical beat either way (as in the ECG train search). */
const BEAT_SIZE_RATIO = 1.6;
const EDGE_BEAT_CYCLES = 3;
/** The lobes of one filtered QRS lie up to ~30 ms apart. */
const QRS_MERGE_S = 0.03;
/** The notches ring for about Q / (π f0) ≈ 0.2 s where a run starts or stops. */
const EDGE_S = 0.2;
/** Spikes counted in a sustained episode are at least 5 ms apart (one motor-unit potential). */
const SPIKE_SEPARATION_S = 0.005;
const WELCH_SEGMENTS = 32;

/** The EMG band must span at least this ratio (high over low edge) for potentials to show at all. */
const MIN_BAND_RATIO = 1.5;

/** Below this rate the EMG band is cut short and fast potentials lose their peaks. */
const FULL_BAND_RATE_HZ = 500;

/**
 * Where each stage of `detectEmg` ends, as the fraction of the channel reported to `checkpoint`: roughly
 * the share of the time it takes, and the marks by which the benchmark splits time per stage.
 */
export const EMG_STAGE_ENDS = { spectrum: 0.05, bandpass: 0.35, candidates: 0.6, heartbeats: 0.75, twitches: 1 } as const;

/**
 * One EMG channel: condition (band-pass, mains notches), estimate the local noise floor, find candidate
 * potentials, then sort the activity into sustained episodes, artifacts (clipping, flat, motion, ECG, gaps)
 * and isolated twitches.
 */
export function detectEmg(input: EmgInput, p: EmgParams, checkpoint: Checkpoint, ws = new Workspace()): ChannelResult {
  const { id, fs, startS } = input;
  const { data, filled, finite } = fillShortGaps(input.data, Math.max(1, Math.round(MAX_FILLED_GAP_S * fs)));
  // A candidate peaking on a filled-in sample is the filters' echo of the fill, not a potential.
  const patched = dilateSpans(filled, Math.round(PATCH_MARGIN_S * fs), input.data.length);
  const n = data.length;
  const raw = findRawArtifacts(data, p.clipMinRun, Math.max(p.clipMinRun + 1, Math.round(p.flatMinS * fs)), input.range);
  const gaps = complement(finite.filter((r) => r.end - r.start >= Math.round(MIN_RUN_S * fs)), n);
  // Filters never see clipped or flat stretches: their steps would ring for seconds in the motion band.
  // A few samples either side go too: a filled-in cell next to the rail is half-way to it.
  const runs = splitRuns(finite, dilateSpans([...raw.clipping, ...raw.flat], Math.round(PATCH_MARGIN_S * fs), n), Math.round(MIN_RUN_S * fs));

  const highHz = Math.min(p.bandHighHz, 0.45 * fs);
  if (highHz < p.bandLowHz * MIN_BAND_RATIO) {
    return notAnalysed(n / fs, `Sampled at ${round(fs)} Hz, too slowly for muscle signals (they lie above ${p.bandLowHz} Hz): this channel cannot show twitches.`);
  }
  const spectrum = welchSpectrum(data, fs, nextPowerOfTwo(Math.round(fs)), WELCH_SEGMENTS);
  const mains = spectrum ? findMains(spectrum, Math.min(0.45 * fs, highHz * 1.1), p.mainsProminence) : { mainsHz: null, lines: [] };
  checkpoint(EMG_STAGE_ENDS.spectrum);
  const design = bandpassDesign(p.filterOrder, p.bandLowHz, highHz, fs, mains.lines.map((l) => l.freqHz), p.notchQ);
  const pad = Math.round(0.5 * fs);
  const x = nanOutside(ws.floats('x', n), runs);
  const band = new ZeroPhaseFilter(design, pad, ws.filter);
  for (const r of runs) band.apply(data, x, r.start, r.end);
  checkpoint(EMG_STAGE_ENDS.bandpass);

  const win = Math.max(1, Math.round(p.noiseWindowS * fs));
  const sigma = windowedSigma(x, win);
  const reach = Math.max(1, Math.round(p.noiseNeighbourhoodS / p.noiseWindowS));
  const localFloor = slidingQuantile(sigma, reach, 0.25);
  const quietFloor = slidingQuantile(sigma, reach * 4, 0.1);
  const noiseFloor = finiteQuantile(sigma, 0.5);

  const envelope = nanOutside(ws.floats('envelope', n), runs);
  const envelopeWidth = Math.max(1, Math.round((p.envelopeMs / 1000) * fs)) | 1;
  for (const r of runs) movingRmsGapFree(x.subarray(r.start, r.end), envelopeWidth, envelope.subarray(r.start, r.end));
  // One candidate per heartbeat, at a lower threshold so the train stays whole. Twitch candidates, at a
  // threshold no lower, can only start inside these.
  const weak = findPotentials({ x, envelope, floor: localFloor, floorWindow: win, high: Math.min(p.ecgK, p.twitchK), low: p.releaseK, mergeGap: Math.round(QRS_MERGE_S * fs) });
  const weakSpans = mergeSpans(weak.spans());
  const pot = findPotentials({
    x,
    envelope,
    floor: localFloor,
    floorWindow: win,
    high: p.twitchK,
    low: p.releaseK,
    mergeGap: Math.round((p.mergeGapMs / 1000) * fs),
    within: weakSpans,
  });
  checkpoint(EMG_STAGE_ENDS.candidates);

  const binLength = Math.max(1, Math.round((p.sustainedBinMs / 1000) * fs));
  const episodes = findSustained({
    x,
    floor: quietFloor,
    floorWindow: win,
    binLength,
    binK: p.sustainedBinK,
    windowBins: Math.max(1, Math.round(p.sustainedWindowS / (binLength / fs))),
    on: p.sustainedOn,
    off: p.sustainedOff,
    minBins: Math.ceil(p.sustainedMinS / (binLength / fs)),
    bridgeBins: Math.round(p.sustainedBridgeS / (binLength / fs)),
  });
  const blanks = mergeSpans([...gaps, ...raw.clipping, ...raw.flat]);

  const clipping = dilateSpans(raw.clipping, Math.round(p.clipMarginS * fs), n);
  const flat = mergeSpans(raw.flat);
  // Nothing is called where the filters are still settling at the ends of a run.
  const edge = Math.round(EDGE_S * fs);
  const edges = runs.flatMap((r) => [
    { start: r.start, end: Math.min(r.end, r.start + edge) },
    { start: Math.max(r.start, r.end - edge), end: r.end },
  ]);
  // Where the filters ring at the edges of a run, activity can look dense: an episode needs its minimum
  // length outside those edges and the blanks.
  const unseen = mergeSpans([...blanks, ...edges]);
  const sustained = acrossBlanks(episodes, blanks, Math.round(p.sustainedBridgeS * fs)).filter(
    (e) => e.end - e.start - overlapLength(unseen, e.start, e.end) >= p.sustainedMinS * fs,
  );
  const blocked = mergeSpans([...gaps, ...clipping, ...flat, ...sustained, ...(input.movement ?? [])]);
  const hard = mergeSpans([...blocked, ...edges]);

  const train = findEcgTrain(x, weak, outsideOf(weak, blocked), {
    fs,
    minPeriodS: p.ecgMinPeriodS,
    maxPeriodS: p.ecgMaxPeriodS,
    shapeCorrelation: p.ecgShapeCorrelation,
    minBeats: p.ecgMinBeats,
    intervalTolerance: p.ecgIntervalTolerance,
  });
  const beats = train?.beats ?? [];
  checkpoint(EMG_STAGE_ENDS.heartbeats);

  const motion = findMotion(data, x, runs, fs, p, beats, localFloor, win);
  // Heartbeats are brief and known, so only the beat itself is off limits, not the isolation zone around it.
  const nearBusy = dilateSpans(mergeSpans([...gaps, ...clipping, ...flat, ...motion, ...sustained, ...(input.movement ?? [])]), Math.round((p.isolationMs / 1000) * fs), n);
  const excludedForTwitch = mergeSpans([...nearBusy, ...edges]);

  // A twitch landing on a beat shows in what is left once the average beat is subtracted; potentials found
  // there that clearly outgrow the subtraction's leftovers count.
  let tx = x;
  let tenv = envelope;
  let tpot = pot;
  if (train) {
    const residual = subtractTrain(x, envelope, train, runs, envelopeWidth, ws);
    tx = residual.x;
    tenv = residual.envelope;
    tpot = findPotentials({
      x: tx,
      envelope: tenv,
      floor: localFloor,
      floorWindow: win,
      high: p.twitchK,
      low: p.releaseK,
      mergeGap: Math.round((p.mergeGapMs / 1000) * fs),
      within: mergeSpans([...weakSpans, ...residual.changed]),
    });
  }
  const beatAmplitude = train ? train.amplitude * LEFTOVER_RATIO : Infinity;
  // Near the ends of a run the filters bend a beat's shape, so there a beat-sized potential on the heart
  // rhythm is taken as a beat without the shape match.
  const nearEdges = train ? dilateSpans(edges, Math.round(train.period), n) : [];
  const likeEdgeBeat = (k: number): boolean =>
    train !== null &&
    overlapsAny(nearEdges, tpot.peak[k], tpot.peak[k] + 1) &&
    tpot.amplitude[k] < BEAT_SIZE_RATIO * train.amplitude &&
    tpot.amplitude[k] > train.amplitude / BEAT_SIZE_RATIO &&
    onBeat(train.peaks, tpot.peak[k], train.period, EDGE_BEAT_CYCLES, p.ecgIntervalTolerance);
  const candidates = outsideOf(tpot, hard).filter(
    (k) =>
      !overlapsAny(patched, tpot.peak[k], tpot.peak[k] + 1) &&
      (!overlapsAny(beats, tpot.start[k], tpot.end[k]) || tpot.amplitude[k] > beatAmplitude) &&
      !likeEdgeBeat(k),
  );
  const twitches = groupTwitches(tx, tenv, tpot, candidates, {
    fs,
    echoWindowMs: mains.lines.length > 0 ? p.notchEchoMs : p.multipletGapMs,
    multipletGapMs: p.multipletGapMs,
    maxMultiplet: p.maxMultiplet,
    echoFraction: p.echoFraction,
    maxPotentialMs: p.maxPotentialMs,
  }).filter((t) => !overlapsAny(excludedForTwitch, t.start, t.end) && t.amplitude >= p.minSnr * t.floor);

  // A beat with a twitch on it is not shown as an artifact: no twitch lies inside an artifact span.
  const beatsShown = beats.filter((b) => !twitches.some((tw) => tw.start < b.end && tw.end > b.start));
  const artifacts = mergeSpans([...gaps, ...clipping, ...flat, ...motion, ...beatsShown, ...(input.movement ?? [])]);
  const events = channelEvents({
    id,
    startS,
    fs,
    x,
    envelope,
    win,
    localFloor,
    quietFloor,
    twitchK: p.twitchK,
    twitches,
    sustained,
    artifacts: { gap: gaps, clipping, flat, motion, ecg: beatsShown },
  });

  const gapN = totalLength(gaps);
  const excludedN = totalLength(artifacts);
  const busyN = totalLength(mergeSpans([...artifacts, ...sustained, ...edges]));
  checkpoint(EMG_STAGE_ENDS.twitches);
  return {
    events,
    analyzedS: (n - gapN) / fs,
    restS: (n - busyN) / fs,
    excludedS: excludedN / fs,
    noiseFloor: Number.isFinite(noiseFloor) ? noiseFloor : 0,
    mainsHz: mains.mainsHz,
    notes: channelNotes(mains, fs, highHz, beats.length),
  };
}

/**
 * The signal with the train's average beat subtracted at each beat (template subtraction, Drake &
 * Callaghan 2006), its envelope (recomputed only where the subtraction changed it), and those spans.
 */
function subtractTrain(
  x: Float32Array,
  envelope: Float32Array,
  train: EcgTrain,
  runs: readonly Span[],
  envelopeWidth: number,
  ws: Workspace,
): { x: Float32Array; envelope: Float32Array; changed: Span[] } {
  const n = x.length;
  const tx = ws.floats('residual', n);
  tx.set(x);
  const changed = dilateSpans(subtractBeats(tx, train.template, train.centres), envelopeWidth >> 1, n);
  const tenv = ws.floats('residualEnvelope', n);
  tenv.set(envelope);
  for (const r of runs) {
    for (const c of changed) {
      if (c.end > r.start && c.start < r.end) movingRmsWithin(tx, envelopeWidth, tenv, Math.max(r.start, c.start), Math.min(r.end, c.end), r.start, r.end);
    }
  }
  return { x: tx, envelope: tenv, changed };
}

/** Artifacts are listed in this order before the sort by time, which keeps ties in it. */
const ARTIFACT_ORDER = ['gap', 'clipping', 'flat', 'motion', 'ecg'] as const;

interface EventSources {
  id: string;
  startS: number;
  fs: number;
  x: Float32Array;
  envelope: Float32Array;
  /** Samples per noise window, and the local and quiet floors per window. */
  win: number;
  localFloor: Float64Array;
  quietFloor: Float64Array;
  twitchK: number;
  twitches: readonly Twitch[];
  sustained: readonly Span[];
  artifacts: Record<(typeof ARTIFACT_ORDER)[number], readonly Span[]>;
}

/** The channel's events in time order: twitches, sustained episodes measured on the band-passed signal, artifacts. */
function channelEvents(e: EventSources): DetectedEvent[] {
  const { id, fs, x, win } = e;
  const t = (i: number): number => e.startS + i / fs;
  const separation = Math.max(1, Math.round(SPIKE_SEPARATION_S * fs));
  const events: DetectedEvent[] = [];
  for (const tw of e.twitches) {
    events.push({
      channel: id,
      type: 'twitch',
      startS: t(tw.start),
      endS: t(tw.end),
      peakS: t(tw.peak),
      amplitude: tw.amplitude,
      snr: tw.amplitude / tw.floor,
      ...(tw.multiplet > 1 ? { multiplet: tw.multiplet } : {}),
    });
  }
  for (const s of e.sustained) {
    const peak = peakOf(x, s.start, s.end);
    const floor = e.quietFloor[(peak.index / win) | 0];
    const spikes = countPeaks(e.envelope, s.start, s.end, e.twitchK * floor, separation);
    events.push({
      channel: id,
      type: 'sustained',
      startS: t(s.start),
      endS: t(s.end),
      peakS: t(peak.index),
      amplitude: peak.value,
      snr: peak.value / floor,
      rms: finiteRms(x, s.start, s.end),
      density: spikes / ((s.end - s.start) / fs),
    });
  }
  for (const reason of ARTIFACT_ORDER) {
    for (const s of e.artifacts[reason]) {
      const peak = peakOf(x, s.start, s.end);
      const floor = e.localFloor[(peak.index / win) | 0];
      events.push({
        channel: id,
        type: 'artifact',
        startS: t(s.start),
        endS: t(s.end),
        peakS: t(peak.index),
        amplitude: peak.value,
        snr: floor > 0 && peak.value > 0 ? peak.value / floor : 0,
        reason,
      });
    }
  }
  return events.sort((a, b) => a.startS - b.startS);
}

/** What the channel's summary says about its conditioning: mains found, a short band, a heartbeat. */
function channelNotes(mains: { mainsHz: number | null; lines: ReadonlyArray<{ harmonic: number }> }, fs: number, highHz: number, beats: number): string[] {
  const notes: string[] = [];
  if (mains.mainsHz !== null) {
    const harmonics = mains.lines.filter((l) => l.harmonic > 1).length;
    notes.push(
      `Mains hum at ${mains.mainsHz} Hz${harmonics > 0 ? ` (and ${harmonics} of its harmonic${harmonics === 1 ? '' : 's'})` : ''} was found and filtered out.`,
    );
  }
  if (fs < FULL_BAND_RATE_HZ) {
    notes.push(`Sampled at ${round(fs)} Hz, so only activity up to ${round(highHz)} Hz is kept: small and fast potentials may be missed.`);
  }
  if (beats > 0) notes.push(`A regular heartbeat (ECG) shows in this channel; ${beats} beats were set aside, not counted as twitches.`);
  return notes;
}

/**
 * Subtracts the template, scaled by least squares (within 0.5-2x), at each beat centre. Returns the spans
 * it changed.
 */
function subtractBeats(x: Float32Array, template: Float64Array, centres: number[]): Span[] {
  const half = (template.length - 1) >> 1;
  let tt = 0;
  for (let d = 0; d < template.length; d++) tt += template[d] * template[d];
  const changed: Span[] = [];
  if (tt === 0) return changed;
  for (const c of centres) {
    if (c - half < 0 || c + half >= x.length) continue;
    changed.push({ start: c - half, end: c + half + 1 });
    let xt = 0;
    for (let d = 0; d < template.length; d++) {
      const v = x[c - half + d];
      if (v === v) xt += v * template[d];
    }
    const gain = Math.min(2, Math.max(0.5, xt / tt));
    for (let d = 0; d < template.length; d++) x[c - half + d] -= gain * template[d];
  }
  return changed;
}

/** NaN wherever no run reaches: the runs' samples are about to be written. */
function nanOutside(a: Float32Array, runs: readonly Span[]): Float32Array {
  let at = 0;
  for (const r of runs) {
    a.fill(Number.NaN, at, r.start);
    at = r.end;
  }
  return a.fill(Number.NaN, at);
}

function overlapLength(spans: readonly Span[], from: number, to: number): number {
  let total = 0;
  for (const s of spans) total += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  return total;
}

/**
 * Joins episodes separated only by stretches with no usable signal (gaps, clipping, flat) plus at most
 * `bridge` samples: activity on both sides of a short dropout is one episode, not two.
 */
function acrossBlanks(episodes: Span[], blanks: Span[], bridge: number): Span[] {
  const out: Span[] = [];
  for (const e of episodes) {
    const last = out[out.length - 1];
    if (last) {
      if (e.start - last.end - overlapLength(blanks, last.end, e.start) <= 2 * bridge) {
        last.end = e.end;
        continue;
      }
    }
    out.push({ ...e });
  }
  return out;
}

/** The runs with the `cut` spans (sorted, merged) taken out, keeping pieces of at least `minRun` samples. */
function splitRuns(runs: readonly Span[], cut: readonly Span[], minRun: number): Span[] {
  const out: Span[] = [];
  for (const r of runs) {
    let at = r.start;
    for (const c of cut) {
      if (c.end <= at || c.start >= r.end) continue;
      if (c.start > at) out.push({ start: at, end: c.start });
      at = Math.max(at, c.end);
    }
    if (at < r.end) out.push({ start: at, end: r.end });
  }
  return out.filter((s) => s.end - s.start >= minRun);
}

function outsideOf(pot: Potentials, spans: readonly Span[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < pot.length; k++) if (!overlapsAny(spans, pot.start[k], pot.end[k])) out.push(k);
  return out;
}


/** RMS of the finite samples of `x[from, to)`, 0 when there are none. */
function finiteRms(x: Float32Array, from: number, to: number): number {
  let sum = 0;
  let m = 0;
  for (let i = from; i < to; i++) {
    const v = x[i];
    if (v === v) {
      sum += v * v;
      m++;
    }
  }
  return m > 0 ? Math.sqrt(sum / m) : 0;
}

function peakOf(x: Float32Array, from: number, to: number): { index: number; value: number } {
  let index = from;
  let value = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(x[i]);
    if (a > value) {
      value = a;
      index = i;
    }
  }
  return { index, value };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

