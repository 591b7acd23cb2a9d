import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { formatAmount, formatClock } from '../../core/format';
import { detectionFloor } from '../../core/review/added-event';
import { reviewProgress } from '../../core/review/progress';
import type { SignalView } from '../../core/view/display-signal';
import { classOf, eventKey, reviewLabel } from '../chart/event-style';
import type { SessionApi } from '../session/useSession';

export interface AddedNote {
  text: string;
  low: boolean;
}

interface Deps {
  session: SessionApi;
  analysis: Analysis;
  selectedEvent: DetectedEvent | null;
  select(key: string | null): void;
  announce(text: string): void;
  viewOf(channelId: string): SignalView | null;
}

/**
 * What the user changes in review: confirm or reject, add a missed twitch, move a span's edges. Each change
 * is read out once the reviewed analysis has it, with how far review has come.
 */
export function useReviewEditing({ session, analysis, selectedEvent, select, announce, viewOf }: Deps) {
  const [addMode, setAddMode] = useState(false);
  const [addedNote, setAddedNote] = useState<AddedNote | null>(null);
  const progress = useMemo(() => reviewProgress(analysis.events), [analysis.events]);

  const pendingSay = useRef<string | null>(null);
  useEffect(() => {
    const key = pendingSay.current;
    if (key === null) return;
    pendingSay.current = null;
    const e = analysis.events.find((x) => eventKey(x) === key);
    const what = e ? `${formatClock(e.peakS, 2)} ${classOf(e.type).label.toLowerCase()} ${reviewLabel(e).toLowerCase()}` : 'Event removed';
    announce(`${what}, ${progress.reviewed} of ${progress.total} reviewed`);
  }, [analysis, progress, announce]);

  const review = useCallback(
    (action: 'confirm' | 'reject') => {
      if (!selectedEvent) {
        announce('No event selected.');
        return;
      }
      pendingSay.current = eventKey(selectedEvent);
      session.review(selectedEvent, action);
    },
    [selectedEvent, session, announce],
  );

  const add = useCallback(
    (channelId: string, t: number) => {
      const e = session.addTwitch(channelId, t);
      setAddMode(false);
      if (!e) return;
      select(eventKey(e));
      const note = describeAdded(analysis, e, viewOf(channelId));
      setAddedNote(note);
      announce(note.text);
    },
    [session, analysis, announce, select, viewOf],
  );

  const adjust = useCallback(
    (e: DetectedEvent, startS: number, endS: number) => {
      session.adjustSpan(e, startS, endS);
      announce(`${classOf(e.type).label} now ${formatClock(startS, 2)} to ${formatClock(endS, 2)}`);
    },
    [session, announce],
  );

  return { progress, review, add, adjust, addMode, setAddMode, addedNote };
}

/** What an added twitch measures, and a warning when it is below what the detector could have seen. */
export function describeAdded(analysis: Analysis, e: DetectedEvent, view: SignalView | null): AddedNote {
  const ch = analysis.channels.find((c) => c.id === e.channel);
  const summary = analysis.summary.channels.find((s) => s.channel === e.channel);
  const unit = ch?.unit ?? '';
  const snr = summary && summary.noiseFloor > 0 ? e.amplitude / summary.noiseFloor : null;
  const floor = ch ? detectionFloor(ch, summary, analysis.parameters) : null;
  // Sizes are those of the filtered signal the detector measures, even while the trace is drawn raw.
  const where = view === 'raw' ? ' (measured on the filtered signal)' : '';
  const what = `Added at ${formatClock(e.peakS, 2)}: ${formatAmount(e.amplitude, unit)}${where}${snr !== null ? `, ${snr.toFixed(1)} × the noise` : ''}.`;
  if (floor !== null && e.amplitude < floor) {
    return { text: `${what} That is below this channel's smallest detectable twitch (${formatAmount(floor, unit)}), so it may be noise.`, low: true };
  }
  return { text: what, low: false };
}
