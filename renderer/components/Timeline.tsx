import { useMemo, useRef } from 'react';
import { channelsOf } from '../../core/analysis/channels';
import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { isOwnAnnotation } from '../../core/export/edf/event-text';
import type { RecordingAnnotation } from '../../core/recording';
import type { Pyramid } from '../../core/view/pyramid';
import { panBy, zoomAt } from '../../core/view/viewport';
import { GAIN_STEPS } from '../../core/view/gain';
import { Overview } from '../chart/Overview';
import { TraceChart } from '../chart/TraceChart';
import { EVENT_CLASSES, type Palette } from '../chart/event-style';
import { formatClock } from '../../core/format';
import { useSize } from '../hooks/useSize';
import type { LoadedRecording } from '../worker/protocol';
import { ClassMark } from './ClassMark';
import { EventsPane } from './EventsPane';
import { groupIdOf } from '../events/groups';
import { useRovingToolbar } from '../a11y/useRovingToolbar';
import { TraceLabel, arrangeChannels } from './TraceLabel';
import { measureText, type useMeasure } from './useMeasure';
import type { useReviewEditing } from './useReviewEditing';
import type { useReviewNavigation } from './useReviewNavigation';
import type { SignalViews } from './useSignalViews';
import type { useTraceDisplay } from './useTraceDisplay';

interface Props {
  loaded: LoadedRecording;
  analysis: Analysis;
  palette: Palette;
  /** Where the view is and which event is selected, and the moves the timeline's controls make. */
  nav: Pick<ReturnType<typeof useReviewNavigation>, 'view' | 'selected' | 'setView' | 'jumpTo' | 'zoom'>;
  onFit(): void;
  onStep(dir: 1 | -1): void;
  display: ReturnType<typeof useTraceDisplay>;
  editing: ReturnType<typeof useReviewEditing>;
  measure: ReturnType<typeof useMeasure>;
  signals: SignalViews;
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
  const { loaded, analysis, nav, palette, display, editing, measure, signals } = p;
  const view = nav.view;
  const durationS = loaded.recording.durationS;
  // An export's own annotations (its events and source) are shown as events, not again as markers.
  const annotations = useMemo(() => loaded.recording.annotations?.filter((a) => !isOwnAnnotation(a.text)) ?? NO_ANNOTATIONS, [loaded]);
  const chartsBox = useRef<HTMLDivElement>(null);
  const { height: chartsH } = useSize(chartsBox);
  const pyramidsOf = useFilteredPyramids(loaded, analysis);
  const rows = arrangeChannels(analysis.channels, display.layout).map((c) => {
    const firstId = channelsOf(loaded.recording, c.id)[0]?.id;
    return { channel: c, pyramids: signals.raw.get(c.id) ?? pyramidsOf.get(c.id) ?? [], view: signals.viewOf(c.id), filter: firstId ? loaded.display[firstId] : null };
  });
  const byChannel = useMemo(() => {
    const m = new Map<string, DetectedEvent[]>();
    for (const c of analysis.channels) m.set(c.id, []);
    for (const e of analysis.events) if (!display.hiddenGroups.has(groupIdOf(e))) m.get(e.channel)?.push(e);
    return m;
  }, [analysis, display.hiddenGroups]);
  const traceHeight = Math.round(Math.min(TRACE_MAX_H, Math.max(TRACE_MIN_H, (chartsH - 12) / Math.max(1, rows.length) - TRACE_GAP)));
  const m = measure.measure;

  return (
    <div className="timeline" data-testid="timeline" data-view-t0={view.t0} data-view-t1={view.t1}>
      <div className="timeline-main">
        <Overview durationS={durationS} events={analysis.events} view={view} palette={palette} onView={nav.setView} />
        <Zoombar {...p} />
        <div className="timeline-info">
          <span className="range num">
            {formatClock(view.t0, 2)} – {formatClock(view.t1, 2)} of {formatClock(durationS)}
          </span>
          {m.on && (
            <span className="measure-readout" data-testid="measure-readout">
              {measureText(m, analysis, signals.viewOf)}
            </span>
          )}
          {display.layout.hidden.length > 0 && (
            <button onClick={() => display.setLayout({ ...display.layout, hidden: [] })} data-testid="show-all-channels">
              Show {display.layout.hidden.length} hidden channel{display.layout.hidden.length === 1 ? '' : 's'}
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
        {editing.addMode && (
          <p className="add-hint" data-testid="add-hint">
            <b>Adding a twitch:</b> click the peak of the missed twitch on a trace, or press Enter to add it at the dashed line. Esc leaves.
          </p>
        )}
        <div className="charts" ref={chartsBox} onWheel={(e) => e.ctrlKey && e.preventDefault()}>
          {rows.map(({ channel, pyramids, view: shown, filter }) => (
            <div className="trace" key={channel.id}>
              <TraceLabel
                channel={channel}
                channels={analysis.channels}
                filter={filter}
                view={shown}
                pending={signals.pending.has(channel.id)}
                onToggleView={() => signals.toggle(channel.id, channel.label)}
                layout={display.layout}
                onLayout={display.setLayout}
              />
              <TraceChart
                channel={channel}
                pyramids={pyramids}
                view={view}
                events={byChannel.get(channel.id) ?? []}
                annotations={annotations}
                selected={nav.selected}
                addMode={editing.addMode}
                palette={palette}
                height={traceHeight}
                gain={channel.kind === 'emg' ? display.emgGain : null}
                centreOnData={shown === 'raw'}
                onRange={(t0, t1) => nav.setView({ t0, t1 })}
                onWheelZoom={(f, a) => nav.setView(zoomAt(view, f, a, durationS))}
                onPan={(f) => nav.setView(panBy(view, f, durationS))}
                onPickTime={(t) => editing.add(channel.id, t)}
                onPickEvent={nav.jumpTo}
                onAdjust={editing.adjust}
                cursors={m.channel === channel.id ? m.points : NO_POINTS}
                measuring={m.on}
                onMeasure={(t, v) => measure.place(channel.id, t, v)}
              />
            </div>
          ))}
        </div>
      </div>
      <EventsPane
        analysis={analysis}
        selected={nav.selected}
        hidden={display.hiddenGroups}
        onHidden={display.setHiddenGroups}
        onSelect={nav.jumpTo}
        onReview={editing.review}
        addedNote={editing.addedNote}
      />
    </div>
  );
}

/**
 * The filtered pyramids of each analysed channel (one per axis). Keyed by channel ids, not by the channel
 * objects: a review edit or a site change makes new objects, and new pyramid arrays would rebuild every chart.
 */
function useFilteredPyramids(loaded: LoadedRecording, analysis: Analysis): Map<string, Pyramid[]> {
  const idsKey = analysis.channels.map((c) => c.id).join('\n');
  return useMemo(() => {
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
}

/** Zoom, stepping, scale, paging, measuring and adding: one toolbar, one tab stop, arrow keys between controls. */
function Zoombar({ display, editing, measure, nav, ...p }: Props) {
  const zoombar = useRef<HTMLDivElement>(null);
  const roving = useRovingToolbar(zoombar);
  return (
    <div className="zoombar" role="toolbar" aria-label="Timeline controls" ref={zoombar} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <button className="icon" onClick={() => nav.zoom(2)} title="Zoom out (−)" aria-label="Zoom out" data-testid="zoom-out">
        −
      </button>
      <button className="icon" onClick={() => nav.zoom(0.5)} title="Zoom in (+)" aria-label="Zoom in" data-testid="zoom-in">
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
        <select value={display.emgGain ?? 'auto'} onChange={(e) => display.setEmgGain(e.target.value === 'auto' ? null : Number(e.target.value))} data-testid="emg-gain">
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
        <select value={display.pageS} onChange={(e) => display.setPageS(Number(e.target.value))} data-testid="page-length">
          {PAGE_LENGTHS.map((s) => (
            <option key={s} value={s}>
              {s} s
            </option>
          ))}
        </select>
      </label>
      <button aria-pressed={measure.measure.on} onClick={measure.toggleMeasuring} title="Measure: click two points on a trace (M)" data-testid="measure-mode">
        Measure
      </button>
      <button
        aria-pressed={editing.addMode}
        onClick={() => editing.setAddMode(!editing.addMode)}
        title="Add a missed twitch: turn on, then click the spike on a trace (A)"
        data-testid="add-mode"
      >
        Add twitch
      </button>
    </div>
  );
}
