/**
 * The library index behind IPC. The index is also the list of files the library may re-open, so main keeps
 * it honest: a save keeps only new entries for files the user has opened in that window, and "open" and
 * "exists" only answer for files the saved index lists. A renderer cannot use the library to reach a path
 * of its own.
 */
import { parseLibrary, serializeLibrary, type LibraryStore } from '../../core/library';
import type { FileGrants } from '../files/grants';
import type { FileSystemLike } from '../../node/fs/types';
import type { GrantedFile, ReplyOf, RequestOf } from '../ipc/channels';

export interface LibraryHandlerDeps {
  library: LibraryStore;
  fs: FileSystemLike;
  grants: FileGrants;
}

/** Refusals the renderer may show; thrown as the IPC layer's own refusal type by the caller. */
export type Refuse = (message: string) => never;

function locationsIn(text: string | null): Set<string> {
  const parsed = text === null ? null : parseLibrary(text);
  return new Set(parsed?.kind === 'ok' ? parsed.index.entries.map((e) => e.location) : []);
}

async function isFile(fs: FileSystemLike, path: string): Promise<boolean> {
  return fs.stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

export function libraryHandlers(deps: LibraryHandlerDeps, open: (windowId: number, path: string) => Promise<GrantedFile>, refuse: Refuse) {
  // The index is read from disk on every question (the command line may have changed it), but parsed again
  // only when its text changed: checking every file of a long library asks once per entry.
  let lastText: string | null = null;
  let lastListed = new Set<string>();
  const listedLocations = async (): Promise<Set<string>> => {
    const text = await deps.library.load();
    if (text !== lastText) {
      lastListed = locationsIn(text);
      lastText = text;
    }
    return lastListed;
  };

  return {
    'library:load': async (): Promise<ReplyOf<'library:load'>> => deps.library.load(),

    'library:save': async (windowId: number, { text }: RequestOf<'library:save'>): Promise<void> => {
      const next = parseLibrary(text);
      if (next.kind !== 'ok' || next.migratedFrom !== null || next.dropped > 0) refuse('That is not a library index this version writes.');
      const listed = await listedLocations();
      const vouched = next.index.entries.filter((e) => listed.has(e.location) || deps.grants.hasPath(windowId, e.location));
      // An entry main cannot vouch for (a file dropped without a path) is left out; refusing the whole save
      // would keep every later change from being saved as well.
      await deps.library.save(vouched.length === next.index.entries.length ? text : serializeLibrary({ ...next.index, entries: vouched }));
    },

    // Only an index this version cannot read may be moved aside, and only under the label that says why: a
    // page cannot use it to hide a good library. Null when refused or when the store cannot move it (the
    // library then stays read-only rather than overwrite it).
    'library:set-aside': async (_windowId: number, { label }: RequestOf<'library:set-aside'>): Promise<string | null> => {
      if (!deps.library.setAside) return null;
      const text = await deps.library.load().catch(() => null);
      const parsed = text === null ? null : parseLibrary(text);
      const why = parsed === null || parsed.kind === 'ok' ? null : parsed.kind === 'newer' ? 'newer' : 'unreadable';
      if (why !== label) return null;
      return deps.library.setAside(label).catch(() => null);
    },

    'library:open': async (windowId: number, { key }: RequestOf<'library:open'>): Promise<GrantedFile | null> => {
      if (!(await listedLocations()).has(key) || !(await isFile(deps.fs, key))) return null;
      return open(windowId, key);
    },

    'library:file-exists': async (_windowId: number, { key }: RequestOf<'library:file-exists'>): Promise<boolean> =>
      (await listedLocations()).has(key) && (await isFile(deps.fs, key)),
  };
}
