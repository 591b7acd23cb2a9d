/**
 * Twitches and rest time in equal stretches of the recording, for seeing whether twitches cluster. Rest in
 * a stretch is its time less the spans detection left out of rest (sustained activity, artifacts, movement,
 * gaps, on the channel itself or, for movement, on any sensor), scaled so the stretches add up to the
 * summary's rest time.
 */
import type { Analysis } from './types';

/** 30 s holds a few twitches at everyday rates (1–20/min) and gives 20 stretches in 10 minutes of rest. */
export const REST_BIN_S = 30;
/** A stretch with less rest than this share of its length is left out: its count says little. */
const MIN_REST_SHARE = 0.5;

export interface RestBins {
  counts: Float64Array;
  /** Seconds of rest in each stretch; 0 for stretches left out. */
  restS: Float64Array;
  /** Seconds from the start to the end of the longest channel's analysed time, gaps included. */
  extentS: number;
}

export interface RestBinOptions {
  binS?: number;
  /** Stretches with less rest than this share of their length are left out (0 keeps every stretch). */
  minRestShare?: number;
  /** Keep the last stretch when the recording ends inside it (hours of a night), not only whole ones. */
  partialLast?: boolean;
}

/** Twitch counts and rest per `binS` stretch, summed over `channels` (channels recorded side by side). */
export function restBins(analysis: Analysis, channels: readonly string[], options: RestBinOptions = {}): RestBins {
  const { binS = REST_BIN_S, minRestShare = MIN_REST_SHARE, partialLast = false } = options;
  const summaries = analysis.summary.channels.filter((s) => channels.includes(s.channel));
  const gapS = (id: string): number =>
    analysis.events.reduce((sum, e) => sum + (e.channel === id && e.type === 'artifact' && e.reason === 'gap' ? e.endS - e.startS : 0), 0);
  const extentS = summaries.reduce((m, s) => Math.max(m, s.analyzedS + gapS(s.channel)), 0);
  const n = Math.max(0, (partialLast ? Math.ceil : Math.floor)(extentS / binS));
  const counts = new Float64Array(n);
  const restS = new Float64Array(n);
  for (const s of summaries) {
    const channelRest = new Float64Array(n);
    const extent = s.analyzedS + gapS(s.channel);
    for (let i = 0; i < n; i++) channelRest[i] = Math.max(0, Math.min(binS, extent - i * binS));
    const excluded = analysis.events
      .filter((e) => e.type !== 'twitch' && (e.channel === s.channel || e.type === 'movement'))
      .map((e) => [e.startS, e.endS] as const);
    for (const [from, to] of union(excluded)) subtractSpan(channelRest, binS, from, to);
    let total = 0;
    for (let i = 0; i < n; i++) total += channelRest[i];
    const scale = total > 0 ? s.restS / total : 0;
    for (let i = 0; i < n; i++) restS[i] += channelRest[i] * scale;
    for (const e of analysis.events) {
      if (e.channel !== s.channel || e.type !== 'twitch' || e.review === 'rejected') continue;
      const i = Math.floor(e.peakS / binS);
      if (i >= 0 && i < n) counts[i]++;
    }
  }
  const full = binS * Math.max(1, summaries.length);
  for (let i = 0; i < n; i++) {
    if (restS[i] < minRestShare * full) {
      restS[i] = 0;
      counts[i] = 0;
    }
  }
  return { counts, restS, extentS };
}

/** Overlapping spans merged, in time order. */
function union(spans: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Takes [from, to) out of the per-bin time. */
function subtractSpan(rest: Float64Array, binS: number, from: number, to: number): void {
  const first = Math.max(0, Math.floor(from / binS));
  const last = Math.min(rest.length - 1, Math.floor(to / binS));
  for (let i = first; i <= last; i++) {
    const overlap = Math.min(to, (i + 1) * binS) - Math.max(from, i * binS);
    if (overlap > 0) rest[i] = Math.max(0, rest[i] - overlap);
  }
}
