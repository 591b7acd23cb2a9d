import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysedChannel, DetectedEvent, EventType } from '../../core/analysis/types';
import { EVENT_CLASSES, classLabel, eventKey, reviewLabel } from '../chart/event-style';
import { ClassMark } from './ClassMark';
import { formatAmount, formatClock } from '../format';

type SortKey = 'time' | 'channel' | 'type' | 'amplitude' | 'snr' | 'review';

interface Props {
  events: readonly DetectedEvent[];
  channels: readonly AnalysedChannel[];
  selected: string | null;
  types: ReadonlySet<EventType>;
  onTypes(t: Set<EventType>): void;
  onSelect(e: DetectedEvent): void;
}

const ROW_H = 26;
const COLUMNS: ReadonlyArray<[SortKey, string, string]> = [
  ['time', 'Time', '17%'],
  ['channel', 'Site', '24%'],
  ['type', 'Class', '22%'],
  ['amplitude', 'Peak', '17%'],
  ['review', 'Status', '20%'],
];

/** The sortable list of events; only visible rows are rendered, so hours of events scroll smoothly. */
export function EventList({ events, channels, selected, types, onTypes, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'time', desc: false });
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(400);
  const scroller = useRef<HTMLDivElement>(null);
  const chan = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);

  const rows = useMemo(() => {
    const list = events.filter((e) => types.has(e.type));
    const dir = sort.desc ? -1 : 1;
    const siteName = (e: DetectedEvent) => chan.get(e.channel)?.site ?? chan.get(e.channel)?.label ?? e.channel;
    const cmp: Record<SortKey, (a: DetectedEvent, b: DetectedEvent) => number> = {
      time: (a, b) => a.peakS - b.peakS,
      channel: (a, b) => siteName(a).localeCompare(siteName(b)) || a.peakS - b.peakS,
      type: (a, b) => a.type.localeCompare(b.type) || a.peakS - b.peakS,
      amplitude: (a, b) => a.amplitude - b.amplitude,
      snr: (a, b) => a.snr - b.snr,
      review: (a, b) => reviewLabel(a).localeCompare(reviewLabel(b)) || a.peakS - b.peakS,
    };
    return list.sort((a, b) => dir * cmp[sort.key](a, b));
  }, [events, types, sort, chan]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view when the selection moves by keyboard or by clicking a mark.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !selected) return;
    const i = rows.findIndex((e) => eventKey(e) === selected);
    if (i < 0) return;
    const top = i * ROW_H;
    const head = ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H > el.scrollTop + el.clientHeight - head) el.scrollTop = top + 2 * ROW_H - el.clientHeight;
  }, [selected, rows]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - 5);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewH) / ROW_H) + 5);
  const toggleType = (t: EventType) => {
    const next = new Set(types);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    onTypes(next);
  };

  return (
    <>
      <div className="events-filter" role="group" aria-label="Show event classes">
        {EVENT_CLASSES.map((c) => (
          <label key={c.type}>
            <input type="checkbox" checked={types.has(c.type)} onChange={() => toggleType(c.type)} /> <ClassMark type={c.type} /> {c.label}
          </label>
        ))}
      </div>
      <div className="events-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="event-list">
        <table className="events-table" aria-label="Detected events" aria-rowcount={rows.length + 1}>
          <colgroup>
            {COLUMNS.map(([k, , w]) => (
              <col key={k} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                  <button onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))} title={`Sort by ${label.toLowerCase()}`}>
                    {label}
                    {sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}
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
            {rows.slice(first, last).map((e, i) => {
              const key = eventKey(e);
              const ch = chan.get(e.channel);
              return (
                <tr
                  key={key + e.type}
                  aria-selected={key === selected}
                  aria-rowindex={first + i + 2}
                  className={e.review === 'rejected' ? 'rejected' : undefined}
                  onClick={() => onSelect(e)}
                  tabIndex={0}
                  onKeyDown={(ev) => {
                    if (ev.key === 'Enter' || ev.key === ' ') {
                      ev.preventDefault();
                      onSelect(e);
                    }
                  }}
                  data-testid="event-row"
                  data-review={e.review ?? 'detected'}
                >
                  <td className="num">{formatClock(e.peakS, 2)}</td>
                  <td title={ch?.label}>{ch?.site ?? ch?.label ?? e.channel}</td>
                  <td>
                    <ClassMark type={e.type} /> {classLabel(e)}
                  </td>
                  <td className="num">{formatAmount(e.amplitude, ch?.unit ?? '')}</td>
                  <td className="status">{reviewLabel(e)}</td>
                </tr>
              );
            })}
            {last < rows.length && (
              <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_H }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty" style={{ padding: 10 }}>No events of the selected classes.</p>}
      </div>
    </>
  );
}
