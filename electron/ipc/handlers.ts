import { basename, extname, isAbsolute } from 'node:path';
import { RECORDING_EXTENSIONS } from '../../core/import/extensions';
import type { LibraryStore } from '../../core/library';
import type { RecentFile } from '../../renderer/platform/types';
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
  /** The open dialog for recordings; the chosen path or null when cancelled. */
  chooseRecording(windowId: number): Promise<string | null>;
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
  printPdf(html: string): Promise<Uint8Array>;
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
  appVersion: string;
  /** Told where each sidecar went, so a save that could not go beside its recording can be shown. */
  onSidecarSaved(windowId: number, location: SidecarLocation): void;
}

export type Handler<C extends InvokeChannel> = (windowId: number, request: RequestOf<C>) => Promise<ReplyOf<C>>;
export type Handlers = { [C in InvokeChannel]: Handler<C> };

/** Grants a file the user chose to a window and remembers it as recent. Also used for command-line files. */
export async function openForWindow(deps: HandlerDeps, windowId: number, path: string): Promise<GrantedFile> {
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
  await deps.recent.add(path, name);
  return granted;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const grantedPath = (windowId: number, key: string): string => {
    if (!deps.grants.hasPath(windowId, key)) throw new RequestRefused('That recording is not open in this window.');
    return key;
  };

  return {
    'file:open-dialog': async (windowId) => {
      const path = await deps.dialogs.chooseRecording(windowId);
      return path === null ? null : openForWindow(deps, windowId, path);
    },

    // The path comes from the dropped File object (webUtils in the preload), but main cannot tell a real drop
    // from a page that made the path up. So drops are limited to recording file types, the size must match the
    // dropped File, and every failure reads the same, so probing paths reveals nothing.
    'file:open-dropped': async (windowId, { path, size }) => {
      if (!DROPPABLE_EXTENSIONS.includes(extname(path).toLowerCase())) {
        throw new RequestRefused(`Dropped files must be ${DROPPABLE_EXTENSIONS.join(', ')}; use Open… for other files.`);
      }
      const stats = await deps.fs.stat(path).catch(() => null);
      if (!isAbsolute(path) || stats === null || !stats.isFile() || stats.size !== size) {
        throw new RequestRefused('The dropped file could not be opened.');
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

    'sidecar:save': async (windowId, { key, text }) => {
      deps.onSidecarSaved(windowId, await deps.sidecars.save(grantedPath(windowId, key), text));
    },

    'app:version': async () => deps.appVersion,

    ...libraryHandlers(deps, (windowId, path) => openForWindow(deps, windowId, path), (message) => {
      throw new RequestRefused(message);
    }),
  };
}
