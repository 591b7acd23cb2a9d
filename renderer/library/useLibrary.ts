/**
 * The library for the whole app: opened once from the host's store, its entries as React state, and the
 * changes the views make. Every change is saved by `Library` itself, one after another.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fingerprint } from '../../core/import/fingerprint';
import { Library, type LibraryEntry } from '../../core/library';
import { usePlatform } from '../platform/context';
import type { OpenedFile } from '../../core/platform/api';
import { openNoticeText } from './notice';
import { platformLibraryStore } from './store';

export interface LibraryApi {
  /** False when the host keeps no library, or while it is opening. */
  ready: boolean;
  entries: readonly LibraryEntry[];
  /** Something the user should know about the stored library, shown in the library view. */
  notice: string | null;
  record(entry: LibraryEntry): Promise<void>;
  remove(fingerprint: string): Promise<void>;
  setTags(fingerprint: string, tags: readonly string[]): Promise<void>;
  /** Looks for every entry's file and marks the ones the host no longer has. */
  checkFiles(): Promise<void>;
  /** Points a missing entry at a file the user picked, when it is the same recording; returns why not otherwise. */
  locate(entry: LibraryEntry, file: OpenedFile): Promise<'ok' | 'different-file' | 'unknown'>;
}

export function useLibrary(): LibraryApi {
  const platform = usePlatform();
  const libraryRef = useRef<Library | null>(null);
  const [entries, setEntries] = useState<readonly LibraryEntry[]>([]);
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const store = platformLibraryStore(platform);
    if (!store) return;
    let live = true;
    Library.open(store).then(
      ({ library, notice: n }) => {
        if (!live) return;
        libraryRef.current = library;
        setEntries(library.entries);
        setNotice(openNoticeText(n));
        setReady(true);
      },
      (err: unknown) => live && setNotice(`The library could not be opened: ${err instanceof Error ? err.message : String(err)}`),
    );
    return () => {
      live = false;
    };
  }, [platform]);

  // Every change shows at once (the library updates its index before saving); a failed save is told.
  const change = useCallback(async (op: (l: Library) => Promise<unknown>) => {
    const library = libraryRef.current;
    if (!library) return;
    const done = op(library);
    setEntries(library.entries);
    try {
      await done;
    } catch (err) {
      setNotice(`The library could not be saved: ${err instanceof Error ? err.message : String(err)}`);
    }
    setEntries(library.entries);
  }, []);

  const record = useCallback((e: LibraryEntry) => change((l) => l.record(e)), [change]);
  const remove = useCallback((fp: string) => change((l) => l.remove(fp)), [change]);
  const setTags = useCallback((fp: string, tags: readonly string[]) => change((l) => l.setTags(fp, tags)), [change]);
  const checkFiles = useCallback(() => {
    const exists = (location: string): Promise<boolean> =>
      platform.libraryFileExists ? platform.libraryFileExists(location) : platform.openRecent(location).then((f) => f !== null);
    return change((l) => l.checkFiles((e) => exists(e.location).catch(() => false)));
  }, [change, platform]);
  const locate = useCallback(
    async (entry: LibraryEntry, file: OpenedFile) => {
      const library = libraryRef.current;
      if (!library) return 'unknown' as const;
      const found = await fingerprint(file);
      let result: 'ok' | 'different-file' | 'unknown' = 'unknown';
      await change(async (l) => {
        const r = await l.locate(entry.fingerprint, file.key, found);
        result = r.ok ? 'ok' : r.reason;
      });
      return result;
    },
    [change],
  );

  return useMemo(() => ({ ready, entries, notice, record, remove, setTags, checkFiles, locate }), [ready, entries, notice, record, remove, setTags, checkFiles, locate]);
}
