import type { DetectedEvent } from '../detect/events';
import type { TruthEvent } from './truth';

export interface TwitchScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Detections matched to true twitches below the scoring SNR: neither right nor wrong. */
  unscored: number;
}

export interface SegmentScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  onsetErrorsS: number[];
  offsetErrorsS: number[];
}

/**
 * One-to-one matching of detected to true twitch peaks within ±`toleranceS`, closest pairs first. True
 * twitches below `minSnr` are not scored: a detection matched to one counts for nothing and missing one
 * costs nothing.
 */
export function scoreTwitches(truth: readonly TruthEvent[], detected: readonly DetectedEvent[], toleranceS = 0.05, minSnr = 6): TwitchScore {
  const t = truth.filter((e) => e.type === 'twitch');
  const d = detected.filter((e) => e.type === 'twitch');
  const pairs: Array<[number, number, number]> = [];
  let lo = 0;
  for (let i = 0; i < d.length; i++) {
    while (lo < t.length && t[lo].peakS < d[i].peakS - toleranceS) lo++;
    for (let j = lo; j < t.length && t[j].peakS <= d[i].peakS + toleranceS; j++) {
      if (t[j].channel === d[i].channel) pairs.push([Math.abs(t[j].peakS - d[i].peakS), i, j]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const usedD = new Uint8Array(d.length);
  const usedT = new Uint8Array(t.length);
  const score: TwitchScore = { truePositives: 0, falsePositives: 0, falseNegatives: 0, unscored: 0 };
  for (const [, i, j] of pairs) {
    if (usedD[i] || usedT[j]) continue;
    usedD[i] = 1;
    usedT[j] = 1;
    if (t[j].snr >= minSnr) score.truePositives++;
    else score.unscored++;
  }
  for (let i = 0; i < d.length; i++) if (!usedD[i]) score.falsePositives++;
  for (let j = 0; j < t.length; j++) if (!usedT[j] && t[j].snr >= minSnr) score.falseNegatives++;
  return score;
}

/** Sustained episodes: a detection overlapping a true episode finds it (one-to-one, largest overlap first). */
export function scoreSegments(truth: readonly TruthEvent[], detected: readonly DetectedEvent[], type: 'sustained' | 'movement' = 'sustained'): SegmentScore {
  const t = truth.filter((e) => e.type === type);
  const d = detected.filter((e) => e.type === type);
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < d.length; i++) {
    for (let j = 0; j < t.length; j++) {
      if (t[j].channel !== d[i].channel) continue;
      const overlap = Math.min(d[i].endS, t[j].endS) - Math.max(d[i].startS, t[j].startS);
      if (overlap > 0) pairs.push([overlap, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0]);
  const usedD = new Uint8Array(d.length);
  const usedT = new Uint8Array(t.length);
  const score: SegmentScore = { truePositives: 0, falsePositives: 0, falseNegatives: 0, onsetErrorsS: [], offsetErrorsS: [] };
  for (const [, i, j] of pairs) {
    if (usedD[i] || usedT[j]) continue;
    usedD[i] = 1;
    usedT[j] = 1;
    score.truePositives++;
    score.onsetErrorsS.push(Math.abs(d[i].startS - t[j].startS));
    score.offsetErrorsS.push(Math.abs(d[i].endS - t[j].endS));
  }
  score.falsePositives = d.length - score.truePositives;
  score.falseNegatives = t.length - score.truePositives;
  return score;
}

/** Detected twitches whose peak falls inside a true movement span (walking, posture change). */
export function twitchesDuringMovement(truth: readonly TruthEvent[], detected: readonly DetectedEvent[]): number {
  const moves = truth.filter((e) => e.type === 'movement');
  return detected.filter((d) => d.type === 'twitch' && moves.some((m) => m.channel === d.channel && d.peakS >= m.startS && d.peakS <= m.endS)).length;
}

export function f1(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Seconds of true rest on a channel: its time outside every true sustained, activity, movement and artifact span. */
export function truthRestS(truth: readonly TruthEvent[], channel: string, durationS: number): number {
  const spans = truth
    .filter((e) => e.channel === channel && e.type !== 'twitch')
    .map((e) => [Math.max(0, e.startS), Math.min(durationS, e.endS)] as const)
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let at = 0;
  for (const [a, b] of spans) {
    if (b <= at) continue;
    busy += b - Math.max(a, at);
    at = b;
  }
  return durationS - busy;
}

/** A span's class as scored: `sustained`, or `activity:<pattern>`. */
function spanClass(e: Pick<DetectedEvent, 'type' | 'pattern'>): string {
  return e.type === 'activity' ? `activity:${e.pattern ?? '?'}` : e.type;
}

export interface SpanClassScore {
  spans: number;
  /** True spans whose detected class (the class covering most of them) is theirs. */
  right: number;
  /** True class → detected class (`none` when no sustained or activity span overlaps) → count. */
  confusion: Map<string, Map<string, number>>;
}

/**
 * How true sustained and activity spans are classed: each takes the class of the detected sustained or
 * activity spans covering most of its time on its channel.
 */
export function scoreSpanClasses(truth: readonly TruthEvent[], detected: readonly DetectedEvent[]): SpanClassScore {
  const spansOf = (e: Pick<DetectedEvent, 'type'>): boolean => e.type === 'sustained' || e.type === 'activity';
  const d = detected.filter(spansOf);
  const score: SpanClassScore = { spans: 0, right: 0, confusion: new Map() };
  for (const t of truth.filter(spansOf)) {
    const cover = new Map<string, number>();
    for (const e of d) {
      if (e.channel !== t.channel) continue;
      const overlap = Math.min(e.endS, t.endS) - Math.max(e.startS, t.startS);
      if (overlap > 0) cover.set(spanClass(e), (cover.get(spanClass(e)) ?? 0) + overlap);
    }
    let got = 'none';
    let most = 0;
    for (const [k, v] of cover) if (v > most) [got, most] = [k, v];
    const want = spanClass(t);
    score.spans++;
    if (got === want) score.right++;
    const row = score.confusion.get(want) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    score.confusion.set(want, row);
  }
  return score;
}
