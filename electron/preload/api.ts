import type { MenuCommand, OpenedFile, PlatformApi } from '../../core/platform/api';
import { EVENT_CHANNELS, type GrantedFile, type InvokeChannel, type IpcReply, type ReplyOf, type RequestOf } from '../ipc/channels';
import { EVENT_SCHEMAS, LIMITS } from '../ipc/schemas';
import { isDroppable, listenForDrops, NOT_DROPPABLE_MESSAGE, type DropTargetLike } from './drop';

/**
 * `window.twitchscope` inside Electron: each method is one `invoke` on a fixed channel. Built from injected
 * `ipcRenderer`/`webUtils` stand-ins so it is tested in Node; `preload.ts` passes the real ones.
 */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export interface WebUtilsLike {
  /** The file's path on disk, or '' for a file that has none (dragged from another app's memory). */
  getPathForFile(file: File): string;
}

/** The desktop API always offers the optional host-initiated open; drops arrive through it too. */
export type DesktopPlatformApi = Omit<PlatformApi, 'openDropped'> & Required<Pick<PlatformApi, 'onOpenFile'>>;

/** `dropTarget`: the window whose drops the preload handles (see drop.ts); absent in tests of other parts. */
export function createPlatformApi(ipc: IpcRendererLike, webUtils: WebUtilsLike, dropTarget?: DropTargetLike): DesktopPlatformApi {
  const call = async <C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> => {
    const reply = (await ipc.invoke(channel, request)) as IpcReply<ReplyOf<C>>;
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  };

  const readGranted = (granted: GrantedFile) => async (offset: number, length: number): Promise<Uint8Array> => {
    const start = Math.max(0, Math.floor(offset));
    const end = Math.min(granted.size, start + Math.max(0, Math.floor(length)));
    if (end <= start) return new Uint8Array(0);
    if (end - start <= LIMITS.readBytes) return call('file:read', { token: granted.token, offset: start, length: end - start });
    // Bigger requests than one message may carry are split, so callers need not know the limit.
    const out = new Uint8Array(end - start);
    for (let at = start; at < end; at += LIMITS.readBytes) {
      const part = await call('file:read', { token: granted.token, offset: at, length: Math.min(LIMITS.readBytes, end - at) });
      out.set(part, at - start);
    }
    return out;
  };

  const opened = (granted: GrantedFile): OpenedFile => ({
    name: granted.name,
    size: granted.size,
    key: granted.key,
    read: readGranted(granted),
  });

  const menuListeners = new Set<(command: MenuCommand) => void>();
  ipc.on(EVENT_CHANNELS.menuCommand, (_event, payload) => {
    const command = EVENT_SCHEMAS[EVENT_CHANNELS.menuCommand](payload, 'menu command');
    if (!command.ok) return;
    for (const listener of menuListeners) listener(command.value);
  });

  // Files main opens on its own (command line, "Open with") can arrive before the page subscribes: hold them.
  const openListeners = new Set<{ onFile: (file: OpenedFile) => void; onError?: (message: string) => void }>();
  const heldFiles: OpenedFile[] = [];
  const deliver = (file: OpenedFile) => {
    if (openListeners.size === 0) heldFiles.push(file);
    for (const listener of openListeners) listener.onFile(file);
  };
  ipc.on(EVENT_CHANNELS.openFile, (_event, payload) => {
    const granted = EVENT_SCHEMAS[EVENT_CHANNELS.openFile](payload, 'opened file');
    if (granted.ok) deliver(opened(granted.value));
  });

  const openDropped = async (file: File): Promise<OpenedFile> => {
    const path = webUtils.getPathForFile(file);
    // The page holds the dropped bytes already, so they are read directly rather than through main.
    const blobRead = async (offset: number, length: number) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
    if (path === '') return { name: file.name, size: file.size, key: `${file.name}:${file.size}:${file.lastModified}`, read: blobRead };
    if (!isDroppable(path)) throw new Error(NOT_DROPPABLE_MESSAGE);
    const granted = await call('file:open-dropped', { path, size: file.size });
    return { name: granted.name, size: granted.size, key: granted.key, read: blobRead };
  };
  if (dropTarget) {
    listenForDrops(dropTarget, (file) => {
      openDropped(file).then(deliver, (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        for (const listener of openListeners) listener.onError?.(message);
      });
    });
  }

  return {
    kind: 'electron',
    openFileDialog: async () => {
      const granted = await call('file:open-dialog', {});
      return granted === null ? null : opened(granted);
    },
    openEventsFile: async () => {
      const granted = await call('file:open-events', {});
      return granted === null ? null : opened(granted);
    },
    openRecent: async (key) => {
      const granted = await call('file:open-recent', { key });
      return granted === null ? null : opened(granted);
    },
    recentFiles: () => call('recent:list', {}),
    saveFile: (suggestedName, data, mimeType) => call('file:save', { suggestedName, data, mimeType }),
    saveReportPdf: (suggestedName, html) => call('report:save-pdf', { suggestedName, html }),
    loadSidecar: (key) => call('sidecar:load', { key }),
    saveSidecar: (key, text) => call('sidecar:save', { key, text }),
    appVersion: () => call('app:version', {}),
    loadLibrary: () => call('library:load', {}),
    saveLibrary: (text) => call('library:save', { text }),
    setLibraryAside: (label) => call('library:set-aside', { label }),
    openLibraryFile: async (location) => {
      const granted = await call('library:open', { key: location });
      return granted === null ? null : opened(granted);
    },
    libraryFileExists: (location) => call('library:file-exists', { key: location }),
    loadTemplates: () => call('templates:load', {}),
    saveTemplates: (text) => call('templates:save', { text }),
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => {
        menuListeners.delete(listener);
      };
    },
    onOpenFile: (onFile, onError) => {
      const listener = { onFile, ...(onError ? { onError } : {}) };
      openListeners.add(listener);
      for (const file of heldFiles.splice(0)) onFile(file);
      return () => {
        openListeners.delete(listener);
      };
    },
  };
}
