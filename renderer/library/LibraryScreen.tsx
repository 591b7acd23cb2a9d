import { useEffect, useState } from 'react';
import type { LibraryEntry } from '../../core/library';
import { TabList, panelId, tabId } from '../a11y/Tabs';
import { usePlatform } from '../platform/context';
import type { OpenedFile } from '../../core/platform/api';
import { LibraryTable } from './LibraryTable';
import { TrendsPanel } from './TrendsPanel';
import type { LibraryApi } from './useLibrary';
import './library.css';

interface Props {
  library: LibraryApi;
  onOpen(file: OpenedFile): void;
  onMessage(message: string): void;
}

type Tab = 'recordings' | 'trends';
const LIBRARY_TABS: ReadonlyArray<readonly [Tab, string]> = [
  ['recordings', 'Recordings'],
  ['trends', 'Trends'],
];

/** The library: the recordings analysed so far, and their trends over time. */
export function LibraryScreen({ library, onOpen, onMessage }: Props) {
  const platform = usePlatform();
  const [tab, setTab] = useState<Tab>('recordings');
  // The last entry removed, so a slip of the mouse costs nothing: its figures and tags come back as they were.
  const [removed, setRemoved] = useState<LibraryEntry | null>(null);
  const { ready, entries, checkFiles } = library;

  // Files move; each visit looks for them again so "missing" is current.
  useEffect(() => {
    if (ready) void checkFiles();
  }, [ready, checkFiles]);

  const open = async (e: LibraryEntry) => {
    const f = await (platform.openLibraryFile ?? platform.openRecent)(e.location).catch(() => null);
    if (f) onOpen(f);
    else {
      await checkFiles();
      onMessage(`${e.name} was not found where it was. Use "Locate…" to point to it.`);
    }
  };

  const locate = async (e: LibraryEntry) => {
    const f = await platform.openFileDialog().catch(() => null);
    if (!f) return;
    const r = await library.locate(e, f);
    if (r === 'ok') onMessage(`${e.name} found again as ${f.name}.`);
    else if (r === 'different-file') onMessage(`${f.name} is not the same recording as ${e.name}; the library entry was left as it was.`);
  };

  if (!platform.loadLibrary) {
    return (
      <main className="library" data-testid="library">
        <h1 tabIndex={-1} data-screen-heading>
          Library
        </h1>
        <p className="muted">This version keeps no library.</p>
      </main>
    );
  }
  return (
    <main className="library" data-testid="library">
      <h1 className="library-title" tabIndex={-1} data-screen-heading>
        Library
      </h1>
      <div className="tabs">
        <TabList<Tab> label="Library" prefix="library" tabs={LIBRARY_TABS} selected={tab} onSelect={setTab} testidPrefix="library-tab-" />
      </div>
      {library.notice && (
        <p className="library-notice" role="status">
          {library.notice}
        </p>
      )}
      {removed && (
        <p className="library-notice" role="status" data-testid="removed">
          {removed.name} was taken off the list; the file itself is untouched.{' '}
          <button
            onClick={() => {
              void library.record(removed);
              setRemoved(null);
            }}
            data-testid="undo-remove"
          >
            Undo
          </button>
        </p>
      )}
      <div className="library-body" role="tabpanel" id={panelId('library', tab)} aria-labelledby={tabId('library', tab)}>
        {!ready ? (
          <p className="muted">Opening the library…</p>
        ) : tab === 'recordings' ? (
          <LibraryTable
            entries={entries}
            onOpen={(e) => void open(e)}
            onRemove={(e) => {
              setRemoved(e);
              void library.remove(e.fingerprint);
            }}
            onTags={(e, tags) => void library.setTags(e.fingerprint, tags)}
            onLocate={(e) => void locate(e)}
          />
        ) : (
          <TrendsPanel entries={entries} onMessage={onMessage} />
        )}
      </div>
    </main>
  );
}
