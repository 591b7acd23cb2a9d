/**
 * How the person's review agrees with the detector: of the twitch-like events detected, how many they
 * confirmed, rejected or left unchecked, and how many they added. Confirmed ÷ checked is the detector's
 * precision on this recording; added events are twitches it missed (a lower bound: nobody marks every miss).
 */
import type { Analysis, EventType } from '../analysis/types';

export type ReviewStatus = 'not-reviewed' | 'partly-reviewed' | 'reviewed';

export interface Agreement {
  /** Events the detector found, whatever the person said about them. */
  detected: number;
  confirmed: number;
  rejected: number;
  /** Detected events nobody confirmed or rejected. */
  unchecked: number;
  /** Events the person marked that the detector missed. */
  added: number;
  /** confirmed ÷ (confirmed + rejected); null when no detected event was checked. */
  precision: number | null;
  /** `not-reviewed` when nobody confirmed, rejected or added anything. */
  status: ReviewStatus;
}

/** Counts over the reviewed analysis (`applyReview`'s output), for one event type, optionally some channels only. */
export function agreementOf(analysis: Analysis, type: EventType = 'twitch', channels?: string | readonly string[]): Agreement {
  const only = channels === undefined ? null : new Set(typeof channels === 'string' ? [channels] : channels);
  let detected = 0;
  let confirmed = 0;
  let rejected = 0;
  let added = 0;
  for (const e of analysis.events) {
    if (e.type !== type || (only !== null && !only.has(e.channel))) continue;
    if (e.review === 'added') {
      added++;
      continue;
    }
    detected++;
    if (e.review === 'confirmed') confirmed++;
    else if (e.review === 'rejected') rejected++;
  }
  const checked = confirmed + rejected;
  const unchecked = detected - checked;
  const status: ReviewStatus = checked + added === 0 ? 'not-reviewed' : unchecked === 0 ? 'reviewed' : 'partly-reviewed';
  return { detected, confirmed, rejected, unchecked, added, precision: checked > 0 ? confirmed / checked : null, status };
}

/**
 * The counts in a few words, the same in the app and the report: "64 detected: 60 confirmed, 4 rejected;
 * 3 added", "64 detected: 20 confirmed, 2 rejected, 42 not checked; 1 added", or "not reviewed (64 detected)".
 */
export function agreementSummary(a: Agreement): string {
  if (a.status === 'not-reviewed') return `not reviewed (${a.detected} detected)`;
  const parts = [`${a.confirmed} confirmed`, `${a.rejected} rejected`];
  if (a.unchecked > 0) parts.push(`${a.unchecked} not checked`);
  return `${a.detected} detected: ${parts.join(', ')}; ${a.added} added`;
}

/** The precision in words, or null when nothing was checked: "detector precision 94% (60 of 64 checked)". */
export function precisionPhrase(a: Agreement): string | null {
  if (a.precision === null) return null;
  return `detector precision ${Math.round(a.precision * 100)}% (${a.confirmed} of ${a.confirmed + a.rejected} checked)`;
}
