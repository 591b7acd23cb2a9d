import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import { useAnnounce } from '../a11y/announcer';
import { eventKey } from '../chart/event-style';
import { EventListHeader, headerIdOf, sortWords } from './EventListHeader';
import { EventRow, COLUMNS, type SortKey } from './EventRow';
import { GroupRow } from './GroupRow';
import { groupEvents, groupIdOf } from './groups';
import { buildRows, nextSort, rowIdOf, type Sort } from './rows';
import { useGroupState } from './useGroupState';
import { useListKeys } from './useListKeys';
import { ROW_H, useRowWindow } from './useRowWindow';

interface Props {
  events: readonly DetectedEvent[];
  channels: readonly AnalysedChannel[];
  selected: string | null;
  /** Groups switched off: not drawn on the traces and skipped by N/P. */
  hidden: ReadonlySet<string>;
  onHidden(next: Set<string>): void;
  onSelect(e: DetectedEvent): void;
}

/**
 * The events as one treegrid (a single tab stop): findings first, set-aside events grouped by cause. Arrow
 * keys move, and selection follows focus, so C and X act on the row the user is on; Up from the first row
 * reaches the column headers to sort (useListKeys). Only the rows in view are rendered.
 */
export function EventList({ events, channels, selected, hidden, onHidden, onSelect }: Props) {
  const announce = useAnnounce();
  const [sort, setSort] = useState<Sort>({ key: 'time', desc: false });
  const [active, setActive] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const chan = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);

  const groups = useMemo(() => groupEvents(events), [events]);
  const { open, isOpen, toggleOpen, toggleShown } = useGroupState(groups, hidden, onHidden);
  const rows = useMemo(() => buildRows(groups, chan, sort, isOpen), [groups, sort, chan, open]);

  // The selection moved from elsewhere (N, a click on a mark): open its group and make its row current.
  useEffect(() => {
    if (!selected) return;
    const e = events.find((x) => eventKey(x) === selected);
    if (!e) return;
    const g = groupIdOf(e);
    const group = groups.find((x) => x.group.id === g)?.group;
    if (group && !isOpen(group)) toggleOpen(g, true);
    setActive(rowIdOf(selected));
  }, [selected]);

  const activeIndex = Math.max(0, rows.findIndex((r) => r.id === active));
  const { first, last, pageRows, onScroll } = useRowWindow(scroller, rows.length, active === null ? null : activeIndex);

  const sortBy = (key: SortKey) => {
    const next = nextSort(sort, key);
    setSort(next);
    announce(sortWords(next));
  };
  const moveTo = (i: number) => {
    const r = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!r) return;
    setActive(r.id);
    if (r.kind === 'event') onSelect(r.event);
  };
  const keys = useListKeys({ rows, activeIndex, pageRows, sortKey: sort.key, moveTo, setActive, toggleOpen, toggleShown, select: onSelect, sortBy });

  const onRows = keys.column === null;
  const activeRendered = onRows && activeIndex >= first && activeIndex < last && rows[activeIndex];
  const activeDescendant = !onRows ? headerIdOf(COLUMNS[keys.column!][0]) : activeRendered ? rows[activeIndex].id : undefined;
  return (
    <div className="events-scroll" ref={scroller} onScroll={onScroll} data-testid="event-list">
      <table
        className="events-table"
        role="treegrid"
        tabIndex={0}
        aria-label="Events"
        aria-describedby="events-keys"
        aria-rowcount={rows.length + 1}
        aria-activedescendant={activeDescendant}
        onKeyDown={keys.onKey}
        onFocus={() => active === null && rows[0] && setActive(rows[0].id)}
        onBlur={keys.leaveHeader}
        data-testid="event-grid"
        data-sort={`${sort.key} ${sort.desc ? 'desc' : 'asc'}`}
      >
        <colgroup>
          {COLUMNS.map(([k, , w]) => (
            <col key={k} style={{ width: w }} />
          ))}
        </colgroup>
        <EventListHeader sort={sort} activeColumn={keys.column} onSort={sortBy} />
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" style={{ height: first * ROW_H }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {rows.slice(first, last).map((r, i) =>
            r.kind === 'group' ? (
              <GroupRow
                key={r.id}
                row={r}
                active={onRows && r.id === active}
                hidden={hidden.has(r.group.id)}
                rowIndex={first + i + 2}
                onToggleOpen={() => {
                  setActive(r.id);
                  toggleOpen(r.group.id);
                }}
                onToggleShown={() => toggleShown(r.group.id)}
              />
            ) : (
              <EventRow
                key={r.id}
                id={r.id}
                event={r.event}
                channel={chan.get(r.event.channel)}
                selected={eventKey(r.event) === selected}
                active={onRows && r.id === active}
                rowIndex={first + i + 2}
                onClick={() => {
                  setActive(r.id);
                  onSelect(r.event);
                }}
              />
            ),
          )}
          {last < rows.length && (
            <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_H }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
      <p id="events-keys" className="sr-only">
        Arrow keys move through the events. From the first row, Up reaches the column headers: Left and Right choose one, Enter sorts by it.
      </p>
      {rows.length === 0 && <p className="empty">No events in this recording.</p>}
    </div>
  );
}
