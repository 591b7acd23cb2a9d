import type { MenuCommand, OpenedFile, PlatformApi } from '../../renderer/platform/types';
import { EVENT_CHANNELS, type GrantedFile, type InvokeChannel, type IpcReply, type ReplyOf, type RequestOf } from '../ipc/channels';
import { EVENT_SCHEMAS, LIMITS } from '../ipc/schemas';

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

/** The desktop API always offers the optional host-initiated open. */
export type DesktopPlatformApi = PlatformApi & Required<Pick<PlatformApi, 'onOpenFile'>>;

export function createPlatformApi(ipc: IpcRendererLike, webUtils: WebUtilsLike): DesktopPlatformApi {
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
  const openListeners = new Set<(file: OpenedFile) => void>();
  const heldFiles: OpenedFile[] = [];
  ipc.on(EVENT_CHANNELS.openFile, (_event, payload) => {
    const granted = EVENT_SCHEMAS[EVENT_CHANNELS.openFile](payload, 'opened file');
    if (!granted.ok) return;
    const file = opened(granted.value);
    if (openListeners.size === 0) heldFiles.push(file);
    for (const listener of openListeners) listener(file);
  });

  return {
    kind: 'electron',
    openFileDialog: async () => {
      const granted = await call('file:open-dialog', {});
      return granted === null ? null : opened(granted);
    },
    openDropped: async (file) => {
      const path = webUtils.getPathForFile(file);
      const blobRead = async (offset: number, length: number) =>
        new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
      if (path === '') {
        return { name: file.name, size: file.size, key: `${file.name}:${file.size}:${file.lastModified}`, read: blobRead };
      }
      const granted = await call('file:open-dropped', { path, size: file.size });
      // The page already holds the dropped bytes, so read them directly rather than through main.
      return { name: granted.name, size: granted.size, key: granted.key, read: blobRead };
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
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => {
        menuListeners.delete(listener);
      };
    },
    onOpenFile: (listener) => {
      openListeners.add(listener);
      for (const file of heldFiles.splice(0)) listener(file);
      return () => {
        openListeners.delete(listener);
      };
    },
  };
}
