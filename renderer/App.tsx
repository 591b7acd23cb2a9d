import { useCallback, useEffect, useRef, useState } from 'react';
import { ALL_FORMATS } from '../core/import/index';
import { ImportCheck } from './components/ImportCheck';
import { MessageBanner } from './components/MessageBanner';
import { ProgressOverlay } from './components/ProgressOverlay';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { StartScreen } from './components/StartScreen';
import { Toolbar } from './components/Toolbar';
import { Workspace } from './components/Workspace';
import type { AnonymiseOptions } from '../core/export/anonymise';
import { exportAs, type ExportKind } from './exports';
import { useCommandKeys } from './hooks/useCommandKeys';
import { useOpenRequests } from './hooks/useOpenRequests';
import { useScreenFocus } from './hooks/useScreenFocus';
import { useShortcutMode } from './hooks/useShortcutMode';
import { useTheme } from './hooks/useTheme';
import { LibraryScreen } from './library/LibraryScreen';
import { useLibrary } from './library/useLibrary';
import { useRecordAnalyses } from './library/useRecordAnalyses';
import { usePlatform } from './platform/context';
import type { CommandScope } from '../core/platform/commands';
import type { MenuCommand } from '../core/platform/api';
import { useAutosave } from './session/useAutosave';
import { useSession } from './session/useSession';

const FORMAT_CHOICES = ALL_FORMATS.map((f) => ({ id: f.id, name: f.name }));
const APP_SCOPES: ReadonlySet<CommandScope> = new Set(['app']);

export function App() {
  const platform = usePlatform();
  const session = useSession();
  const { state, reviewed } = session;
  const { theme, palette, toggle } = useTheme();
  const saveStatus = useAutosave(state);
  const [showKeys, setShowKeys] = useState(false);
  const [shortcutMode, setShortcutMode] = useShortcutMode();
  const [command, setCommand] = useState<{ name: 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'show-guidance'; seq: number } | null>(null);
  const { open, notify, cancel, reportHtml, edf, importEvents } = session;
  const [anonymiseOptions, setAnonymise] = useState<AnonymiseOptions | null>(null);
  const library = useLibrary();
  useRecordAnalyses(library, state, reviewed);
  const [showLibrary, setShowLibrary] = useState(false);
  // Any file opened, from the library or elsewhere, is shown in place of the library.
  useEffect(() => setShowLibrary(false), [state.file]);

  const openDialog = useCallback(async () => {
    const f = await platform.openFileDialog().catch(() => null);
    if (f) void open(f);
  }, [platform, open]);

  const doExport = useCallback(
    async (kind: ExportKind) => {
      if (!state.loaded || !reviewed) return;
      try {
        const input = { recording: state.loaded.recording, analysis: reviewed, answers: state.answers, context: state.context, subject: state.subject, recordedAt: state.recordedAt, anonymise: anonymiseOptions };
        await exportAs(platform, kind, input, { reportHtml, edf });
      } catch (err) {
        notify(`The export did not work: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    [platform, state.loaded, state.answers, state.context, state.subject, state.recordedAt, reviewed, reportHtml, edf, notify, anonymiseOptions],
  );

  const importEventsDialog = useCallback(async () => {
    if (state.phase !== 'review') return;
    const f = await (platform.openEventsFile ?? platform.openFileDialog)().catch(() => null);
    if (f) await importEvents(f);
  }, [platform, state.phase, importEvents]);

  const { dragging, dropHandlers } = useOpenRequests(open, notify);

  const handleMenu = useRef<(c: MenuCommand) => void>(() => undefined);
  handleMenu.current = (c: MenuCommand) => {
    if (c === 'open') void openDialog();
    else if (c === 'open-sample') session.close();
    else if (c === 'export-pdf') void doExport('pdf');
    else if (c === 'export-csv') void doExport('csv');
    else if (c === 'export-json') void doExport('json');
    else if (c === 'export-edf') void doExport('edf');
    else if (c === 'import-events') void importEventsDialog();
    else if (c === 'toggle-theme') toggle();
    else if (c === 'zoom-in' || c === 'zoom-out' || c === 'zoom-reset') setCommand((p) => ({ name: c, seq: (p?.seq ?? 0) + 1 }));
    else if (c === 'show-guidance') setCommand((p) => ({ name: 'show-guidance', seq: (p?.seq ?? 0) + 1 }));
    else if (c === 'show-library') setShowLibrary(true);
  };
  useEffect(() => platform.onMenuCommand((c) => handleMenu.current(c)), [platform]);

  useCommandKeys(shortcutMode, APP_SCOPES, (c) => {
    if (c === 'open') void openDialog();
    else if (c === 'shortcuts') setShowKeys(true);
    else return false;
  });

  useScreenFocus(showLibrary ? 'library' : state.phase);

  return (
    <div className="app" {...dropHandlers}>
      <Toolbar
        session={session}
        theme={theme}
        saveStatus={saveStatus}
        onOpen={openDialog}
        onExport={doExport}
        onImportEvents={() => void importEventsDialog()}
        anonymise={anonymiseOptions}
        onAnonymise={setAnonymise}
        onToggleTheme={toggle}
        onShortcuts={() => setShowKeys(true)}
        libraryShown={showLibrary}
        onLibrary={() => setShowLibrary((v) => !v)}
      />
      <MessageBanner error={state.error} notice={state.notice} onDismiss={() => session.notify(null)} />
      {showLibrary && <LibraryScreen library={library} onOpen={(f) => void open(f)} onMessage={notify} />}
      {!showLibrary && state.phase === 'start' && <StartScreen onOpen={(f) => void open(f)} onError={(m) => session.notify(m)} />}
      {!showLibrary && state.phase === 'check' && state.file && (
        <ImportCheck
          loaded={state.loaded}
          fileName={state.file.name}
          problem={state.loaded ? null : state.error}
          settings={state.settings}
          sites={state.history.present.sites}
          formats={FORMAT_CHOICES}
          hasAnalysis={state.analysis !== null}
          templateNote={state.templateNote}
          templates={session.templates}
          onSite={session.setSite}
          onReimport={(s) => void session.reimport(s)}
          onUndoTemplate={() => void session.undoTemplate()}
          onSaveFile={(name, text) => platform.saveFile(name, text, 'application/json')}
          onMessage={notify}
          onAnalyse={() => void session.analyse()}
          onBackToReview={() => void session.analyse()}
        />
      )}
      {!showLibrary && state.phase === 'review' && state.loaded && reviewed && (
        <Workspace session={session} loaded={state.loaded} analysis={reviewed} palette={palette} shortcutMode={shortcutMode} command={command} />
      )}
      {state.busy && <ProgressOverlay label={state.busy.label} fraction={state.busy.fraction} onCancel={session.cancel} />}
      {showKeys && <ShortcutsDialog mode={shortcutMode} onMode={setShortcutMode} onClose={() => setShowKeys(false)} />}
      {dragging && <div className="drag-overlay" aria-hidden="true" />}
    </div>
  );
}
