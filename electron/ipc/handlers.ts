import { basename, extname, isAbsolute } from 'node:path';
import { RECORDING_EXTENSIONS } from '../../core/import/extensions';
import type { LibraryStore } from '../../core/library';
import { parseSidecar } from '../../core/review/sidecar';
import type { RecentFile } from '../../core/platform/api';
import type { FileGrants } from '../files/grants';
import { readRange } from '../files/read-range';
import type { SidecarLocation, SidecarStore } from '../files/sidecar';
import type { FileSystemLike } from '../../node/fs/types';
import { libraryHandlers } from '../library/library-handlers';
import type { GrantedFile, InvokeChannel, ReplyOf, RequestOf } from './channels';

/**
 * What each invoke channel does, as plain async functions of (window id, validated request). Everything with a
 * side effect outside this module (disk, dialogs, printing, the recent list) is passed in.
 */

/** File types a drop may open: the text exports every supported device writes, and EDF/BDF. */
export const DROPPABLE_EXTENSIONS: readonly string[] = RECORDING_EXTENSIONS;

/** Refusals the renderer may show: the message is plain and says nothing about the machine. */
export class RequestRefused extends Error {}

export interface DialogDeps {
  /** The open dialog for recordings (or, for `events`, for an events CSV or EDF+ export); null when cancelled. */
  chooseRecording(windowId: number, purpose?: 'recording' | 'events'): Promise<string | null>;
  chooseSavePath(windowId: number, suggestedName: string, mimeType: string): Promise<string | null>;
}

export interface RecentDeps {
  list(): RecentFile[];
  add(path: string, name: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface HandlerDeps {
  fs: FileSystemLike;
  grants: FileGrants;
  dialogs: DialogDeps;
  recent: RecentDeps;
  sidecars: SidecarStore;
  /** The library index file (`node/library-file-store.ts` on `<userData>/library.json`). */
  library: LibraryStore;
  /** The user's import templates, one JSON text in the settings folder (`<userData>/import-templates.json`). */
  templates: Pick<LibraryStore, 'load' | 'save'>;
  printPdf(html: string): Promise<Uint8Array>;
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
  appVersion: string;
  /** Told where each sidecar went, so a save that could not go beside its recording can be shown. */
  onSidecarSaved(windowId: number, location: SidecarLocation): void;
  /** The clock for limits on failed drops; Date.now by default. */
  now?(): number;
}

export type Handler<C extends InvokeChannel> = (windowId: number, request: RequestOf<C>) => Promise<ReplyOf<C>>;
export type Handlers = { [C in InvokeChannel]: Handler<C> };

/** Grants a file the user chose to a window and remembers it as recent. Also used for command-line files. */
export async function openForWindow(deps: HandlerDeps, windowId: number, path: string, remember = true): Promise<GrantedFile> {
  if (!isAbsolute(path)) throw new RequestRefused('That file path is not complete.');
  let size: number;
  try {
    const stats = await deps.fs.stat(path);
    if (!stats.isFile()) throw new RequestRefused('That is a folder, not a recording file.');
    size = stats.size;
  } catch (error) {
    if (error instanceof RequestRefused) throw error;
    throw new RequestRefused('That file could not be opened. It may have been moved or deleted.');
  }
  const name = basename(path);
  const granted = deps.grants.grant(windowId, { path, name, size });
  if (remember) await deps.recent.add(path, name);
  return granted;
}

export const DROP_REFUSED = 'The dropped file could not be opened.';

/** A window may fail this many drops in a row within the window of time below, then drops are refused. */
const FAILED_DROPS_ALLOWED = 5;
const FAILED_DROPS_WINDOW_MS = 10 * 60 * 1000;

function dropFailures(now: () => number) {
  const failures = new Map<number, number[]>();
  const recent = (windowId: number) => (failures.get(windowId) ?? []).filter((t) => now() - t < FAILED_DROPS_WINDOW_MS);
  return {
    allowed: (windowId: number) => recent(windowId).length < FAILED_DROPS_ALLOWED,
    failed: (windowId: number) => failures.set(windowId, [...recent(windowId), now()]),
  };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const drops = dropFailures(deps.now ?? Date.now);
  const grantedPath = (windowId: number, key: string): string => {
    if (!deps.grants.hasPath(windowId, key)) throw new RequestRefused('That recording is not open in this window.');
    return key;
  };

  return {
    'file:open-dialog': async (windowId) => {
      const path = await deps.dialogs.chooseRecording(windowId);
      return path === null ? null : openForWindow(deps, windowId, path);
    },

    // An events file is read once to restore a review: granted like a recording, never listed as a recent one.
    'file:open-events': async (windowId) => {
      const path = await deps.dialogs.chooseRecording(windowId, 'events');
      return path === null ? null : openForWindow(deps, windowId, path, false);
    },

    // The path comes from the preload's own drop listener (webUtils), never from the page, but main cannot
    // tell a real drop from a renderer that forged the message. So drops are limited to recording file types,
    // the size must match the dropped File, every failure gets the same answer, and a window whose drops keep
    // failing gets no more for a while: guessing a path and a size cannot be done a few tries at a time.
    'file:open-dropped': async (windowId, { path, size }) => {
      if (!drops.allowed(windowId)) throw new RequestRefused(DROP_REFUSED);
      const stats = await deps.fs.stat(path).catch(() => null);
      const ok = DROPPABLE_EXTENSIONS.includes(extname(path).toLowerCase()) && isAbsolute(path) && stats !== null && stats.isFile() && stats.size === size;
      if (!ok) {
        drops.failed(windowId);
        throw new RequestRefused(DROP_REFUSED);
      }
      return openForWindow(deps, windowId, path);
    },

    'file:open-recent': async (windowId, { key }) => {
      if (!deps.recent.list().some((item) => item.key === key)) return null;
      try {
        return await openForWindow(deps, windowId, key);
      } catch (error) {
        if (!(error instanceof RequestRefused)) throw error;
        await deps.recent.remove(key);
        return null;
      }
    },

    'file:read': async (windowId, { token, offset, length }) => {
      const grant = deps.grants.lookup(windowId, token);
      if (grant === null) throw new RequestRefused('That file is no longer open.');
      return readRange(deps.fs, grant.path, offset, length);
    },

    'recent:list': async () => deps.recent.list(),

    'file:save': async (windowId, { suggestedName, data, mimeType }) => {
      const path = await deps.dialogs.chooseSavePath(windowId, suggestedName, mimeType);
      if (path === null) return false;
      await deps.writeFileAtomic(path, data);
      return true;
    },

    // Ask where first: printing is the slow part and is wasted if the user cancels.
    'report:save-pdf': async (windowId, { suggestedName, html }) => {
      const name = /\.pdf$/i.test(suggestedName) ? suggestedName : `${suggestedName}.pdf`;
      const path = await deps.dialogs.chooseSavePath(windowId, name, 'application/pdf');
      if (path === null) return false;
      const pdf = await deps.printPdf(html);
      await deps.writeFileAtomic(path, pdf);
      return true;
    },

    'sidecar:load': async (windowId, { key }) => deps.sidecars.load(grantedPath(windowId, key)),

    // Only saved work as this version writes it goes beside a recording, not any text a renderer sends.
    'sidecar:save': async (windowId, { key, text }) => {
      const parsed = parseSidecar(text);
      if (!parsed.ok || parsed.dropped.length > 0) throw new RequestRefused('That is not saved work this version writes.');
      deps.onSidecarSaved(windowId, await deps.sidecars.save(grantedPath(windowId, key), text));
    },

    'app:version': async () => deps.appVersion,
    'templates:load': async () => deps.templates.load(),
    'templates:save': async (_windowId, { text }) => deps.templates.save(text),

    ...libraryHandlers(deps, (windowId, path) => openForWindow(deps, windowId, path), (message) => {
      throw new RequestRefused(message);
    }),
  };
}
