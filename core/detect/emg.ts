import type { DetectedEvent } from './events';
import { binMeanSquaresTwice } from '../dsp/bin-sums';
import { mainsLocking, type MainsFinding } from '../dsp/mains';
import { formatAmount } from '../format';
import { finiteQuantile } from '../dsp/robust';
import { denseEpisodes, heartbeats, inUse, sustainedBin } from './emg-busy';
import { condition, filledSamples, findCandidates, noiseFloors, prepare, type Conditioned, type Floors, type Prepared } from './emg-condition';
import { channelEvents } from './emg-events';
import { isolatedTwitches } from './emg-twitches';
import { findMotion, motionBands, motionBin, type MotionBands } from './motion';
import type { EmgParams } from './params';
import { notAnalysed, type Checkpoint, type ChannelResult } from './result';
import { dilateSpans, mergeSpans, totalLength, type Span } from './spans';
import { Workspace } from './workspace';

export interface EmgInput {
  id: string;
  data: Float32Array;
  fs: number;
  /** Seconds from the recording's start to the first sample. */
  startS: number;
  /** `uV`, or the device's own units when it has no volt calibration. */
  unit?: string;
  range?: { min: number; max: number };
  /** Movement spans from an accelerometer in the same recording, in this channel's samples. */
  movement?: Span[];
}

/**
 * Where each stage of `detectEmg` ends, as the fraction of the channel reported to `checkpoint`: roughly
 * the share of the time it takes, and the marks by which the benchmark splits time per stage.
 */
export const EMG_STAGE_ENDS = { spectrum: 0.05, bandpass: 0.35, floors: 0.45, candidates: 0.6, heartbeats: 0.75, twitches: 1 } as const;

/**
 * What detection of an EMG channel needs that no sensitivity changes (the sensitivity moves only `twitchK`
 * and `minSnr`): where the channel cannot be read, the conditioned signal (band-pass, mains notches, hum
 * subtracted), its noise floors, dense episodes and motion bands. Kept, it lets a new sensitivity
 * re-threshold without filtering again (issue 22); `key` says which parameters it was made with.
 */
export interface EmgConditioning {
  key: string;
  /** The prepared spans; the samples are the input's, filled in again when needed (not held twice). */
  prep: Omit<Prepared, 'data'>;
  conditioned: Conditioned;
  floors: Floors;
  dense: Span[];
  motion: MotionBands | null;
}

/** The parameters a conditioning depends on: all but the two the sensitivity moves. */
export function conditioningKey(p: EmgParams, fs: number): string {
  const { twitchK: _k, minSnr: _s, ...rest } = p;
  return JSON.stringify([fs, rest]);
}

/**
 * One EMG channel: condition (band-pass, mains notches), estimate the local noise floor, find candidate
 * potentials, then sort the time into artifacts (clipping, flat, motion, ECG, gaps), a muscle in use
 * (activity, sustained) and rest, and find the isolated twitches at rest.
 */
export function detectEmg(input: EmgInput, p: EmgParams, checkpoint: Checkpoint, ws = new Workspace()): ChannelResult {
  const c = conditionEmg(input, p, checkpoint, ws, false);
  return 'events' in c ? c : thresholdEmg(input, c, p, checkpoint, ws);
}

/**
 * The sensitivity-free stages of `detectEmg`, or the result when the channel cannot be analysed. `own`:
 * the conditioned signal is a new array, to keep, rather than the workspace's.
 */
export function conditionEmg(input: EmgInput, p: EmgParams, checkpoint: Checkpoint, ws: Workspace, own: boolean): EmgConditioning | ChannelResult {
  const { fs } = input;
  const { data, ...prep } = prepare(input, p);
  const highHz = Math.min(p.bandHighHz, 0.45 * fs);
  if (highHz < p.bandLowHz * p.minBandRatio) {
    return notAnalysed(prep.n / fs, `Sampled at ${round(fs)} Hz, too slowly for muscle signals (they lie above ${p.bandLowHz} Hz): this channel cannot show twitches.`);
  }
  const conditioned = condition({ ...prep, data }, p, highHz, ws, () => checkpoint(EMG_STAGE_ENDS.spectrum), own ? new Float32Array(prep.n) : undefined);
  checkpoint(EMG_STAGE_ENDS.bandpass);
  const floors = noiseFloors(conditioned.x, p, fs);
  const power = binPowers(conditioned.x, p, fs);
  const dense = denseEpisodes(power.sustained, prep.n, floors, prep, p);
  const motion = motionBands(data, power.motion, prep.runs, fs, p, ws);
  checkpoint(EMG_STAGE_ENDS.floors);
  return { key: conditioningKey(p, fs), prep, conditioned, floors, dense, motion };
}

/** The conditioned signal's power per bin of the dense-activity and the motion tests, read in one pass when one bin is twice the other. */
function binPowers(x: Float32Array, p: EmgParams, fs: number): { sustained: Float64Array; motion: Float64Array } {
  const n = x.length;
  const fine = sustainedBin(p, fs);
  const coarse = motionBin(p, fs);
  const { fine: sustained, coarse: motion } = binMeanSquaresTwice(x, fine, Math.floor(n / fine), coarse, Math.ceil(n / coarse));
  return { sustained, motion };
}

/** The sensitivity-dependent stages of `detectEmg`: candidates, heartbeats, activity, twitches, events. */
export function thresholdEmg(input: EmgInput, c: EmgConditioning, p: EmgParams, checkpoint: Checkpoint, ws = new Workspace()): ChannelResult {
  const { id, fs, startS } = input;
  const { prep, floors, dense } = c;
  const { x, mains, humLeft, foldedHum, highHz } = c.conditioned;
  const { n, gaps, clipping, flat, edges } = prep;
  const cand = findCandidates(x, prep.runs, floors, p, fs, ws);
  checkpoint(EMG_STAGE_ENDS.candidates);

  const movement = input.movement ?? [];
  const train = heartbeats(x, cand, mergeSpans([...gaps, ...clipping, ...flat, ...dense, ...movement]), p, fs, ws);
  const beats = train?.beats ?? [];
  checkpoint(EMG_STAGE_ENDS.heartbeats);
  const motion = c.motion ? findMotion(c.motion, n, fs, p, beats, floors.local, floors.win) : [];
  const { activity, sustained } = inUse(cand, floors, dense, mergeSpans([...gaps, ...clipping, ...flat, ...edges, ...motion, ...beats]), n, mains.lines.length > 0, p, fs);
  const used = mergeSpans([...sustained, ...activity]);
  const tails = used.map((s) => ({ start: s.end, end: Math.min(n, s.end + Math.round(p.activityTailS * fs)) }));
  // Heartbeats are brief and known, so only the beat itself is off limits, not the isolation zone around it.
  const nearBusy = dilateSpans(mergeSpans([...gaps, ...clipping, ...flat, ...motion, ...used, ...movement]), Math.round((p.isolationMs / 1000) * fs), n);
  const found = isolatedTwitches(
    { x, prep, cand, floors, train, hard: mergeSpans([...gaps, ...clipping, ...flat, ...used, ...movement, ...edges]), excluded: mergeSpans([...nearBusy, ...tails, ...edges]), notched: mains.lines.length > 0 },
    p,
    ws,
  );

  // A beat with a twitch on it is not shown as an artifact: no twitch lies inside an artifact span.
  const beatsShown = beats.filter((b) => !found.some((tw) => tw.start < b.end && tw.end > b.start));
  const artifacts = mergeSpans([...gaps, ...clipping, ...flat, ...motion, ...beatsShown, ...movement]);
  const busy = mergeSpans([...artifacts, ...used, ...tails, ...edges]);
  const floor = restFloor(floors, busy, n);
  const minDetectable = p.minSnr * floor.lowest;
  const twitches = found.filter((t) => t.amplitude >= minDetectable);
  const events = channelEvents({
    id,
    startS,
    fs,
    x,
    envelope: cand.envelope,
    win: floors.win,
    localFloor: floors.local,
    quietFloor: floors.quiet,
    twitchK: p.twitchK,
    separation: Math.max(1, Math.round((p.densitySeparationMs / 1000) * fs)),
    twitches,
    sustained,
    activity,
    artifacts: { gap: gaps, clipping, flat, motion, ecg: beatsShown },
  });
  checkpoint(EMG_STAGE_ENDS.twitches);
  const peaks = twitches.map((t) => t.peak);
  const inUv = input.unit === undefined || input.unit === 'uV';
  // Where much hum is left, the question is whether it hides twitches (the floor it leaves, where the unit
  // lets that be judged) or mimics them: the candidates at rest, down to the heartbeat threshold, are many
  // more than the twitches and show its leftovers' rhythm far sooner.
  const muchLeft = humLeft !== null && humLeft.share >= p.humLeftShare;
  const restPeaks = muchLeft ? outside(cand.weak.peak, busy) : [];
  // Mains locking reads the samples as filled in: filled again here only when it can be asked and
  // `prepare` filled some (none patched: the filled samples are the input's).
  const asked = mains.mainsHz !== null && Math.max(peaks.length, restPeaks.length) >= p.mainsLockMinEvents;
  const data = asked && prep.patched.length > 0 ? filledSamples(input, p) : input.data;
  const hum = { left: humLeft, mains, folded: foldedHum };
  const hides = !inUv || p.minSnr * floor.typical > p.cannotTellUv;
  const doubt = humCannotTell(hum, data, peaks, restPeaks, hides, fs, p);
  const cannotTell = doubt?.note ?? (inUv ? tooNoisy(p.minSnr * floor.typical, p) : undefined);
  return {
    // Where the hum's leftovers may pass for twitches, its twitch-like events are listed as noise: counted as
    // twitches they would be the hum's. A channel that is only too noisy lists what stands above its floor.
    events: doubt?.mimics ? events.map(asNoise) : events,
    analysedS: (n - totalLength(gaps)) / fs,
    restS: (n - totalLength(busy)) / fs,
    excludedS: totalLength(artifacts) / fs,
    noiseFloor: Number.isFinite(floors.median) ? floors.median : 0,
    mainsHz: mains.mainsHz,
    ...(Number.isFinite(minDetectable) ? { minDetectable } : {}),
    ...(cannotTell ? { cannotTell } : {}),
    notes: channelNotes(hum, fs, highHz, beats.length, minDetectable, input.unit ?? 'uV', p),
  };
}

/**
 * The local noise floor over the windows that are mostly rest (all windows when there is none): its
 * lowest value sets the smallest twitch the channel could show anywhere (`minSnr` times above it, so no
 * counted twitch is smaller), and its median what it could show typically.
 */
function restFloor(floors: Floors, busy: readonly Span[], n: number): { lowest: number; typical: number } {
  const { local, win } = floors;
  const rest = new Float64Array(local.length).fill(Number.NaN);
  let b = 0;
  let kept = 0;
  for (let w = 0; w < local.length; w++) {
    const from = w * win;
    const to = Math.min(n, from + win);
    let covered = 0;
    while (b < busy.length && busy[b].end <= from) b++;
    for (let k = b; k < busy.length && busy[k].start < to; k++) covered += Math.min(to, busy[k].end) - Math.max(from, busy[k].start);
    if (covered < 0.5 * (to - from)) {
      rest[w] = local[w];
      kept++;
    }
  }
  const use = kept > 0 ? rest : local;
  return { lowest: finiteQuantile(use, 0), typical: finiteQuantile(use, 0.5) };
}

/** The note that the channel cannot show typical twitches, when the twitch it could typically show is above the surface FP size used. */
function tooNoisy(typical: number, p: EmgParams): string | undefined {
  if (!(typical > p.cannotTellUv)) return undefined;
  return `Too noisy to tell: over most of its rest this channel could only show twitches of about ${Math.round(typical)} µV or more, larger than many fasciculations seen on the skin (counted from ${p.surfaceFpUv} µV peak to peak in healthy muscle). No twitch rate is given.`;
}

interface Hum {
  left: Conditioned['humLeft'];
  mains: MainsFinding;
  folded: number;
}

/** Below full-band sampling, harmonics folded back into the band stronger than `foldedHumRatio` times what is not hum. */
function foldedBeyondRemoval(hum: Hum, fs: number, p: EmgParams): boolean {
  return fs < p.fullBandRateHz && hum.folded >= p.foldedHumRatio;
}

/**
 * Mains hum the channel cannot see past: harmonics folded back into a band cut short by slow sampling,
 * stronger than what is not hum there; hum still holding `humLeftShare` of the band after filtering that
 * hides twitches (`hides`: the floor it leaves is over the typical surface fasciculation, or the unit does
 * not let that be judged) or mimics them (the peaks at rest keep step with its cycle); or twitch-like events
 * that keep step with the mains cycle (real twitches come at any phase of it). Hum left that does neither
 * only raises the floor a little, and the channel states its smallest detectable twitch.
 */
function humCannotTell(hum: Hum, data: Float32Array, peaks: readonly number[], restPeaks: readonly number[], hides: boolean, fs: number, p: EmgParams): HumDoubt | undefined {
  const { left: humLeft, mains } = hum;
  if (foldedBeyondRemoval(hum, fs, p)) {
    return {
      note: `Too much mains hum folded into the band to tell: sampled at ${round(fs)} Hz, the hum's harmonics above the sampling limit fold back across the band, stronger than the signal there, and what filtering leaves of them looks like twitches. No twitch rate is given, and the twitch-like events are listed as noise.`,
      mimics: true,
    };
  }
  if (mains.mainsHz === null) return undefined;
  const f0 = mains.mainsHz;
  const locked = (at: readonly number[]): boolean => at.length >= p.mainsLockMinEvents && mainsLocking(data, at, fs, f0) >= p.mainsLockZ;
  if (humLeft !== null && humLeft.share >= p.humLeftShare) {
    const mimics = locked(restPeaks);
    if (hides || mimics) {
      const what = mimics ? 'enough to mimic twitches: the peaks at rest keep step with it. No twitch rate is given, and the twitch-like events are listed as noise.' : 'enough to hide twitches. No twitch rate is given.';
      return { note: `Too much mains hum left to tell: after filtering, the hum still holds ${Math.round(humLeft.share * 100)} % of the signal, ${what}`, mimics };
    }
  }
  if (!locked(peaks)) return undefined;
  return {
    note: 'Mains hum left to tell: the twitch-like events keep step with the mains cycle, as leftovers of the hum do and real twitches do not. No twitch rate is given, and they are listed as noise.',
    mimics: true,
  };
}

/** Why a channel cannot tell for its hum: the note it gives, and whether what it found may be the hum's leftovers. */
interface HumDoubt {
  note: string;
  mimics: boolean;
}

/** A twitch-like event the hum may have made, listed as noise set aside. */
function asNoise(e: DetectedEvent): DetectedEvent {
  if (e.type !== 'twitch') return e;
  const { multiplet: _, ...rest } = e;
  return { ...rest, type: 'artifact', reason: 'noise' };
}

/** The samples of `at` (ascending) outside the sorted, merged `spans`. */
function outside(at: readonly number[], spans: readonly Span[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (const i of at) {
    while (k < spans.length && spans[k].end <= i) k++;
    if (k === spans.length || i < spans[k].start) out.push(i);
  }
  return out;
}

/** What the channel's summary says about its conditioning and what it could show. */
function channelNotes(hum: Hum, fs: number, highHz: number, beats: number, minDetectable: number, unit: string, p: EmgParams): string[] {
  const { left: humLeft, mains } = hum;
  const notes: string[] = [];
  if (mains.mainsHz !== null) {
    const harmonics = mains.lines.filter((l) => l.harmonic > 1).length;
    const folded = mains.lines.filter((l) => l.aliased).length;
    const what = `Mains hum at ${mains.mainsHz} Hz${harmonics > 0 ? ` (and ${harmonics} of its harmonic${harmonics === 1 ? '' : 's'}${folded > 0 ? `, ${folded} folded back from above the sampling limit` : ''})` : ''}`;
    // "Filtered out" only where the filtered signal shows no line left.
    const someLeft = (humLeft && humLeft.prominence >= p.humLeftProminence) || foldedBeyondRemoval(hum, fs, p);
    notes.push(someLeft ? `${what} was found; filtering took most of it out, but some is left.` : `${what} was found and filtered out.`);
  }
  if (fs < p.fullBandRateHz) {
    notes.push(`Sampled at ${round(fs)} Hz, so only activity up to ${round(highHz)} Hz is kept: small and fast potentials may be missed.`);
  }
  if (beats > 0) notes.push(`A regular heartbeat (ECG) shows in this channel; ${beats} beats were set aside, not counted as twitch-like events.`);
  if (Number.isFinite(minDetectable)) {
    notes.push(`The smallest twitch-like event this channel could show is about ${formatAmount(minDetectable, unit)} at its peak (${p.minSnr.toFixed(1)} times its noise floor).`);
  }
  return notes;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
