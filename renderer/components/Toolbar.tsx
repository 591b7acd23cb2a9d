import { SENSITIVITY_DEFAULT } from '../../core/detect/params';
import type { AnonymiseOptions } from '../../core/export/anonymise';
import type { ExportKind } from '../exports';
import type { ThemeChoice } from '../hooks/useTheme';
import type { SaveStatus } from '../session/useAutosave';
import type { SessionApi } from '../session/useSession';
import { Menu } from './Menu';

interface Props {
  session: SessionApi;
  theme: ThemeChoice;
  saveStatus: SaveStatus;
  onOpen(): void;
  onExport(kind: ExportKind): void;
  onImportEvents(): void;
  /** Exports leave without names, serials, paths or true dates when set. */
  anonymise: AnonymiseOptions | null;
  onAnonymise(options: AnonymiseOptions | null): void;
  onToggleTheme(): void;
  onShortcuts(): void;
  libraryShown: boolean;
  onLibrary(): void;
}

const SAVE_TEXT: Record<SaveStatus, string> = { idle: '', saving: 'Saving…', saved: 'Work saved', failed: 'Not saved', 'not-kept': 'Examples are not saved' };

export function Toolbar({ session, theme, saveStatus, onOpen, onExport, onImportEvents, anonymise, onAnonymise, onToggleTheme, onShortcuts, libraryShown, onLibrary }: Props) {
  const { state } = session;
  const reviewing = state.phase === 'review' && !libraryShown;
  const sensitivity = state.sensitivity ?? SENSITIVITY_DEFAULT.value;
  return (
    <header className="toolbar">
      <span className="brand" aria-hidden="true">TwitchScope</span>
      <span className="file" title={state.file?.name} data-testid="file-name">
        {state.file?.name}
      </span>
      <div className="group">
        <button onClick={onOpen} title="Open a recording (Ctrl+O)">
          Open…
        </button>
        <button onClick={onLibrary} aria-pressed={libraryShown} title="Recordings analysed so far, their trends and comparisons" data-testid="library-button">
          Library
        </button>
        {state.file && (
          <button onClick={session.close} title="Back to the start screen">
            Close
          </button>
        )}
        {reviewing && (
          <button onClick={session.backToCheck} title="Check how the file was read, fix channel types" data-testid="back-to-check">
            Import settings
          </button>
        )}
      </div>
      <span className="spacer" />
      {reviewing && (
        <>
          <div className="group">
            <button className="icon" onClick={session.undo} disabled={state.history.past.length === 0} title="Undo (Ctrl+Z)" aria-label="Undo" data-testid="undo">
              ↶
            </button>
            <button className="icon" onClick={session.redo} disabled={state.history.future.length === 0} title="Redo (Ctrl+Shift+Z)" aria-label="Redo" data-testid="redo">
              ↷
            </button>
          </div>
          <label className="sensitivity" title="Higher finds smaller spikes, and more false ones; lower finds only clear ones">
            Fewer
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={sensitivity}
              onChange={(e) => session.setSensitivity(Number(e.target.value))}
              aria-label="Detection sensitivity"
              aria-valuetext={`${Math.round(sensitivity * 100)} percent`}
              data-testid="sensitivity"
            />
            More
          </label>
          <Menu
            label="Export"
            title="Save a report or the data"
            testid="export"
            items={[
              { label: 'PDF report…', onSelect: () => onExport('pdf'), testid: 'export-pdf' },
              { label: 'Events as CSV…', onSelect: () => onExport('csv'), testid: 'export-csv' },
              { label: 'Analysis as JSON…', onSelect: () => onExport('json'), testid: 'export-json' },
              { label: 'EDF+ signals and events…', onSelect: () => onExport('edf'), testid: 'export-edf', title: 'For EDFbrowser, MNE and other EEG/EMG tools; every event is an annotation' },
              { label: 'EDF+ with filtered signals…', onSelect: () => onExport('edf-filtered'), testid: 'export-edf-filtered', title: 'The signals as drawn: band-passed, mains hum notched' },
              {
                label: 'Anonymise exports',
                checked: anonymise !== null,
                onSelect: () => onAnonymise(anonymise ? null : { keepTimeOfDay: false }),
                testid: 'export-anonymise',
                title: 'Leave out names, device serials, MAC addresses and file paths, and move dates (intervals kept)',
              },
              {
                label: 'Keep the time of day',
                checked: anonymise?.keepTimeOfDay ?? false,
                disabled: anonymise === null,
                onSelect: () => anonymise && onAnonymise({ ...anonymise, keepTimeOfDay: !anonymise.keepTimeOfDay }),
                testid: 'export-keep-time',
              },
              { label: 'Import events…', onSelect: onImportEvents, testid: 'import-events', title: 'Restore a review from an events CSV or EDF+ export of this recording' },
            ]}
          />
        </>
      )}
      <span className={`save-status${saveStatus === 'failed' ? ' failed' : ''}`} aria-live="polite" data-testid="save-status">
        {SAVE_TEXT[saveStatus]}
      </span>
      <button onClick={onToggleTheme} title="Switch light and dark theme" aria-label={`Use ${theme === 'dark' ? 'light' : 'dark'} theme`} data-testid="theme">
        {theme === 'dark' ? 'Light' : 'Dark'}
      </button>
      <button className="icon" onClick={onShortcuts} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </header>
  );
}
