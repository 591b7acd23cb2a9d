import { useCallback, useEffect, useRef, useState } from 'react';
import { ALL_FORMATS } from '../core/import/index';
import { ImportCheck } from './components/ImportCheck';
import { ProgressOverlay } from './components/ProgressOverlay';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { StartScreen } from './components/StartScreen';
import { Toolbar } from './components/Toolbar';
import { Workspace } from './components/Workspace';
import type { AnonymiseOptions } from '../core/export/anonymise';
import { exportAs, type ExportKind } from './exports';
import { useCommandKeys } from './hooks/useCommandKeys';
import { useShortcutMode } from './hooks/useShortcutMode';
import { useTheme } from './hooks/useTheme';
import { LibraryScreen } from './library/LibraryScreen';
import { useLibrary } from './library/useLibrary';
import { useRecordAnalyses } from './library/useRecordAnalyses';
import { usePlatform } from './platform/context';
import type { CommandScope } from '../core/platform/commands';
import type { MenuCommand, OpenedFile } from '../core/platform/api';
import { findSample, openSample, SAMPLES } from './samples';
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
  const [dragging, setDragging] = useState(false);
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

  // `?sample=NAME` opens a bundled sample straight away (links, demos and the browser tests use it).
  const sampleOpened = useRef(false);
  useEffect(() => {
    if (sampleOpened.current) return;
    sampleOpened.current = true;
    const name = new URLSearchParams(window.location.search).get('sample');
    if (!name) return;
    const s = findSample(name);
    if (s) openSample(s).then((f) => open(f), (e: unknown) => notify(String(e)));
    else notify(`There is no sample called "${name}". Samples: ${SAMPLES.map((x) => x.name).join(', ') || 'none'}.`);
  }, [open, notify]);

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
  useEffect(
    () =>
      platform.onOpenFile?.(
        (f: OpenedFile) => void open(f),
        (message) => notify(message),
      ),
    [platform, open, notify],
  );

  useCommandKeys(shortcutMode, APP_SCOPES, (c) => {
    if (c === 'open') void openDialog();
    else if (c === 'shortcuts') setShowKeys(true);
    else return false;
  });

  // Each new screen starts at its heading, so focus never falls back to the page after a change.
  const screen = showLibrary ? 'library' : state.phase;
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    document.querySelector<HTMLElement>('[data-screen-heading]')?.focus();
  }, [screen]);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    // The desktop preload has taken the drop already (platform.openDropped is absent there).
    if (file && platform.openDropped) platform.openDropped(file).then((f) => open(f), (err: unknown) => session.notify(String(err)));
  };

  const message = state.error ?? state.notice;
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.relatedTarget === null && setDragging(false)}
      onDrop={onDrop}
    >
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
      {message && (
        <div className={`banner${state.error ? ' error' : ''}`} role={state.error ? 'alert' : 'status'} data-testid={state.error ? 'error' : 'notice'}>
          <span>{message}</span>
          <span className="spacer" />
          <button onClick={() => session.notify(null)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      )}
      {showLibrary && <LibraryScreen library={library} onOpen={(f) => void open(f)} onMessage={notify} />}
      {!showLibrary && state.phase === 'start' && <StartScreen onOpen={(f) => void open(f)} onError={(m) => session.notify(m)} />}
      {!showLibrary && state.phase === 'check' && state.loaded && (
        <ImportCheck
          recording={state.loaded.recording}
          settings={state.settings}
          sites={state.history.present.sites}
          formats={FORMAT_CHOICES}
          hasAnalysis={state.analysis !== null}
          onSite={session.setSite}
          onReimport={(s) => void session.reimport(s)}
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
