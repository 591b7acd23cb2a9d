import type { ArtifactReason, DetectedEvent } from '../../core/analysis/types';
import { formatAmount, formatDuration } from '../../core/format';
import { classLabel } from '../chart/event-style';

/**
 * The event list's sections: findings first (twitches, then spans of activity), then what the detector set
 * aside, grouped by cause so a hundred heartbeats are one line ("Heartbeat: 108 beats set aside").
 */
export interface EventGroup {
  id: string;
  /** Findings are open and shown by default; set-aside groups start closed. */
  finding: boolean;
  title(count: number): string;
}

const REASON_WORDS: Record<ArtifactReason | 'other', [string, string, string]> = {
  ecg: ['Heartbeat', 'beat', 'beats'],
  motion: ['Motion', 'stretch', 'stretches'],
  clipping: ['Clipping', 'stretch', 'stretches'],
  flat: ['Flat or disconnected', 'stretch', 'stretches'],
  gap: ['Gap in the data', 'gap', 'gaps'],
  noise: ['Noise', 'stretch', 'stretches'],
  other: ['Other artifact', 'stretch', 'stretches'],
};

const setAside = (name: string, one: string, many: string) => (n: number) => `${name}: ${n} ${n === 1 ? one : many} set aside`;

const FIXED: Record<string, EventGroup> = {
  twitch: { id: 'twitch', finding: true, title: (n) => `Twitches (${n})` },
  sustained: { id: 'sustained', finding: true, title: (n) => `Sustained, cramp-like (${n})` },
  activity: { id: 'activity', finding: true, title: (n) => `Activity (${n})` },
  movement: { id: 'movement', finding: false, title: setAside('Movement', 'stretch', 'stretches') },
};

const ORDER = ['twitch', 'sustained', 'activity', 'artifact:ecg', 'artifact:motion', 'artifact:clipping', 'artifact:flat', 'artifact:gap', 'artifact:noise', 'artifact:other', 'movement'];

export function groupIdOf(e: DetectedEvent): string {
  return e.type === 'artifact' ? `artifact:${e.reason ?? 'other'}` : e.type;
}

export function groupById(id: string): EventGroup {
  const fixed = FIXED[id];
  if (fixed) return fixed;
  const reason = (id.startsWith('artifact:') ? id.slice(9) : 'other') as ArtifactReason | 'other';
  const [name, one, many] = REASON_WORDS[reason] ?? REASON_WORDS.other;
  return { id, finding: false, title: setAside(name, one, many) };
}

/** The groups present in `events`, in display order, each with its events (in the order given). */
export function groupEvents(events: readonly DetectedEvent[]): Array<{ group: EventGroup; events: DetectedEvent[] }> {
  const by = new Map<string, DetectedEvent[]>();
  for (const e of events) {
    const id = groupIdOf(e);
    let list = by.get(id);
    if (!list) by.set(id, (list = []));
    list.push(e);
  }
  const rank = (id: string) => {
    const i = ORDER.indexOf(id);
    return i < 0 ? ORDER.length : i;
  };
  return [...by.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0])).map(([id, list]) => ({ group: groupById(id), events: list }));
}

/** Spans are read at their onset with a duration; a twitch at its peak. */
export function isSpan(e: DetectedEvent): boolean {
  return e.type !== 'twitch';
}

export function listTime(e: DetectedEvent): number {
  return isSpan(e) ? e.startS : e.peakS;
}

const MULTIPLET = ['', '', 'doublet', 'triplet'];

/** A twitch reads "Twitch · doublet 152 µV"; a span "Sustained 4.2 s" from its onset. */
export function sizeText(e: DetectedEvent, unit: string): string {
  const cls = classLabel(e);
  if (isSpan(e)) return `${cls} ${formatDuration(e.endS - e.startS)}`;
  const m = e.multiplet && e.multiplet > 1 ? ` · ${MULTIPLET[e.multiplet] ?? `${e.multiplet}×`}` : '';
  return `${cls}${m} ${formatAmount(e.amplitude, unit)}`;
}
