import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import { eventKey } from '../chart/event-style';
import type { SortKey } from './EventRow';
import { listTime, type EventGroup } from './groups';

/** A line of the event list: a group's heading, or one event in an open group. */
export type Row = { kind: 'group'; id: string; group: EventGroup; count: number; open: boolean } | { kind: 'event'; id: string; event: DetectedEvent; group: string };

export interface Sort {
  key: SortKey;
  desc: boolean;
}

export const rowIdOf = (key: string) => `evrow-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The next sort when a column is chosen: the same column turns round, another starts ascending. */
export function nextSort(s: Sort, key: SortKey): Sort {
  return { key, desc: s.key === key ? !s.desc : false };
}

/** Each group's heading, then its events in the chosen order when it is open. */
export function buildRows(
  groups: ReadonlyArray<{ group: EventGroup; events: readonly DetectedEvent[] }>,
  channels: ReadonlyMap<string, AnalysedChannel>,
  sort: Sort,
  isOpen: (g: EventGroup) => boolean,
): Row[] {
  const dir = sort.desc ? -1 : 1;
  const site = (e: DetectedEvent) => channels.get(e.channel)?.site ?? channels.get(e.channel)?.label ?? e.channel;
  const cmp: Record<SortKey, (a: DetectedEvent, b: DetectedEvent) => number> = {
    time: (a, b) => listTime(a) - listTime(b),
    channel: (a, b) => site(a).localeCompare(site(b)) || listTime(a) - listTime(b),
    size: (a, b) => a.amplitude - b.amplitude || a.endS - a.startS - (b.endS - b.startS),
    review: (a, b) => (a.review ?? '').localeCompare(b.review ?? '') || listTime(a) - listTime(b),
  };
  const out: Row[] = [];
  for (const { group, events } of groups) {
    const open = isOpen(group);
    out.push({ kind: 'group', id: `grp-${group.id}`, group, count: events.length, open });
    if (!open) continue;
    for (const e of [...events].sort((a, b) => dir * cmp[sort.key](a, b))) out.push({ kind: 'event', id: rowIdOf(eventKey(e)), event: e, group: group.id });
  }
  return out;
}
