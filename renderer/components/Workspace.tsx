import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Analysis, DetectedEvent, EventType } from '../../core/analysis/types';
import { SENSITIVITY_DEFAULT } from '../../core/detect/params';
import { centreOn, fullView, panBy, zoomAt, type View } from '../../core/view/viewport';
import { eventKey, type Palette } from '../chart/event-style';
import type { SessionApi } from '../session/useSession';
import type { LoadedRecording } from '../worker/protocol';
import { GuidancePanel } from '../guidance/GuidancePanel';
import { Results } from '../results/Results';
import { SitesPanel } from './SitesPanel';
import { Timeline } from './Timeline';

type Tab = 'timeline' | 'results' | 'sites' | 'guidance';

interface Props {
  session: SessionApi;
  loaded: LoadedRecording;
  analysis: Analysis;
  palette: Palette;
  /** Commands from the toolbar or application menu, delivered by the parent. */
  command: { name: 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'show-guidance'; seq: number } | null;
}

/** Spans at or under this stay as they are when jumping between events; longer ones close in on the event. */
const JUMP_KEEP_SPAN_S = 5;
const JUMP_SPAN_S = 0.5;
const ALL_TYPES: ReadonlySet<EventType> = new Set<EventType>(['twitch', 'sustained', 'activity', 'artifact', 'movement']);

/** The review screen: tabs for timeline, results and sites, with the keyboard driving review. */
export function Workspace({ session, loaded, analysis, palette, command }: Props) {
  const durationS = loaded.recording.durationS;
  const [tab, setTab] = useState<Tab>('timeline');
  const [view, setViewRaw] = useState<View>(() => fullView(durationS));
  const [selected, setSelected] = useState<string | null>(null);
  const [addMode, setAddMode] = useState(false);
  const [types, setTypes] = useState<ReadonlySet<EventType>>(ALL_TYPES);
  const setView = useCallback((v: View) => setViewRaw(zoomAt(v, 1, v.t0, durationS)), [durationS]);

  const listed = useMemo(() => analysis.events.filter((e) => types.has(e.type)), [analysis.events, types]);
  const selectedEvent = selected ? analysis.events.find((e) => eventKey(e) === selected) ?? null : null;

  const jumpTo = useCallback(
    (e: DetectedEvent) => {
      setSelected(eventKey(e));
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
    (dir: 1 | -1) => {
      if (listed.length === 0) return;
      const from = selectedEvent?.peakS ?? (dir > 0 ? view.t0 - 1e-9 : view.t1 + 1e-9);
      const fromKey = selectedEvent ? eventKey(selectedEvent) : null;
      let target: DetectedEvent | undefined;
      if (dir > 0) target = listed.find((e) => e.peakS > from || (e.peakS === from && fromKey !== null && eventKey(e) > fromKey));
      else target = [...listed].reverse().find((e) => e.peakS < from || (e.peakS === from && fromKey !== null && eventKey(e) < fromKey));
      if (target) jumpTo(target);
    },
    [listed, selectedEvent, view, jumpTo],
  );

  const zoom = useCallback(
    (factor: number) =>
      setViewRaw((v) => zoomAt(v, factor, selectedEvent && selectedEvent.peakS >= v.t0 && selectedEvent.peakS <= v.t1 ? selectedEvent.peakS : (v.t0 + v.t1) / 2, durationS)),
    [selectedEvent, durationS],
  );

  const review = useCallback(
    (action: 'confirm' | 'reject') => {
      if (selectedEvent) session.review(selectedEvent, action);
    },
    [selectedEvent, session],
  );

  const add = useCallback(
    (channelId: string, t: number) => {
      const e = session.addTwitch(channelId, t);
      setAddMode(false);
      if (e) setSelected(eventKey(e));
    },
    [session],
  );

  useEffect(() => {
    if (!command) return;
    if (command.name === 'zoom-in') zoom(0.5);
    else if (command.name === 'zoom-out') zoom(2);
    else if (command.name === 'zoom-reset') setViewRaw(fullView(durationS));
    else setTab('guidance');
    // Only a new command (seq) should act, not a change of the callbacks it uses.
  }, [command?.seq]);

  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (target && ownsKey(target, e.key)) return;
    const mod = e.ctrlKey || e.metaKey;
    const k = e.key;
    if (mod && k.toLowerCase() === 'z') {
      if (e.shiftKey) session.redo();
      else session.undo();
    } else if (mod && k.toLowerCase() === 'y') session.redo();
    else if (mod || e.altKey) return;
    else if (tab !== 'timeline') return;
    else if (k === 'n' || k === 'N' || k === '.') step(1);
    else if (k === 'p' || k === 'P' || k === ',') step(-1);
    else if (k === 'c' || k === 'C') review('confirm');
    else if (k === 'x' || k === 'X') review('reject');
    else if (k === 'a' || k === 'A') setAddMode((m) => !m);
    else if (k === 'Enter' && addMode && !target?.closest('button, a')) {
      const channel = selectedEvent?.channel ?? analysis.channels[0]?.id;
      if (channel) add(channel, (view.t0 + view.t1) / 2);
    }
    else if (k === '+' || k === '=') zoom(0.5);
    else if (k === '-' || k === '_') zoom(2);
    else if (k === '0') setViewRaw(fullView(durationS));
    else if (k === 'ArrowLeft') setViewRaw((v) => panBy(v, -0.25, durationS));
    else if (k === 'ArrowRight') setViewRaw((v) => panBy(v, 0.25, durationS));
    else if (k === 'Escape') {
      setAddMode(false);
      setSelected(null);
    } else return;
    e.preventDefault();
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const twitches = analysis.summary.channels.reduce((n, c) => n + c.twitchCount, 0);
  const sustained = analysis.summary.channels.reduce((n, c) => n + c.sustainedCount, 0);
  const restS = analysis.summary.channels.reduce((m, c) => Math.max(m, c.restS), 0);
  const tabs: ReadonlyArray<[Tab, string]> = [
    ['timeline', 'Timeline'],
    ['results', 'Results'],
    ['sites', 'Sites & subject'],
    ['guidance', 'Guidance'],
  ];

  return (
    <>
      <div className="tabs" role="tablist" aria-label="Views">
        {tabs.map(([id, label]) => (
          <button key={id} role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => setTab(id)} data-testid={`tab-${id}`}>
            {label}
          </button>
        ))}
        <div className="counts" aria-live="polite">
          <span>
            Twitches <b data-testid="total-twitches">{twitches}</b>
          </span>
          <span>
            Sustained <b data-testid="total-sustained">{sustained}</b>
          </span>
          <span>
            Rest <b>{(restS / 60).toFixed(1)} min</b>
          </span>
          <span title="Detection sensitivity">
            Sensitivity <b>{Math.round((session.state.sensitivity ?? SENSITIVITY_DEFAULT.value) * 100)} %</b>
          </span>
        </div>
      </div>
      <div className="tabpanel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'timeline' && (
          <Timeline
            loaded={loaded}
            analysis={analysis}
            view={view}
            selected={selected}
            addMode={addMode}
            types={types}
            palette={palette}
            onView={setView}
            onSelect={jumpTo}
            onAddMode={setAddMode}
            onAdd={add}
            onTypes={setTypes}
            onZoom={zoom}
            onFit={() => setViewRaw(fullView(durationS))}
            onStep={step}
            onReview={review}
          />
        )}
        {tab === 'results' && <Results analysis={analysis} durationS={durationS} />}
        {tab === 'sites' && <SitesPanel analysis={analysis} session={session} />}
        {tab === 'guidance' && (
          <div className="page" data-testid="guidance">
            <GuidancePanel analysis={analysis} answers={session.state.answers} onAnswersChange={session.setAnswers} />
          </div>
        )}
      </div>
    </>
  );
}

/**
 * Whether the focused control needs this key itself: text fields and selects take every key, sliders and
 * check boxes only the keys that operate them, so review letters still work after ticking a filter.
 */
function ownsKey(target: HTMLElement, key: string): boolean {
  if (target.isContentEditable || target.closest('textarea, select, [role="dialog"]')) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  if (target.type === 'checkbox' || target.type === 'radio' || target.type === 'range') {
    return key.startsWith('Arrow') || key === ' ' || key === 'Enter' || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown';
  }
  return true;
}
