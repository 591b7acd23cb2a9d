import { useEffect, useMemo, useState } from 'react';
import type { Analysis } from '../../core/analysis/types';
import { fullView } from '../../core/view/viewport';
import { useAnnounce } from '../a11y/announcer';
import { groupIdOf } from '../events/groups';
import { TabList, panelId, tabId } from '../a11y/Tabs';
import type { Palette } from '../chart/event-style';
import { useCommandKeys } from '../hooks/useCommandKeys';
import type { CommandId, CommandScope, ShortcutMode } from '../../core/platform/commands';
import { runReviewCommand } from './review-commands';
import { useReviewNavigation } from './useReviewNavigation';
import type { SessionApi } from '../session/useSession';
import type { LoadedRecording } from '../worker/protocol';
import { GuidancePanel } from '../guidance/GuidancePanel';
import { Results } from '../results/Results';
import { SitesPanel } from './SitesPanel';
import { Timeline } from './Timeline';
import { ReviewCounts } from './ReviewCounts';
import { useMeasure } from './useMeasure';
import { useReviewEditing } from './useReviewEditing';
import { useSignalViews } from './useSignalViews';
import { useTraceDisplay } from './useTraceDisplay';

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
  const display = useTraceDisplay(analysis);
  const signals = useSignalViews({ loaded, pyramid: session.pyramid, announce, notify: session.notify });
  const listed = useMemo(() => analysis.events.filter((e) => !display.hiddenGroups.has(groupIdOf(e))), [analysis.events, display.hiddenGroups]);
  const nav = useReviewNavigation(analysis.events, listed, durationS, announce);
  const editing = useReviewEditing({ session, analysis, selectedEvent: nav.selectedEvent, select: nav.setSelected, announce, viewOf: signals.viewOf });
  const measure = useMeasure(analysis, announce, signals.viewOf);

  useEffect(() => {
    if (!command) return;
    if (command.name === 'zoom-in') nav.zoom(0.5);
    else if (command.name === 'zoom-out') nav.zoom(2);
    else if (command.name === 'zoom-reset') nav.setViewRaw(fullView(durationS));
    else setTab('guidance');
    // Only a new command (seq) should act, not a change of the callbacks it uses.
  }, [command?.seq]);

  const run = (c: CommandId): boolean =>
    runReviewCommand(c, {
      undo: () => session.undo(),
      redo: () => session.redo(),
      announce,
      step: nav.step,
      review: editing.review,
      toggleAdd: () => editing.setAddMode((m) => !m),
      addAtCentre: () => {
        if (!editing.addMode) return false;
        const channel = nav.selectedEvent?.channel ?? analysis.channels[0]?.id;
        if (channel) editing.add(channel, (nav.view.t0 + nav.view.t1) / 2);
        return true;
      },
      zoom: nav.zoom,
      setView: nav.setViewRaw,
      view: nav.view,
      durationS,
      pageS: display.pageS,
      stepGain: display.stepGain,
      toggleMeasure: measure.toggleMeasuring,
      escape: () => {
        measure.setMeasuring(false);
        editing.setAddMode(false);
        nav.setSelected(null);
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
        <ReviewCounts analysis={analysis} progress={editing.progress} sensitivity={session.state.sensitivity} />
      </div>
      <div className="tabpanel" role="tabpanel" id={panelId('review', tab)} aria-labelledby={tabId('review', tab)}>
        {tab === 'timeline' && (
          <Timeline
            loaded={loaded}
            analysis={analysis}
            palette={palette}
            nav={nav}
            onFit={() => nav.setViewRaw(fullView(durationS))}
            onStep={(dir) => run(dir > 0 ? 'next-twitch' : 'prev-twitch')}
            display={display}
            editing={editing}
            measure={measure}
            signals={signals}
          />
        )}
        {tab === 'results' && <Results analysis={analysis} durationS={durationS} startTime={loaded.recording.startTime} />}
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
