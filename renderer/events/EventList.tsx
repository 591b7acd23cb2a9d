import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import { eventKey } from '../chart/event-style';
import { EventRow, COLUMNS, type SortKey } from './EventRow';
import { groupEvents, groupIdOf, listTime, type EventGroup } from './groups';

interface Props {
  events: readonly DetectedEvent[];
  channels: readonly AnalysedChannel[];
  selected: string | null;
  /** Groups switched off: not drawn on the traces and skipped by N/P. */
  hidden: ReadonlySet<string>;
  onHidden(next: Set<string>): void;
  onSelect(e: DetectedEvent): void;
}

type Row = { kind: 'group'; id: string; group: EventGroup; count: number; open: boolean } | { kind: 'event'; id: string; event: DetectedEvent; group: string };

const ROW_H = 28;
const rowIdOf = (key: string) => `evrow-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/**
 * The events as one treegrid (a single tab stop): findings first, set-aside events grouped by cause. Arrow
 * keys move, and selection follows focus, so C and X act on the row the user is on. Right/Left open and close
 * a group, Space shows or hides it on the traces. Only visible rows are rendered.
 */
export function EventList({ events, channels, selected, hidden, onHidden, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'time', desc: false });
  const [open, setOpen] = useState<ReadonlySet<string> | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(400);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const chan = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);

  const groups = useMemo(() => groupEvents(events), [events]);
  const isOpen = (g: EventGroup) => (open ? open.has(g.id) : g.finding);
  const rows = useMemo<Row[]>(() => {
    const dir = sort.desc ? -1 : 1;
    const site = (e: DetectedEvent) => chan.get(e.channel)?.site ?? chan.get(e.channel)?.label ?? e.channel;
    const cmp: Record<SortKey, (a: DetectedEvent, b: DetectedEvent) => number> = {
      time: (a, b) => listTime(a) - listTime(b),
      channel: (a, b) => site(a).localeCompare(site(b)) || listTime(a) - listTime(b),
      size: (a, b) => a.amplitude - b.amplitude || a.endS - a.startS - (b.endS - b.startS),
      review: (a, b) => (a.review ?? '').localeCompare(b.review ?? '') || listTime(a) - listTime(b),
    };
    const out: Row[] = [];
    for (const { group, events: list } of groups) {
      const o = isOpen(group);
      out.push({ kind: 'group', id: `grp-${group.id}`, group, count: list.length, open: o });
      if (!o) continue;
      for (const e of [...list].sort((a, b) => dir * cmp[sort.key](a, b))) out.push({ kind: 'event', id: rowIdOf(eventKey(e)), event: e, group: group.id });
    }
    return out;
  }, [groups, sort, chan, open]);

  // The selection moved from elsewhere (N, a click on a mark): open its group and make its row current.
  useEffect(() => {
    if (!selected) return;
    const e = events.find((x) => eventKey(x) === selected);
    if (!e) return;
    const g = groupIdOf(e);
    const group = groups.find((x) => x.group.id === g)?.group;
    if (group && !isOpen(group)) setOpen(new Set([...(open ?? groups.filter((x) => x.group.finding).map((x) => x.group.id)), g]));
    setActive(rowIdOf(selected));
  }, [selected]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const activeIndex = Math.max(0, rows.findIndex((r) => r.id === active));
  // Keep the current row in view, below the sticky header.
  useEffect(() => {
    const el = scroller.current;
    if (!el || active === null) return;
    const top = activeIndex * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + 2 * ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + 2 * ROW_H - el.clientHeight;
  }, [activeIndex, active]);

  const toggleOpen = (id: string, to?: boolean) => {
    const next = new Set(open ?? groups.filter((x) => x.group.finding).map((x) => x.group.id));
    if (to ?? !next.has(id)) next.add(id);
    else next.delete(id);
    setOpen(next);
  };
  const toggleShown = (id: string) => {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onHidden(next);
  };
  const moveTo = (i: number) => {
    const r = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!r) return;
    setActive(r.id);
    if (r.kind === 'event') onSelect(r.event);
  };

  const onKey = (e: KeyboardEvent) => {
    const r = rows[activeIndex];
    if (!r) return;
    const page = Math.max(1, Math.floor(viewH / ROW_H) - 2);
    const k = e.key;
    if (k === 'ArrowDown') moveTo(activeIndex + 1);
    else if (k === 'ArrowUp') moveTo(activeIndex - 1);
    else if (k === 'Home') moveTo(0);
    else if (k === 'End') moveTo(rows.length - 1);
    else if (k === 'PageDown') moveTo(activeIndex + page);
    else if (k === 'PageUp') moveTo(activeIndex - page);
    else if (k === 'ArrowRight' && r.kind === 'group') toggleOpen(r.group.id, true);
    else if (k === 'ArrowLeft' && r.kind === 'group') toggleOpen(r.group.id, false);
    else if (k === 'ArrowLeft' && r.kind === 'event') setActive(`grp-${r.group}`);
    else if (k === 'Enter' && r.kind === 'group') toggleOpen(r.group.id);
    else if (k === 'Enter' && r.kind === 'event') onSelect(r.event);
    else if (k === ' ' && r.kind === 'group') toggleShown(r.group.id);
    else return;
    e.preventDefault();
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - 5);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewH) / ROW_H) + 5);
  const activeRendered = activeIndex >= first && activeIndex < last && rows[activeIndex];
  return (
    <div className="events-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="event-list">
      <table
        className="events-table"
        role="treegrid"
        ref={table}
        tabIndex={0}
        aria-label="Events"
        aria-rowcount={rows.length + 1}
        aria-activedescendant={activeRendered ? rows[activeIndex].id : undefined}
        onKeyDown={onKey}
        onFocus={() => active === null && rows[0] && setActive(rows[0].id)}
        data-testid="event-grid"
      >
        <colgroup>
          {COLUMNS.map(([k, , w]) => (
            <col key={k} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                <button tabIndex={-1} onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))} title={`Sort by ${label.toLowerCase()}`}>
                  {label}
                  <span aria-hidden="true">{sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" style={{ height: first * ROW_H }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {rows.slice(first, last).map((r, i) =>
            r.kind === 'group' ? (
              <tr
                key={r.id}
                id={r.id}
                className={`group-row${r.id === active ? ' active' : ''}${hidden.has(r.group.id) ? ' off' : ''}`}
                aria-level={1}
                aria-expanded={r.open}
                aria-rowindex={first + i + 2}
                onClick={() => {
                  setActive(r.id);
                  toggleOpen(r.group.id);
                }}
                data-testid="event-group"
                data-group={r.group.id}
                data-count={r.count}
              >
                <td colSpan={COLUMNS.length - 1}>
                  <span aria-hidden="true" className="twisty">{r.open ? '▾' : '▸'}</span> {r.group.title(r.count)}
                </td>
                <td className="group-shown">
                  <button
                    tabIndex={-1}
                    aria-pressed={!hidden.has(r.group.id)}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      toggleShown(r.group.id);
                    }}
                    title="Show or hide these on the traces (Space)"
                    data-testid="group-shown"
                  >
                    {hidden.has(r.group.id) ? 'Hidden' : 'Shown'}
                  </button>
                </td>
              </tr>
            ) : (
              <EventRow
                key={r.id}
                id={r.id}
                event={r.event}
                channel={chan.get(r.event.channel)}
                selected={eventKey(r.event) === selected}
                active={r.id === active}
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
      {rows.length === 0 && <p className="empty">No events in this recording.</p>}
    </div>
  );
}
