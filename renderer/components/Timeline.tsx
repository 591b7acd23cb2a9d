import { useMemo, useRef } from 'react';
import { channelsOf } from '../../core/analysis/channels';
import type { AnalysedChannel, Analysis, DetectedEvent } from '../../core/analysis/types';
import { isOwnAnnotation } from '../../core/export/edf/event-text';
import type { RecordingAnnotation } from '../../core/recording';
import type { Pyramid } from '../../core/view/pyramid';
import { panBy, zoomAt, type View } from '../../core/view/viewport';
import { GAIN_STEPS } from '../../core/view/gain';
import { Overview } from '../chart/Overview';
import { TraceChart } from '../chart/TraceChart';
import { EVENT_CLASSES, type Palette } from '../chart/event-style';
import { formatAmount, formatClock, formatUnit } from '../../core/format';
import { useSize } from '../hooks/useSize';
import type { LoadedRecording } from '../worker/protocol';
import { ClassMark } from './ClassMark';
import { EventList } from '../events/EventList';
import { groupIdOf } from '../events/groups';
import { useRovingToolbar } from '../a11y/useRovingToolbar';

interface Props {
  loaded: LoadedRecording;
  analysis: Analysis;
  view: View;
  selected: string | null;
  addMode: boolean;
  hidden: ReadonlySet<string>;
  palette: Palette;
  onView(v: View): void;
  onSelect(e: DetectedEvent): void;
  onAddMode(on: boolean): void;
  onAdd(channelId: string, tS: number): void;
  onHidden(next: Set<string>): void;
  onZoom(factor: number): void;
  onFit(): void;
  onStep(dir: 1 | -1): void;
  onReview(action: 'confirm' | 'reject'): void;
  onAdjust(e: DetectedEvent, startS: number, endS: number): void;
  /** µV per division shared by the EMG channels, or null to fit each channel. */
  emgGain: number | null;
  onEmgGain(g: number | null): void;
  pageS: number;
  onPageS(s: number): void;
  /** About the twitch just added: its size, and a warning when it is below the channel's floor. */
  addedNote: { text: string; low: boolean } | null;
  measure: Measure;
  /** Channel order and the channels hidden from the traces (the list and counts keep them). */
  layout: ChannelLayout;
  onLayout(next: ChannelLayout): void;
  onMeasureMode(on: boolean): void;
  onMeasure(channelId: string, t: number, v: number): void;
}

export interface ChannelLayout {
  order: readonly string[];
  hidden: readonly string[];
}

/** The channels in the user's order (new ones at the end), without the hidden ones. */
function arrangeChannels<T extends { id: string }>(channels: readonly T[], layout: ChannelLayout): T[] {
  const rank = (id: string) => {
    const i = layout.order.indexOf(id);
    return i < 0 ? layout.order.length + channels.findIndex((c) => c.id === id) : i;
  };
  return channels.filter((c) => !layout.hidden.includes(c.id)).sort((a, b) => rank(a.id) - rank(b.id));
}

function moveChannel(channels: ReadonlyArray<{ id: string }>, layout: ChannelLayout, id: string, dir: 1 | -1): ChannelLayout {
  const order = arrangeChannels(channels, { order: layout.order, hidden: [] }).map((c) => c.id);
  const i = order.indexOf(id);
  const j = i + dir;
  if (i < 0 || j < 0 || j >= order.length) return layout;
  [order[i], order[j]] = [order[j], order[i]];
  return { ...layout, order };
}

/** Measurement cursors: on or off, and up to two points on one channel. */
export interface Measure {
  on: boolean;
  channel: string | null;
  points: ReadonlyArray<{ t: number; v: number }>;
}

/** Traces share the height available, within limits that keep them readable. */
const TRACE_MIN_H = 110;
const TRACE_MAX_H = 300;
const TRACE_GAP = 8;
export const PAGE_LENGTHS = [1, 5, 10, 30] as const;
const NO_POINTS: ReadonlyArray<{ t: number; v: number }> = [];

const NO_ANNOTATIONS: readonly RecordingAnnotation[] = [];

/** Overview strip, synced detail traces and the event list. */
export function Timeline(p: Props) {
  const { loaded, analysis, view, palette } = p;
  const durationS = loaded.recording.durationS;
  // An export's own annotations (its events and source) are shown as events, not again as markers.
  const annotations = useMemo(() => loaded.recording.annotations?.filter((a) => !isOwnAnnotation(a.text)) ?? NO_ANNOTATIONS, [loaded]);
  const chartsBox = useRef<HTMLDivElement>(null);
  const { height: chartsH } = useSize(chartsBox);
  // Keyed by channel ids, not by the channel objects: a review edit or a site change makes new objects,
  // and new pyramid arrays would rebuild every chart.
  const idsKey = analysis.channels.map((c) => c.id).join('\n');
  const pyramidsOf = useMemo(() => {
    const m = new Map<string, Pyramid[]>();
    for (const id of idsKey.split('\n')) {
      m.set(
        id,
        channelsOf(loaded.recording, id)
          .map((ch) => loaded.pyramids[ch.id])
          .filter((x): x is Pyramid => !!x),
      );
    }
    return m;
  }, [idsKey, loaded]);
  const rows = arrangeChannels(analysis.channels, p.layout).map((c) => {
    const pyramids = pyramidsOf.get(c.id) ?? [];
    const firstId = channelsOf(loaded.recording, c.id)[0]?.id;
    return { channel: c, pyramids, shownAs: firstId ? loaded.display[firstId] : null };
  });
  const byChannel = useMemo(() => {
    const m = new Map<string, DetectedEvent[]>();
    for (const c of analysis.channels) m.set(c.id, []);
    for (const e of analysis.events) if (!p.hidden.has(groupIdOf(e))) m.get(e.channel)?.push(e);
    return m;
  }, [analysis, p.hidden]);
  const traceHeight = Math.round(Math.min(TRACE_MAX_H, Math.max(TRACE_MIN_H, (chartsH - 12) / Math.max(1, rows.length) - TRACE_GAP)));

  return (
    <div className="timeline" data-testid="timeline" data-view-t0={view.t0} data-view-t1={view.t1}>
      <div className="timeline-main">
        <Overview durationS={durationS} events={analysis.events} view={view} palette={palette} onView={p.onView} />
        <Zoombar {...p} />
        <div className="timeline-info">
          <span className="range num">
            {formatClock(view.t0, 2)} – {formatClock(view.t1, 2)} of {formatClock(durationS)}
          </span>
          {p.measure.on && (
            <span className="measure-readout" data-testid="measure-readout">
              {measureText(p.measure, analysis)}
            </span>
          )}
          {p.layout.hidden.length > 0 && (
            <button onClick={() => p.onLayout({ ...p.layout, hidden: [] })} data-testid="show-all-channels">
              Show {p.layout.hidden.length} hidden channel{p.layout.hidden.length === 1 ? '' : 's'}
            </button>
          )}
          <span className="legend" role="group" aria-label="Legend">
            {EVENT_CLASSES.map((c) => (
              <span key={c.type}>
                <ClassMark type={c.type} /> {c.label}
              </span>
            ))}
          </span>
        </div>
        {p.addMode && (
          <p className="add-hint" data-testid="add-hint">
            <b>Adding a twitch:</b> click the peak of the missed twitch on a trace, or press Enter to add it at the dashed line. Esc leaves.
          </p>
        )}
        <div className="charts" ref={chartsBox} onWheel={(e) => e.ctrlKey && e.preventDefault()}>
          {rows.map(({ channel, pyramids, shownAs }) => (
            <div className="trace" key={channel.id}>
              <TraceLabel channel={channel} shownAs={shownAs} {...p} />
              <TraceChart
                channel={channel}
                pyramids={pyramids}
                view={view}
                events={byChannel.get(channel.id) ?? []}
                annotations={annotations}
                selected={p.selected}
                addMode={p.addMode}
                palette={palette}
                height={traceHeight}
                gain={channel.kind === 'emg' ? p.emgGain : null}
                onRange={(t0, t1) => p.onView({ t0, t1 })}
                onWheelZoom={(f, a) => p.onView(zoomAt(view, f, a, durationS))}
                onPan={(f) => p.onView(panBy(view, f, durationS))}
                onPickTime={(t) => p.onAdd(channel.id, t)}
                onPickEvent={p.onSelect}
                onAdjust={p.onAdjust}
                cursors={p.measure.channel === channel.id ? p.measure.points : NO_POINTS}
                measuring={p.measure.on}
                onMeasure={(t, v) => p.onMeasure(channel.id, t, v)}
              />
            </div>
          ))}
        </div>
      </div>
      <EventsPane {...p} />
    </div>
  );
}

/** Δt and Δamplitude between the two cursors, or what to do next. */
export function measureText(m: Measure, analysis: Analysis): string {
  if (m.points.length === 0) return 'Measure: click a first point on a trace.';
  if (m.points.length === 1) return 'Measure: click a second point on the same trace.';
  const [a, b] = m.points;
  const ch = analysis.channels.find((c) => c.id === m.channel);
  const dt = Math.abs(b.t - a.t);
  const dtText = dt < 1 ? `${(dt * 1000).toFixed(1)} ms` : `${dt.toFixed(3)} s`;
  return `Δt ${dtText} · Δ ${formatAmount(Math.abs(b.v - a.v), ch?.unit ?? '')} (${ch?.label ?? m.channel})`;
}

/** Zoom, stepping, scale, paging, measuring and adding: one toolbar, one tab stop, arrow keys between controls. */
function Zoombar(p: Props) {
  const zoombar = useRef<HTMLDivElement>(null);
  const roving = useRovingToolbar(zoombar);
  return (
    <div className="zoombar" role="toolbar" aria-label="Timeline controls" ref={zoombar} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <button className="icon" onClick={() => p.onZoom(2)} title="Zoom out (−)" aria-label="Zoom out" data-testid="zoom-out">
        −
      </button>
      <button className="icon" onClick={() => p.onZoom(0.5)} title="Zoom in (+)" aria-label="Zoom in" data-testid="zoom-in">
        +
      </button>
      <button onClick={p.onFit} title="Show the whole recording (0)" data-testid="zoom-fit">
        Fit
      </button>
      <button onClick={() => p.onStep(-1)} title="Previous twitch (P)" data-testid="prev">
        <span aria-hidden="true">◂ </span>Previous
      </button>
      <button onClick={() => p.onStep(1)} title="Next twitch (N)" data-testid="next">
        Next<span aria-hidden="true"> ▸</span>
      </button>
      <label title="EMG scale, shared by every EMG channel ([ and ] change it)">
        EMG scale
        <select value={p.emgGain ?? 'auto'} onChange={(e) => p.onEmgGain(e.target.value === 'auto' ? null : Number(e.target.value))} data-testid="emg-gain">
          {GAIN_STEPS.map((g) => (
            <option key={g} value={g}>
              {g} µV/div
            </option>
          ))}
          <option value="auto">Fit each channel</option>
        </select>
      </label>
      <label title="How far PgUp and PgDn move">
        Page
        <select value={p.pageS} onChange={(e) => p.onPageS(Number(e.target.value))} data-testid="page-length">
          {PAGE_LENGTHS.map((s) => (
            <option key={s} value={s}>
              {s} s
            </option>
          ))}
        </select>
      </label>
      <button aria-pressed={p.measure.on} onClick={() => p.onMeasureMode(!p.measure.on)} title="Measure: click two points on a trace (M)" data-testid="measure-mode">
        Measure
      </button>
      <button
        aria-pressed={p.addMode}
        onClick={() => p.onAddMode(!p.addMode)}
        title="Add a missed twitch: turn on, then click the spike on a trace (A)"
        data-testid="add-mode"
      >
        Add twitch
      </button>
    </div>
  );
}

/** The event list with Confirm and Reject, and what was just added. */
function EventsPane(p: Props) {
  const { analysis } = p;
  const selectedEvent = p.selected ? analysis.events.find((e) => `${e.channel}@${e.peakS.toFixed(4)}` === p.selected) : undefined;
  return (
    <aside className="events-pane" aria-labelledby="events-title">
      <div className="events-head">
        <h2 id="events-title">Events</h2>
        <span className="muted num">{analysis.events.length}</span>
      </div>
      <EventList events={analysis.events} channels={analysis.channels} selected={p.selected} hidden={p.hidden} onHidden={p.onHidden} onSelect={p.onSelect} />
      <div className="event-actions">
        <button onClick={() => p.onReview('confirm')} disabled={!selectedEvent} title="Confirm the selected event (C)" data-testid="confirm">
          <span aria-hidden="true">✓ </span>Confirm
        </button>
        <button onClick={() => p.onReview('reject')} disabled={!selectedEvent} title="Reject the selected event (X)" data-testid="reject">
          <span aria-hidden="true">✗ </span>Reject
        </button>
        {p.addedNote && (
          <p className={`added-note${p.addedNote.low ? ' warn' : ''}`} data-testid="added-note" data-low={p.addedNote.low}>
            {p.addedNote.low && <span aria-hidden="true">⚠ </span>}
            {p.addedNote.text}
          </p>
        )}
        <span className="muted" data-testid="selected-text">
          {selectedEvent ? `${selectedEvent.type === 'twitch' ? formatClock(selectedEvent.peakS, 3) : `${formatClock(selectedEvent.startS, 2)}–${formatClock(selectedEvent.endS, 2)}`} selected` : 'No event selected'}
        </span>
      </div>
    </aside>
  );
}

/** A trace's name, site, kind and filter, with the buttons that move or hide it. */
function TraceLabel({ channel, shownAs, ...p }: Props & { channel: AnalysedChannel; shownAs: string | null | undefined }) {
  const { analysis } = p;
  return (
    <div className="trace-label">
      <span className="name" title={channel.label}>
        {channel.label}
      </span>
      <span className="site" data-testid={`trace-site-${channel.id}`}>
        {channel.site ?? 'site not set'}
      </span>
      <span className="site">
        {channel.kind === 'emg' ? `EMG, ${formatUnit(channel.unit)}` : `Accel ${channel.axes?.join('/') ?? ''}, ${formatUnit(channel.unit)}`}
      </span>
      {shownAs && (
        <span className="site" title="Drawn filtered, as the detector sees it">
          {shownAs}
        </span>
      )}
      <span className="trace-tools">
        <button className="icon" onClick={() => p.onLayout(moveChannel(analysis.channels, p.layout, channel.id, -1))} aria-label={`Move ${channel.label} up`} title="Move up">
          ↑
        </button>
        <button className="icon" onClick={() => p.onLayout(moveChannel(analysis.channels, p.layout, channel.id, 1))} aria-label={`Move ${channel.label} down`} title="Move down">
          ↓
        </button>
        <button onClick={() => p.onLayout({ ...p.layout, hidden: [...p.layout.hidden, channel.id] })} aria-label={`Hide ${channel.label}`} data-testid={`hide-${channel.id}`}>
          Hide
        </button>
      </span>
    </div>
  );
}
