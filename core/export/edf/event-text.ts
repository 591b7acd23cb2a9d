import type { DetectedEvent, EventType } from '../../analysis/types';

/**
 * An event as EDF+ annotation text: readable in EDFbrowser's annotation list, and complete enough to restore
 * the event and its review exactly: `TwitchScope twitch emg1 confirmed multiplet=2 peak=12.3456 ...`.
 * Onset and duration travel in the TAL itself (the event's start and length).
 */
export const EVENT_PREFIX = 'TwitchScope';
/** The annotation naming the recording these events belong to, by its content fingerprint. */
export const SOURCE_PREFIX = 'TwitchScope recording';

/** TwitchScope's own annotations (the source fingerprint, events, gaps): data for it, not markers for people. */
export function isOwnAnnotation(text: string): boolean {
  return text.startsWith(`${EVENT_PREFIX} `);
}

const TYPES: readonly EventType[] = ['twitch', 'sustained', 'activity', 'artifact', 'movement'];
const REVIEWS = ['confirmed', 'rejected', 'added'] as const;

export function eventText(e: DetectedEvent, site: string | null): string {
  const parts = [EVENT_PREFIX, e.type, e.channel, e.review ?? 'unreviewed', `peak=${seconds(e.peakS)}`, `amp=${num(e.amplitude)}`, `snr=${num(e.snr)}`];
  if (e.multiplet !== undefined) parts.push(`multiplet=${e.multiplet}`);
  if (e.reason) parts.push(`reason=${e.reason}`);
  if (e.pattern) parts.push(`pattern=${e.pattern}`);
  if (site) parts.push(`site=${site.replace(/\s+/g, '_')}`);
  return parts.join(' ');
}

export interface EventFromText {
  type: EventType;
  channel: string;
  review: DetectedEvent['review'];
  peakS: number;
  amplitude: number;
  snr: number;
  multiplet?: number;
  reason?: string;
  pattern?: string;
  site: string | null;
}

/** The event an annotation text describes, or null when it is not one of ours (or is damaged). */
export function parseEventText(text: string): EventFromText | null {
  const words = text.trim().split(/\s+/);
  if (words[0] !== EVENT_PREFIX || words.length < 7) return null;
  const type = words[1] as EventType;
  if (!TYPES.includes(type)) return null;
  const status = words[3];
  if (status !== 'unreviewed' && !(REVIEWS as readonly string[]).includes(status)) return null;
  const kv = new Map<string, string>();
  for (const w of words.slice(4)) {
    const eq = w.indexOf('=');
    if (eq > 0) kv.set(w.slice(0, eq), w.slice(eq + 1));
  }
  const peakS = Number(kv.get('peak'));
  if (!Number.isFinite(peakS)) return null;
  const multiplet = kv.has('multiplet') ? Number(kv.get('multiplet')) : undefined;
  return {
    type,
    channel: words[2],
    review: status === 'unreviewed' ? undefined : (status as DetectedEvent['review']),
    peakS,
    amplitude: Number(kv.get('amp') ?? NaN),
    snr: Number(kv.get('snr') ?? NaN),
    ...(multiplet !== undefined && Number.isFinite(multiplet) ? { multiplet } : {}),
    ...(kv.has('reason') ? { reason: kv.get('reason') } : {}),
    ...(kv.has('pattern') ? { pattern: kv.get('pattern') } : {}),
    site: kv.has('site') ? kv.get('site')!.replace(/_/g, ' ') : null,
  };
}

/** Microsecond steps: finer than any sample period, so a restored peak matches the detector's to the sample. */
export function seconds(s: number): string {
  return String(Math.round(s * 1e6) / 1e6);
}

function num(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : 'NaN';
}
