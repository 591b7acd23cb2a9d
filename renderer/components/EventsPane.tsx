import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { formatClock } from '../../core/format';
import { eventKey } from '../chart/event-style';
import { EventList } from '../events/EventList';
import type { AddedNote } from './useReviewEditing';

interface Props {
  analysis: Analysis;
  selected: string | null;
  hidden: ReadonlySet<string>;
  onHidden(next: Set<string>): void;
  onSelect(e: DetectedEvent): void;
  onReview(action: 'confirm' | 'reject'): void;
  addedNote: AddedNote | null;
}

/** The event list with Confirm and Reject, and what was just added. */
export function EventsPane({ analysis, selected, hidden, onHidden, onSelect, onReview, addedNote }: Props) {
  const selectedEvent = selected ? analysis.events.find((e) => eventKey(e) === selected) : undefined;
  return (
    <aside className="events-pane" aria-labelledby="events-title">
      <div className="events-head">
        <h2 id="events-title">Events</h2>
        <span className="muted num">{analysis.events.length}</span>
      </div>
      <EventList events={analysis.events} channels={analysis.channels} selected={selected} hidden={hidden} onHidden={onHidden} onSelect={onSelect} />
      <div className="event-actions">
        <button onClick={() => onReview('confirm')} disabled={!selectedEvent} title="Confirm the selected event (C)" data-testid="confirm">
          <span aria-hidden="true">✓ </span>Confirm
        </button>
        <button onClick={() => onReview('reject')} disabled={!selectedEvent} title="Reject the selected event (X)" data-testid="reject">
          <span aria-hidden="true">✗ </span>Reject
        </button>
        {addedNote && (
          <p className={`added-note${addedNote.low ? ' warn' : ''}`} data-testid="added-note" data-low={addedNote.low}>
            {addedNote.low && <span aria-hidden="true">⚠ </span>}
            {addedNote.text}
          </p>
        )}
        <span className="muted" data-testid="selected-text">
          {selectedEvent ? `${selectedEvent.type === 'twitch' ? formatClock(selectedEvent.peakS, 3) : `${formatClock(selectedEvent.startS, 2)}–${formatClock(selectedEvent.endS, 2)}`} selected` : 'No event selected'}
        </span>
      </div>
    </aside>
  );
}
