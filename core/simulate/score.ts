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
