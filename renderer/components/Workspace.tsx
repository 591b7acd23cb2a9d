import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { SENSITIVITY_DEFAULT } from '../../core/detect/params';
import { detectionFloor } from '../../core/review/added-event';
import { stepEvent } from '../../core/review/navigate';
import { isReviewable, isReviewed, reviewProgress } from '../../core/review/progress';
import { defaultGain, stepGain } from '../../core/view/gain';
import { centreOn, clampView, fullView, panBy, zoomAt, type View } from '../../core/view/viewport';
import { useAnnounce } from '../a11y/announcer';
import { groupIdOf, isSpan } from '../events/groups';
import { TabList, panelId, tabId } from '../a11y/Tabs';
import { classOf, eventKey, reviewLabel, type Palette } from '../chart/event-style';
import { formatAmount, formatClock } from '../../core/format';
import { useCommandKeys } from '../hooks/useCommandKeys';
import type { CommandId, CommandScope, ShortcutMode } from '../platform/commands';
import type { SessionApi } from '../session/useSession';
import type { LoadedRecording } from '../worker/protocol';
import { GuidancePanel } from '../guidance/GuidancePanel';
import { Results } from '../results/Results';
import { SitesPanel } from './SitesPanel';
import { Timeline, measureText, type Measure } from './Timeline';

type Tab = 'timeline' | 'results' | 'sites' | 'guidance';

interface Props {
  session: SessionApi;
  loaded: LoadedRecording;
  analysis: Analysis;
  palette: Palette;
  shortcutMode: ShortcutMode;
  /** Commands from the toolbar or application menu, delivered by the parent. */
  command: { name: 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'show-guidance'; seq: number } | null;
}

/** Spans at or under this stay as they are when jumping between events; longer ones close in on the event. */
const JUMP_KEEP_SPAN_S = 5;
const JUMP_SPAN_S = 0.5;
const TABS: ReadonlyArray<readonly [Tab, string]> = [
  ['timeline', 'Timeline'],
  ['results', 'Results'],
  ['sites', 'Sites & subject'],
  ['guidance', 'Guidance'],
];
const REVIEW_SCOPES: ReadonlySet<CommandScope> = new Set(['review']);
const TIMELINE_SCOPES: ReadonlySet<CommandScope> = new Set(['review', 'timeline']);

/** The review screen: tabs for timeline, results and sites, with the keyboard driving review. */
export function Workspace({ session, loaded, analysis, palette, shortcutMode, command }: Props) {
  const durationS = loaded.recording.durationS;
  const announce = useAnnounce();
  const [tab, setTab] = useState<Tab>('timeline');
  const [view, setViewRaw] = useState<View>(() => fullView(durationS));
  const [selected, setSelected] = useState<string | null>(null);
  const [addMode, setAddMode] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [emgGain, setEmgGain] = useState<number | null>(() => gainFor(analysis));
  const [pageS, setPageS] = useState(10);
  const [measure, setMeasure] = useState<Measure>({ on: false, channel: null, points: [] });
  const [addedNote, setAddedNote] = useState<{ text: string; low: boolean } | null>(null);
  const setView = useCallback((v: View) => setViewRaw(zoomAt(v, 1, v.t0, durationS)), [durationS]);

  const listed = useMemo(() => analysis.events.filter((e) => !hidden.has(groupIdOf(e))), [analysis.events, hidden]);
  const selectedEvent = selected ? analysis.events.find((e) => eventKey(e) === selected) ?? null : null;
  const progress = useMemo(() => reviewProgress(analysis.events), [analysis.events]);

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

  // A review change is read out once the reviewed analysis has it: what changed, and how far review has come.
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
      setSelected(eventKey(e));
      const note = describeAdded(analysis, e);
      setAddedNote(note);
      announce(note.text);
    },
    [session, analysis, announce],
  );

  useEffect(() => {
    if (!command) return;
    if (command.name === 'zoom-in') zoom(0.5);
    else if (command.name === 'zoom-out') zoom(2);
    else if (command.name === 'zoom-reset') setViewRaw(fullView(durationS));
    else setTab('guidance');
    // Only a new command (seq) should act, not a change of the callbacks it uses.
  }, [command?.seq]);

  const run = (c: CommandId): boolean => {
    if (c === 'undo' || c === 'redo') {
      if (c === 'undo') session.undo();
      else session.redo();
      announce(c === 'undo' ? 'Undone.' : 'Redone.');
      return true;
    }
    const twitch = (e: DetectedEvent) => e.type === 'twitch';
    const unreviewed = (e: DetectedEvent) => isReviewable(e) && !isReviewed(e);
    switch (c) {
      case 'next-twitch': step(1, twitch, 'twitch'); break;
      case 'prev-twitch': step(-1, twitch, 'twitch'); break;
      case 'next-event': step(1, () => true, 'event'); break;
      case 'prev-event': step(-1, () => true, 'event'); break;
      case 'next-unreviewed': step(1, unreviewed, 'event to review'); break;
      case 'confirm': review('confirm'); break;
      case 'reject': review('reject'); break;
      case 'add-mode': setAddMode((m) => !m); break;
      case 'add-at-centre': {
        if (!addMode) return false;
        const channel = selectedEvent?.channel ?? analysis.channels[0]?.id;
        if (channel) add(channel, (view.t0 + view.t1) / 2);
        break;
      }
      case 'zoom-in': zoom(0.5); break;
      case 'zoom-out': zoom(2); break;
      case 'zoom-fit': setViewRaw(fullView(durationS)); break;
      case 'pan-earlier': setViewRaw((v) => panBy(v, -0.25, durationS)); break;
      case 'pan-later': setViewRaw((v) => panBy(v, 0.25, durationS)); break;
      case 'page-earlier':
      case 'page-later': {
        const d = c === 'page-later' ? pageS : -pageS;
        const v = clampView({ t0: view.t0 + d, t1: view.t0 + d + pageS }, durationS);
        setViewRaw(v);
        announce(`${formatClock(v.t0, 1)} to ${formatClock(v.t1, 1)}`);
        break;
      }
      case 'gain-up':
      case 'gain-down': {
        const g = stepGain(emgGain ?? gainFor(analysis), c === 'gain-up' ? 1 : -1);
        setEmgGain(g);
        announce(`EMG scale ${g} µV per division`);
        break;
      }
      case 'measure':
        setMeasure((m) => ({ on: !m.on, channel: null, points: [] }));
        break;
      case 'escape':
        setMeasure({ on: false, channel: null, points: [] });
        setAddMode(false);
        setSelected(null);
        break;
      default:
        return false;
    }
    return true;
  };
  useCommandKeys(shortcutMode, tab === 'timeline' ? TIMELINE_SCOPES : REVIEW_SCOPES, run);

  const twitches = analysis.summary.channels.reduce((n, c) => n + c.twitchCount, 0);
  const sustained = analysis.summary.channels.reduce((n, c) => n + c.sustainedCount, 0);
  const restS = analysis.summary.channels.reduce((m, c) => Math.max(m, c.restS), 0);

  return (
    <main className="workspace" aria-labelledby="review-heading">
      <h1 id="review-heading" className="sr-only" tabIndex={-1} data-screen-heading>
        Review of {loaded.recording.file}
      </h1>
      <div className="tabs">
        <TabList<Tab> label="Views" prefix="review" tabs={TABS} selected={tab} onSelect={setTab} testidPrefix="tab-" />
        <div className="counts">
          <span>
            Twitches <b data-testid="total-twitches">{twitches}</b>
          </span>
          <span>
            Sustained <b data-testid="total-sustained">{sustained}</b>
          </span>
          <span>
            Rest <b>{(restS / 60).toFixed(1)} min</b>
          </span>
          <span>
            Reviewed{' '}
            <b data-testid="review-progress">
              {progress.reviewed} of {progress.total}
            </b>
          </span>
          <span>
            Sensitivity <b>{Math.round((session.state.sensitivity ?? SENSITIVITY_DEFAULT.value) * 100)} %</b>
          </span>
        </div>
      </div>
      <div className="tabpanel" role="tabpanel" id={panelId('review', tab)} aria-labelledby={tabId('review', tab)}>
        {tab === 'timeline' && (
          <Timeline
            loaded={loaded}
            analysis={analysis}
            view={view}
            selected={selected}
            addMode={addMode}
            hidden={hidden}
            palette={palette}
            onView={setView}
            onSelect={jumpTo}
            onAddMode={setAddMode}
            onAdd={add}
            onHidden={setHidden}
            onZoom={zoom}
            onFit={() => setViewRaw(fullView(durationS))}
            onStep={(dir) => run(dir > 0 ? 'next-twitch' : 'prev-twitch')}
            onReview={review}
            onAdjust={(e, s0, s1) => {
              session.adjustSpan(e, s0, s1);
              announce(`${classOf(e.type).label} now ${formatClock(s0, 2)} to ${formatClock(s1, 2)}`);
            }}
            emgGain={emgGain}
            onEmgGain={setEmgGain}
            pageS={pageS}
            onPageS={setPageS}
            addedNote={addedNote}
            measure={measure}
            onMeasureMode={(on) => setMeasure({ on, channel: null, points: [] })}
            onMeasure={(channel, t, v) => {
              const next: Measure = measure.channel === channel && measure.points.length === 1 ? { on: true, channel, points: [measure.points[0], { t, v }] } : { on: true, channel, points: [{ t, v }] };
              setMeasure(next);
              if (next.points.length === 2) announce(measureText(next, analysis));
            }}
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
    </main>
  );
}

/** The shared EMG gain that fits this recording's twitches (accelerometers always fit their data). */
function gainFor(analysis: Analysis): number {
  const emg = new Set(analysis.channels.filter((c) => c.kind === 'emg').map((c) => c.id));
  const amps = analysis.events.filter((e) => e.type === 'twitch' && emg.has(e.channel)).map((e) => e.amplitude);
  return defaultGain(amps, analysis.summary.channels.filter((s) => emg.has(s.channel)).map((s) => s.noiseFloor));
}

/** What an added twitch measures, and a warning when it is below what the detector could have seen. */
function describeAdded(analysis: Analysis, e: DetectedEvent): { text: string; low: boolean } {
  const ch = analysis.channels.find((c) => c.id === e.channel);
  const summary = analysis.summary.channels.find((s) => s.channel === e.channel);
  const unit = ch?.unit ?? '';
  const snr = summary && summary.noiseFloor > 0 ? e.amplitude / summary.noiseFloor : null;
  const floor = ch ? detectionFloor(ch, summary, analysis.parameters) : null;
  const what = `Added at ${formatClock(e.peakS, 2)}: ${formatAmount(e.amplitude, unit)}${snr !== null ? `, ${snr.toFixed(1)} × the noise` : ''}.`;
  if (floor !== null && e.amplitude < floor) {
    return { text: `${what} That is below this channel's smallest detectable twitch (${formatAmount(floor, unit)}), so it may be noise.`, low: true };
  }
  return { text: what, low: false };
}
