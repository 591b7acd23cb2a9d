import type { DetectedEvent } from '../analysis/types';

/**
 * What the user said about events: confirm or reject a detected one, or add a missed twitch.
 * Events are identified by channel and peak time, so edits survive a re-analysis that finds the same event.
 */
export type ReviewAction = 'confirm' | 'reject' | 'add';

export interface ReviewEdit {
  action: ReviewAction;
  channel: string;
  peakS: number;
  /** For `add`: the event's span and peak amplitude in the channel's unit. */
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
  const i = edits.findIndex((e) => sameEvent(e, target));
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
