import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { SENSITIVITY_DEFAULT } from '../../core/detect/params';
import { detectionFloor } from '../../core/review/added-event';
import { reviewProgress } from '../../core/review/progress';
import { defaultGain, stepGain } from '../../core/view/gain';
import { fullView } from '../../core/view/viewport';
import { useAnnounce } from '../a11y/announcer';
import { groupIdOf } from '../events/groups';
import { TabList, panelId, tabId } from '../a11y/Tabs';
import { classOf, eventKey, reviewLabel, type Palette } from '../chart/event-style';
import { formatAmount, formatClock } from '../../core/format';
import { useCommandKeys } from '../hooks/useCommandKeys';
import type { CommandId, CommandScope, ShortcutMode } from '../../core/platform/commands';
import { runReviewCommand } from './review-commands';
import { useReviewNavigation } from './useReviewNavigation';
import type { SessionApi } from '../session/useSession';
import type { LoadedRecording } from '../worker/protocol';
import { GuidancePanel } from '../guidance/GuidancePanel';
import { Results } from '../results/Results';
import { SitesPanel } from './SitesPanel';
import { Timeline, measureText, type ChannelLayout, type Measure } from './Timeline';

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
  const [addMode, setAddMode] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [emgGain, setEmgGain] = useState<number | null>(() => gainFor(analysis));
  const [pageS, setPageS] = useState(10);
  const [layout, setLayout] = useState<ChannelLayout>({ order: [], hidden: [] });
  const [measure, setMeasure] = useState<Measure>({ on: false, channel: null, points: [] });
  const [addedNote, setAddedNote] = useState<{ text: string; low: boolean } | null>(null);
  const listed = useMemo(() => analysis.events.filter((e) => !hidden.has(groupIdOf(e))), [analysis.events, hidden]);
  const { view, setView, setViewRaw, selected, setSelected, selectedEvent, jumpTo, step, zoom } = useReviewNavigation(analysis.events, listed, durationS, announce);
  const progress = useMemo(() => reviewProgress(analysis.events), [analysis.events]);

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

  const run = (c: CommandId): boolean =>
    runReviewCommand(c, {
      undo: () => session.undo(),
      redo: () => session.redo(),
      announce,
      step,
      review,
      toggleAdd: () => setAddMode((m) => !m),
      addAtCentre: () => {
        if (!addMode) return false;
        const channel = selectedEvent?.channel ?? analysis.channels[0]?.id;
        if (channel) add(channel, (view.t0 + view.t1) / 2);
        return true;
      },
      zoom,
      setView: setViewRaw,
      view,
      durationS,
      pageS,
      stepGain: (dir) => {
        const g = stepGain(emgGain ?? gainFor(analysis), dir);
        setEmgGain(g);
        return g;
      },
      toggleMeasure: () => setMeasure((m) => ({ on: !m.on, channel: null, points: [] })),
      escape: () => {
        setMeasure({ on: false, channel: null, points: [] });
        setAddMode(false);
        setSelected(null);
      },
    });
  useCommandKeys(shortcutMode, tab === 'timeline' ? TIMELINE_SCOPES : REVIEW_SCOPES, run);

  return (
    <main className="workspace" aria-labelledby="review-heading">
      <h1 id="review-heading" className="sr-only" tabIndex={-1} data-screen-heading>
        Review of {loaded.recording.file}
      </h1>
      <div className="tabs">
        <TabList<Tab> label="Views" prefix="review" tabs={TABS} selected={tab} onSelect={setTab} testidPrefix="tab-" />
        <ReviewCounts analysis={analysis} progress={progress} sensitivity={session.state.sensitivity} />
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
            layout={layout}
            onLayout={setLayout}
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
            <GuidancePanel analysis={analysis} answers={session.state.answers} onAnswersChange={session.setAnswers} context={session.state.context} onContextChange={session.setContext} />
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

/** The totals beside the tabs, with how far review has come. */
function ReviewCounts({ analysis, progress, sensitivity }: { analysis: Analysis; progress: { reviewed: number; total: number }; sensitivity: number | null }) {
  const twitches = analysis.summary.channels.reduce((n, c) => n + c.twitchCount, 0);
  const sustained = analysis.summary.channels.reduce((n, c) => n + c.sustainedCount, 0);
  const restS = analysis.summary.channels.reduce((m, c) => Math.max(m, c.restS), 0);
  return (
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
        Sensitivity <b>{Math.round((sensitivity ?? SENSITIVITY_DEFAULT.value) * 100)} %</b>
      </span>
    </div>
  );
}
