import type { DetectedEvent } from '../analysis/types';

/** Events are ordered by peak, then by channel: the same order the timeline and N/P walk. */
function after(a: DetectedEvent, peakS: number, channel: string | null): boolean {
  return a.peakS > peakS || (a.peakS === peakS && channel !== null && a.channel > channel);
}

/**
 * The next (dir 1) or previous (dir -1) event among `events` (sorted by peak) that `accept` takes, counting
 * from `from` (the selected event) or, with none selected, from the edge of the visible window.
 */
export function stepEvent(
  events: readonly DetectedEvent[],
  from: { peakS: number; channel: string | null },
  dir: 1 | -1,
  accept: (e: DetectedEvent) => boolean,
): DetectedEvent | null {
  if (dir > 0) {
    for (const e of events) if (accept(e) && after(e, from.peakS, from.channel)) return e;
    return null;
  }
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (accept(e) && (e.peakS < from.peakS || (e.peakS === from.peakS && from.channel !== null && e.channel < from.channel))) return e;
  }
  return null;
}
