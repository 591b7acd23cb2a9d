import { useCallback, useState } from 'react';
import type { DetectedEvent } from '../../core/analysis/types';
import { stepEvent } from '../../core/review/navigate';
import { centreOn, clampView, fullView, zoomAt, type View } from '../../core/view/viewport';
import { eventKey } from '../chart/event-style';
import { isSpan } from '../events/groups';

/** Spans at or under this stay as they are when jumping between events; longer ones close in on the event. */
const JUMP_KEEP_SPAN_S = 5;
const JUMP_SPAN_S = 0.5;

/** The visible window and the selected event, and the ways review moves them: jump, step, zoom. */
export function useReviewNavigation(events: readonly DetectedEvent[], listed: readonly DetectedEvent[], durationS: number, announce: (text: string) => void) {
  const [view, setViewRaw] = useState<View>(() => fullView(durationS));
  const [selected, setSelected] = useState<string | null>(null);
  const setView = useCallback((v: View) => setViewRaw(zoomAt(v, 1, v.t0, durationS)), [durationS]);
  const selectedEvent = selected ? (events.find((e) => eventKey(e) === selected) ?? null) : null;

  const jumpTo = useCallback(
    (e: DetectedEvent) => {
      setSelected(eventKey(e));
      // A span is shown whole, with a margin; a twitch keeps the zoom when it is already close in.
      if (isSpan(e)) {
        const margin = Math.max(0.2, (e.endS - e.startS) * 0.15);
        setViewRaw(clampView({ t0: e.startS - margin, t1: e.endS + margin }, durationS));
        return;
      }
      setViewRaw((v) => {
        const span = v.t1 - v.t0;
        const inside = e.peakS > v.t0 + span * 0.1 && e.peakS < v.t1 - span * 0.1;
        if (span <= JUMP_KEEP_SPAN_S && inside) return v;
        return centreOn(e.peakS, span <= JUMP_KEEP_SPAN_S ? span : JUMP_SPAN_S, durationS);
      });
    },
    [durationS],
  );

  const step = useCallback(
    (dir: 1 | -1, accept: (e: DetectedEvent) => boolean, what: string) => {
      const from = selectedEvent ? { peakS: selectedEvent.peakS, channel: selectedEvent.channel } : { peakS: dir > 0 ? view.t0 - 1e-9 : view.t1 + 1e-9, channel: null };
      const target = stepEvent(listed, from, dir, accept);
      if (target) jumpTo(target);
      else announce(`No ${dir > 0 ? 'later' : 'earlier'} ${what}.`);
    },
    [listed, selectedEvent, view, jumpTo, announce],
  );

  const zoom = useCallback(
    (factor: number) =>
      setViewRaw((v) => zoomAt(v, factor, selectedEvent && selectedEvent.peakS >= v.t0 && selectedEvent.peakS <= v.t1 ? selectedEvent.peakS : (v.t0 + v.t1) / 2, durationS)),
    [selectedEvent, durationS],
  );

  return { view, setView, setViewRaw, selected, setSelected, selectedEvent, jumpTo, step, zoom };
}
