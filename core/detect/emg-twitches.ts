import { movingRmsWithin } from '../dsp/envelope';
import { onBeat, type EcgTrain } from './ecg';
import type { Candidates, Floors, Prepared } from './emg-condition';
import { outsideOf } from './emg-busy';
import { findPotentials, type Potentials } from './hysteresis';
import type { EmgParams } from './params';
import { dilateSpans, mergeSpans, overlapsAny, totalLength, type Span } from './spans';
import { groupTwitches, type Twitch } from './twitch';
import type { Workspace } from './workspace';

export interface TwitchStage {
  x: Float32Array;
  prep: Omit<Prepared, 'data'>;
  cand: Candidates;
  floors: Floors;
  train: EcgTrain | null;
  /** No candidate may touch these (artifacts, activity, the filters' edges). */
  hard: readonly Span[];
  /** No twitch may touch these (the isolation zones and tails around activity and artifacts). */
  excluded: readonly Span[];
  notched: boolean;
}

/**
 * Isolated twitches: candidates clear of `hard`, of filled-in samples and of heartbeats (a twitch landing on
 * a beat shows in what is left once the average beat is subtracted, and counts when it clearly outgrows the
 * subtraction's leftovers), grouped into twitches and multiplets, kept when clear of `excluded` and at
 * least `minSnr` above the local floor.
 */
export function isolatedTwitches(s: TwitchStage, p: EmgParams, ws: Workspace): Twitch[] {
  const { x, prep, cand, floors, train } = s;
  if (!train) return twitchesAmong(s, x, cand.envelope, cand.pot, p);
  // The beats are subtracted from the signal and its envelope in place, and what they held is put back
  // once the twitches are found: copies of both, the whole channel long, cost more than the rest of this.
  const subtracted = subtractTrain(x, cand.envelope, train, prep.runs, cand.envelopeWidth, ws);
  try {
    const pot = findPotentials({
      x,
      envelope: cand.envelope,
      floor: floors.local,
      floorWindow: floors.win,
      high: p.twitchK,
      low: p.releaseK,
      mergeGap: Math.round((p.mergeGapMs / 1000) * prep.fs),
      within: mergeSpans([...cand.weakSpans, ...subtracted.changed]),
    });
    return twitchesAmong(s, x, cand.envelope, pot, p);
  } finally {
    subtracted.restore();
  }
}

/** The twitches among the candidates `tpot` of the signal `tx` (beats subtracted where the heart shows) and its envelope `tenv`. */
function twitchesAmong(s: TwitchStage, tx: Float32Array, tenv: Float32Array, tpot: Potentials, p: EmgParams): Twitch[] {
  const { prep, train } = s;
  const { fs, n, patched, edges } = prep;
  const beats = train?.beats ?? [];
  const beatAmplitude = train ? train.amplitude * p.beatLeftoverRatio : Infinity;
  // Near the ends of a run the filters bend a beat's shape, so there a beat-sized potential on the heart
  // rhythm is taken as a beat without the shape match.
  const nearEdges = train ? dilateSpans(edges, Math.round(train.period), n) : [];
  const likeEdgeBeat = (k: number): boolean =>
    train !== null &&
    overlapsAny(nearEdges, tpot.peak[k], tpot.peak[k] + 1) &&
    tpot.amplitude[k] < p.beatSizeRatio * train.amplitude &&
    tpot.amplitude[k] > train.amplitude / p.beatSizeRatio &&
    onBeat(train.peaks, tpot.peak[k], train.period, p.edgeBeatCycles, p.ecgIntervalTolerance);
  const candidates = outsideOf(tpot, s.hard).filter(
    (k) => !overlapsAny(patched, tpot.peak[k], tpot.peak[k] + 1) && (!overlapsAny(beats, tpot.start[k], tpot.end[k]) || tpot.amplitude[k] > beatAmplitude) && !likeEdgeBeat(k),
  );
  const twitches = groupTwitches(tx, tenv, tpot, candidates, {
    fs,
    echoWindowMs: s.notched ? p.notchEchoMs : p.multipletGapMs,
    multipletGapMs: p.multipletGapMs,
    maxMultiplet: p.maxMultiplet,
    echoFraction: p.echoFraction,
    maxPotentialMs: p.maxPotentialMs,
    minSeparationMs: p.doubletMinMs,
    echoRatio: p.echoRatio,
    widthBridgeMs: p.widthBridgeMs,
  }).filter((t) => !overlapsAny(s.excluded, t.start, t.end) && t.amplitude >= p.minSnr * t.floor);
  if (!train) return twitches;
  // Where the heart shows, a beat-sized complex as long as a QRS and busy through most of it (above a fifth
  // of its peak) is an ectopic beat, off the rhythm and of its own shape; a multiplet of twitches is as long
  // but quiet between its potentials.
  const longest = (p.ectopicMinMs / 1000) * fs;
  return twitches.filter((t) => {
    if (t.amplitude < train.amplitude / p.beatSizeRatio || t.amplitude > train.amplitude * p.beatSizeRatio || t.end - t.start < longest) return true;
    let top = 0;
    for (let i = t.start; i < t.end; i++) if (tenv[i] > top) top = tenv[i];
    return busyFraction(tenv, t.start, t.end, Math.max(p.releaseK * t.floor, 0.2 * top)) < p.ectopicBusy;
  });
}

/** Fraction of [from, to) where the envelope exceeds `level`. */
function busyFraction(envelope: Float32Array, from: number, to: number, level: number): number {
  let above = 0;
  for (let i = from; i < to; i++) if (envelope[i] > level) above++;
  return above / Math.max(1, to - from);
}

/**
 * Subtracts the train's average beat at each beat (template subtraction, Drake & Callaghan 2006) from `x`
 * in place and recomputes `envelope` where that changed it; returns those spans and `restore`, which puts
 * both arrays back as they were (every sample it changed was saved first).
 */
function subtractTrain(x: Float32Array, envelope: Float32Array, train: EcgTrain, runs: readonly Span[], envelopeWidth: number, ws: Workspace): { changed: Span[]; restore: () => void } {
  const n = x.length;
  // A template without energy subtracts nothing and changes nothing.
  const changed = energyOf(train.template) === 0 ? [] : dilateSpans(beatSpans(train.template.length, train.centres, n), envelopeWidth >> 1, n);
  const total = totalLength(changed);
  const saved = ws.floats('beforeBeats', 2 * total);
  let at = 0;
  for (const c of changed) {
    saved.set(x.subarray(c.start, c.end), at);
    saved.set(envelope.subarray(c.start, c.end), total + at);
    at += c.end - c.start;
  }
  subtractBeats(x, train.template, train.centres);
  for (const r of runs) {
    for (const c of changed) {
      if (c.end > r.start && c.start < r.end) movingRmsWithin(x, envelopeWidth, envelope, Math.max(r.start, c.start), Math.min(r.end, c.end), r.start, r.end);
    }
  }
  const restore = (): void => {
    let from = 0;
    for (const c of changed) {
      x.set(saved.subarray(from, from + c.end - c.start), c.start);
      envelope.set(saved.subarray(total + from, total + from + c.end - c.start), c.start);
      from += c.end - c.start;
    }
  };
  return { changed, restore };
}

/** The spans `subtractBeats` changes: a template of `length` samples centred on each centre that fits in the signal. */
function beatSpans(length: number, centres: readonly number[], n: number): Span[] {
  const half = (length - 1) >> 1;
  const spans: Span[] = [];
  for (const c of centres) if (c - half >= 0 && c + half < n) spans.push({ start: c - half, end: c + half + 1 });
  return spans;
}

/** Subtracts the template, scaled by least squares (within 0.5-2x), at each beat centre. */
function subtractBeats(x: Float32Array, template: Float64Array, centres: number[]): void {
  const half = (template.length - 1) >> 1;
  const tt = energyOf(template);
  if (tt === 0) return;
  for (const c of centres) {
    if (c - half < 0 || c + half >= x.length) continue;
    let xt = 0;
    for (let d = 0; d < template.length; d++) {
      const v = x[c - half + d];
      if (v === v) xt += v * template[d];
    }
    const gain = Math.min(2, Math.max(0.5, xt / tt));
    for (let d = 0; d < template.length; d++) x[c - half + d] -= gain * template[d];
  }
}

function energyOf(template: Float64Array): number {
  let tt = 0;
  for (let d = 0; d < template.length; d++) tt += template[d] * template[d];
  return tt;
}
