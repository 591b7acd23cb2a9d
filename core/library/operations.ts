/** Changes to the index as pure functions: each returns a new index and leaves the one given untouched. */
import type { LibraryEntry, LibraryIndex } from './schema';
import { normaliseTags } from './tags';

function withEntries(index: LibraryIndex, entries: LibraryEntry[]): LibraryIndex {
  return { ...index, entries };
}

export function findEntry(index: LibraryIndex, fingerprint: string): LibraryEntry | undefined {
  return index.entries.find((e) => e.fingerprint === fingerprint);
}

/**
 * Adds a recording, or for one already listed (same fingerprint) replaces its figures with the new
 * analysis's while keeping the user's tags and when it was first added. Finding it again also clears `missing`.
 */
export function recordAnalysis(index: LibraryIndex, fresh: LibraryEntry): LibraryIndex {
  const old = findEntry(index, fresh.fingerprint);
  if (!old) return withEntries(index, [...index.entries, { ...fresh, tags: normaliseTags(fresh.tags) }]);
  const merged: LibraryEntry = {
    ...fresh,
    tags: normaliseTags([...old.tags, ...fresh.tags]),
    addedAt: old.addedAt,
    missing: false,
  };
  return withEntries(index, index.entries.map((e) => (e === old ? merged : e)));
}

/** Takes the entry out of the list; the recording file and its sidecar are not the index's to touch. */
export function removeEntry(index: LibraryIndex, fingerprint: string): LibraryIndex {
  return withEntries(index, index.entries.filter((e) => e.fingerprint !== fingerprint));
}

export function setTags(index: LibraryIndex, fingerprint: string, tags: readonly string[]): LibraryIndex {
  return withEntries(index, index.entries.map((e) => (e.fingerprint === fingerprint ? { ...e, tags: normaliseTags(tags) } : e)));
}

export function markMissing(index: LibraryIndex, fingerprint: string, missing: boolean): LibraryIndex {
  return withEntries(index, index.entries.map((e) => (e.fingerprint === fingerprint && e.missing !== missing ? { ...e, missing } : e)));
}

export type LocateResult = { ok: true; index: LibraryIndex } | { ok: false; reason: 'unknown' | 'different-file' };

/**
 * Points an entry at the file the user found after it moved. The file must be the same recording
 * (same fingerprint): a different file would silently attach old figures and tags to other data.
 */
export function locateEntry(index: LibraryIndex, fingerprint: string, location: string, foundFingerprint: string): LocateResult {
  const entry = findEntry(index, fingerprint);
  if (!entry) return { ok: false, reason: 'unknown' };
  if (foundFingerprint !== fingerprint) return { ok: false, reason: 'different-file' };
  return { ok: true, index: withEntries(index, index.entries.map((e) => (e === entry ? { ...e, location, missing: false } : e))) };
}
