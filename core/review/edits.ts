import type { DetectedEvent } from '../analysis/types';

/**
 * What the user said about events: confirm or reject a detected one, add a missed twitch, or move a span's
 * edges (`adjust`).
 * Events are identified by channel and peak time, so edits survive a re-analysis that finds the same event.
 */
export type ReviewAction = 'confirm' | 'reject' | 'add' | 'adjust';

export interface ReviewEdit {
  action: ReviewAction;
  channel: string;
  peakS: number;
  /** For `add`: the event's span and peak amplitude in the channel's unit; for `adjust`: the span's new edges. */
  startS?: number;
  endS?: number;
  amplitude?: number;
}

/** Two peaks this close on one channel are the same event (a re-run may move a peak by a sample or two). */
export const SAME_EVENT_S = 0.005;

export function sameEvent(a: { channel: string; peakS: number }, b: { channel: string; peakS: number }): boolean {
  return a.channel === b.channel && Math.abs(a.peakS - b.peakS) <= SAME_EVENT_S;
}

/**
 * Applies one user action to the edit list. Repeating an action undoes it (a second `C` un-confirms);
 * rejecting an event the user added removes it.
 */
export function setReview(edits: readonly ReviewEdit[], target: DetectedEvent, action: 'confirm' | 'reject'): ReviewEdit[] {
  const i = edits.findIndex((e) => e.action !== 'adjust' && sameEvent(e, target));
  const existing = i >= 0 ? edits[i] : null;
  const rest = edits.filter((_, j) => j !== i);
  if (existing?.action === 'add') {
    return action === 'reject' ? rest : edits.slice();
  }
  if (existing?.action === action) return rest;
  return [...rest, { action, channel: target.channel, peakS: target.peakS }];
}

/** Adds a twitch the detector missed, unless that event is already in the list. */
export function addEvent(
  edits: readonly ReviewEdit[],
  added: { channel: string; peakS: number; startS: number; endS: number; amplitude: number },
): ReviewEdit[] {
  if (edits.some((e) => e.action === 'add' && sameEvent(e, added))) return edits.slice();
  return [...edits, { action: 'add', ...added }];
}

/**
 * New edges for a detected span; the peak stays inside (it is the event's identity) and the span keeps at
 * least `minS`. A confirm or reject of the same event is kept; an earlier adjustment is replaced.
 */
export function adjustSpan(edits: readonly ReviewEdit[], target: DetectedEvent, startS: number, endS: number, minS = 0.01): ReviewEdit[] {
  let s = Math.min(startS, target.peakS);
  let e = Math.max(endS, target.peakS);
  if (e - s < minS) e = s + minS;
  if (s < 0) s = 0;
  const rest = edits.filter((x) => !(x.action === 'adjust' && sameEvent(x, target)));
  return [...rest, { action: 'adjust', channel: target.channel, peakS: target.peakS, startS: s, endS: e }];
}
