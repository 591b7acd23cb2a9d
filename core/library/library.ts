/**
 * The library over an injected store: the desktop keeps the text in a file in the user-data folder (written
 * atomically), the browser in IndexedDB. Saves run one after another so the last change always wins.
 */
import type { LibraryEntry, LibraryIndex } from './schema';
import { emptyLibrary, serializeLibrary } from './schema';
import { parseLibrary } from './parse';
import { locateEntry, markMissing, recordAnalysis, removeEntry, setTags, type LocateResult } from './operations';

export interface LibraryStore {
  /** The saved index text, or null when there is none yet. */
  load(): Promise<string | null>;
  /** Replaces the saved text whole: a reader sees the old text or the new, never a mix. */
  save(text: string): Promise<void>;
  /**
   * Moves the saved text out of the way (e.g. renames it to `library.json.newer-<time>`), so a fresh index
   * can be written without destroying it; returns where it went. Stores that cannot do this leave the
   * library read-only instead.
   */
  setAside?(label: 'newer' | 'unreadable'): Promise<string>;
}

/** What opening found, for the app to tell the user once. */
export type OpenNotice =
  | { kind: 'new' }
  | { kind: 'loaded'; dropped: number }
  | { kind: 'migrated'; from: number; dropped: number }
  | { kind: 'newer'; version: number; keptAt: string | null }
  | { kind: 'unreadable'; reason: string; keptAt: string | null };

export class LibraryReadOnlyError extends Error {
  override name = 'LibraryReadOnlyError';
}

export class Library {
  private queue: Promise<void> = Promise.resolve();
  private checking: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: LibraryStore,
    private current: LibraryIndex,
    /** Set when the stored index could not be read nor set aside: saving would overwrite it. */
    readonly readOnly: boolean,
  ) {}

  static async open(store: LibraryStore): Promise<{ library: Library; notice: OpenNotice }> {
    const text = await store.load();
    if (text === null) return { library: new Library(store, emptyLibrary(), false), notice: { kind: 'new' } };
    const parsed = parseLibrary(text);
    if (parsed.kind === 'ok') {
      const library = new Library(store, parsed.index, false);
      if (parsed.migratedFrom === null) return { library, notice: { kind: 'loaded', dropped: parsed.dropped } };
      // Written back at once so the old shape is read only once. If that write fails the library still opens
      // (from the migrated copy in memory) and the next change writes it.
      await library.commit(parsed.index).catch(() => undefined);
      return { library, notice: { kind: 'migrated', from: parsed.migratedFrom, dropped: parsed.dropped } };
    }
    // When the text cannot be moved aside either, the library stays read-only rather than overwrite it.
    const keptAt = store.setAside ? await store.setAside(parsed.kind === 'newer' ? 'newer' : 'unreadable').catch(() => null) : null;
    const library = new Library(store, emptyLibrary(), keptAt === null);
    return {
      library,
      notice: parsed.kind === 'newer' ? { kind: 'newer', version: parsed.version, keptAt } : { kind: 'unreadable', reason: parsed.reason, keptAt },
    };
  }

  get index(): LibraryIndex {
    return this.current;
  }

  get entries(): readonly LibraryEntry[] {
    return this.current.entries;
  }

  /** Adds the analysed recording, or updates its figures when it is already listed (tags kept). */
  record(entry: LibraryEntry): Promise<void> {
    return this.commit(recordAnalysis(this.current, entry));
  }

  /** Forgets the recording; its file and sidecar stay where they are. */
  remove(fingerprint: string): Promise<void> {
    return this.commit(removeEntry(this.current, fingerprint));
  }

  setTags(fingerprint: string, tags: readonly string[]): Promise<void> {
    return this.commit(setTags(this.current, fingerprint, tags));
  }

  /**
   * Looks for every file (`exists` asks the platform) and marks the ones not found as missing, and ones
   * found again as present; saves only when something changed. Checks run one after another, and what one
   * found is applied to the index as it stands when it finishes, to entries still at the location it looked
   * at: a slow check cannot undo a newer check's finding, nor an entry recorded, tagged or located meanwhile.
   */
  checkFiles(exists: (entry: LibraryEntry) => Promise<boolean>): Promise<LibraryEntry[]> {
    const run = this.checking.then(() => this.checkNow(exists));
    this.checking = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async checkNow(exists: (entry: LibraryEntry) => Promise<boolean>): Promise<LibraryEntry[]> {
    const looked: Array<{ fingerprint: string; location: string; missing: boolean }> = [];
    for (const e of this.current.entries) looked.push({ fingerprint: e.fingerprint, location: e.location, missing: !(await exists(e)) });
    const before = this.current;
    let next = before;
    for (const l of looked) {
      if (next.entries.some((e) => e.fingerprint === l.fingerprint && e.location === l.location)) next = markMissing(next, l.fingerprint, l.missing);
    }
    if (next.entries.some((e, i) => e !== before.entries[i])) await this.commit(next);
    return next.entries.filter((e) => e.missing);
  }

  /** "Locate…": the file found at `location` must have the entry's fingerprint. */
  async locate(fingerprint: string, location: string, foundFingerprint: string): Promise<LocateResult> {
    const r = locateEntry(this.current, fingerprint, location, foundFingerprint);
    if (r.ok) await this.commit(r.index);
    return r;
  }

  private commit(next: LibraryIndex): Promise<void> {
    if (this.readOnly) {
      return Promise.reject(new LibraryReadOnlyError('The library was saved by a newer or unknown version and is left as it is; changes are not saved.'));
    }
    this.current = next;
    const text = serializeLibrary(next);
    const write = this.queue.then(() => this.store.save(text));
    this.queue = write.catch(() => undefined);
    return write;
  }
}
