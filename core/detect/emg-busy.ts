import { findActivity, type ActivityOptions, type ActivitySpan } from './activity';
import { findEcgTrain, type EcgTrain } from './ecg';
import type { Candidates, Floors, Prepared } from './emg-condition';
import { type Potentials } from './hysteresis';
import type { EmgParams } from './params';
import { mergeSpans, overlapLength, overlapsAny, type Span } from './spans';
import { keepFirst, spikesIn, type Spikes } from './spikes';
import { findSustained } from './sustained';
import type { Workspace } from './workspace';

/** The bins dense activity is measured in, samples: denseEpisodes reads the power of the `n / bin` whole ones. */
export function sustainedBin(p: EmgParams, fs: number): number {
  return Math.max(1, Math.round((p.sustainedBinMs / 1000) * fs));
}

/**
 * Dense activity (many units at once) as sustained episodes of at least `sustainedMinS` outside the
 * stretches with no usable signal and the filters' edges; episodes on both sides of a short dropout are one.
 * `power`: the mean square of the conditioned signal (`n` samples) per whole bin of sustainedBin samples.
 */
export function denseEpisodes(power: Float64Array, n: number, floors: Floors, prep: Pick<Prepared, 'fs' | 'blanks' | 'edges'>, p: EmgParams): Span[] {
  const { fs, blanks, edges } = prep;
  const binLength = sustainedBin(p, fs);
  const binS = binLength / fs;
  const episodes = findSustained({
    power,
    n,
    floor: floors.quiet,
    floorWindow: floors.win,
    binLength,
    binK: p.sustainedBinK,
    windowBins: Math.max(1, Math.round(p.sustainedWindowS / binS)),
    on: p.sustainedOn,
    off: p.sustainedOff,
    minBins: Math.ceil(p.sustainedMinS / binS),
    bridgeBins: Math.round(p.sustainedBridgeS / binS),
  });
  // Where the filters ring at the edges of a run, activity can look dense: an episode needs its minimum
  // length outside those edges and the blanks.
  const unseen = mergeSpans([...blanks, ...edges]);
  return acrossBlanks(episodes, blanks, Math.round(p.sustainedBridgeS * fs)).filter((e) => e.end - e.start - overlapLength(unseen, e.start, e.end) >= p.sustainedMinS * fs);
}

/** The heartbeat train among the weak candidates outside `blocked`, or null. */
export function heartbeats(x: Float32Array, cand: Candidates, blocked: readonly Span[], p: EmgParams, fs: number, ws: Workspace): EcgTrain | null {
  const ms = (v: number): number => v / 1000;
  return findEcgTrain(x, cand.weak, outsideOf(cand.weak, blocked), {
    fs,
    minPeriodS: p.ecgMinPeriodS,
    maxPeriodS: p.ecgMaxPeriodS,
    shapeCorrelation: p.ecgShapeCorrelation,
    minBeats: p.ecgMinBeats,
    intervalTolerance: p.ecgIntervalTolerance,
    irregularMinBeats: p.ecgIrregularBeats,
    snippetS: ms(p.ecgSnippetMs),
    maxShiftS: ms(p.ecgMaxShiftMs),
    stepS: ms(p.ecgStepMs),
    marginS: ms(p.ecgMarginMs),
    sizeRatio: p.beatSizeRatio,
    lookahead: p.ecgLookahead,
    maxCycles: p.ecgMaxCycles,
    templateBeats: p.ecgTemplateBeats,
    subtractS: ms(p.ecgSubtractMs),
    scratch: ws.correlation,
  });
}

/**
 * A muscle in use: the discharges outside `unusable` (artifacts, heartbeats, the filters' edges) sorted
 * into activity spans (tonic firing, tremor, contraction) and cramp-like sustained episodes.
 */
export function inUse(
  cand: Candidates,
  floors: Floors,
  dense: readonly Span[],
  unusable: readonly Span[],
  n: number,
  notched: boolean,
  p: EmgParams,
  fs: number,
): { activity: ActivitySpan[]; sustained: Span[] } {
  const samples = (ms: number): number => Math.max(1, Math.round((ms / 1000) * fs));
  const all = spikesIn(cand.envelope, cand.pot, floors.local, floors.win, {
    k: p.twitchK,
    separation: samples(p.spikeSeparationMs),
    onePotential: samples(p.maxPotentialMs),
    echoRatio: p.echoRatio,
    echoWindow: samples(notched ? p.notchEchoMs : p.spikeSeparationMs),
  });
  return findActivity(usableOnly(all, unusable), dense, n, activityOptions(p, fs));
}

/**
 * The discharges outside `unusable`, kept in place. A function of its own: the loop over every discharge
 * made inUse hot only on the second analysis, where TurboFan then compiled it whole (about 40 ms).
 */
function usableOnly(all: Spikes, unusable: readonly Span[]): Spikes {
  let m = 0;
  for (let k = 0; k < all.length; k++) {
    if (overlapsAny(unusable, all.at[k], all.at[k] + 1)) continue;
    all.at[m] = all.at[k];
    all.size[m] = all.size[k];
    all.width[m] = all.width[k];
    m++;
  }
  return keepFirst(all, m);
}

function activityOptions(p: EmgParams, fs: number): ActivityOptions {
  const samples = (s: number): number => Math.max(1, Math.round(s * fs));
  return {
    fs,
    window: samples(p.activityWindowS),
    hop: samples(p.activityHopS),
    denseCount: p.activityDenseRate * p.activityWindowS,
    unitMinHz: p.unitMinHz,
    unitMaxHz: p.unitMaxHz,
    unitMaxCv2: p.unitMaxCv2,
    contractionMaxCv2: p.contractionMaxCv2,
    chainGap: samples(p.activityChainGapS),
    bridge: samples(p.activityBridgeS),
    minLength: samples(p.activityMinS),
    tremorProminence: p.tremorProminence,
    tremorBurst: samples(p.tremorBurstMs / 1000),
    train: { fs, classSpread: p.unitClassSpread, minSpikes: p.unitMinSpikes },
    rhythm: { fs, binS: p.rhythmBinMs / 1000, nfft: 256, lowHz: p.tremorLowHz, highHz: p.tremorHighHz, floorLowHz: 1, floorHighHz: 45 },
  };
}

export function outsideOf(pot: Potentials, spans: readonly Span[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < pot.length; k++) if (!overlapsAny(spans, pot.start[k], pot.end[k])) out.push(k);
  return out;
}

/**
 * Joins episodes separated only by stretches with no usable signal (gaps, clipping, flat) plus at most
 * `bridge` samples: activity on both sides of a short dropout is one episode, not two.
 */
function acrossBlanks(episodes: Span[], blanks: Span[], bridge: number): Span[] {
  const out: Span[] = [];
  for (const e of episodes) {
    const last = out[out.length - 1];
    if (last && e.start - last.end - overlapLength(blanks, last.end, e.start) <= 2 * bridge) {
      last.end = e.end;
      continue;
    }
    out.push({ ...e });
  }
  return out;
}
