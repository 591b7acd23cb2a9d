import { EventEmitter } from 'node:events';

/**
 * Just enough of Electron's main-process API for `electron/main.ts` to run in Node: windows, dialogs, menus and
 * IPC are recorded so a test can drive the app the way Electron would and look at what main did.
 */

export class FakeWebContents extends EventEmitter {
  sent: [string, unknown][] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  reloads = 0;
  reload(): void {
    this.reloads++;
  }
  async printToPDF(): Promise<Uint8Array> {
    return new TextEncoder().encode('%PDF-fake');
  }
}

export function createFakeElectron(opts: { appData: string; documents: string }) {
  const state = {
    windows: [] as FakeBrowserWindow[],
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    menus: [] as unknown[],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    printProtocolHandlers: new Map<string, (request: { url: string }) => Promise<Response> | Response>(),
    openDialogAnswers: [] as (string | null)[],
    saveDialogAnswers: [] as (string | null)[],
    messageBoxes: [] as { message?: string; detail?: string }[],
    externalOpened: [] as string[],
    openedPaths: [] as string[],
    permissionAnswers: [] as boolean[],
    quitCalled: false,
    lockGranted: true,
    paths: new Map<string, string>([
      ['appData', opts.appData],
      ['documents', opts.documents],
    ]),
  };

  let nextId = 1;
  class FakeBrowserWindow extends EventEmitter {
    id = nextId++;
    webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    loadedStatus: number | null = null;
    destroyed = false;
    maximized = false;
    shown = false;
    bounds: { x: number; y: number; width: number; height: number };
    constructor(public options: { width?: number; height?: number; x?: number; y?: number; show?: boolean }) {
      super();
      this.bounds = { x: options.x ?? 10, y: options.y ?? 20, width: options.width ?? 800, height: options.height ?? 600 };
      state.windows.push(this);
      electron.app.emit('web-contents-created', {}, this.webContents);
    }
    static getFocusedWindow() {
      return null;
    }
    static fromWebContents(contents: FakeWebContents) {
      return state.windows.find((w) => w.webContents === contents && !w.destroyed) ?? null;
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.loadedStatus = url.startsWith('app://report/') ? (await state.printProtocolHandlers.get('app')!({ url })).status : null;
    }
    show() {
      this.shown = true;
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    getNormalBounds() {
      return this.bounds;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    /** What Electron does when the user closes the window. */
    close() {
      this.emit('close');
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const fakeSession = (protocolHandlers: Map<string, (request: { url: string }) => Promise<Response> | Response>) => ({
    protocol: {
      handle: (scheme: string, handler: (request: { url: string }) => Response) => void protocolHandlers.set(scheme, handler),
    },
    setPermissionRequestHandler: (h: (c: unknown, p: string, cb: (ok: boolean) => void) => void) =>
      h({}, 'media', (ok) => state.permissionAnswers.push(ok)),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined },
  });

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    ready: false,
    sandboxed: false,
    enableSandbox: () => void (app.sandboxed = true),
    setName: () => undefined,
    getVersion: () => '0.1.0',
    getPath: (name: string) => state.paths.get(name) ?? `/nonexistent/${name}`,
    setPath: (name: string, value: string) => void state.paths.set(name, value),
    requestSingleInstanceLock: () => state.lockGranted,
    quit: () => void (state.quitCalled = true),
    isReady: () => app.ready,
    whenReady: () => {
      app.ready = true;
      return Promise.resolve();
    },
    addRecentDocument: () => undefined,
    clearRecentDocuments: () => undefined,
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showOpenDialog: async () => {
        const path = state.openDialogAnswers.shift() ?? null;
        return { canceled: path === null, filePaths: path === null ? [] : [path] };
      },
      showSaveDialog: async () => {
        const path = state.saveDialogAnswers.shift() ?? null;
        return { canceled: path === null, filePath: path ?? '' };
      },
      showMessageBox: async (_win: unknown, options: { message?: string; detail?: string }) => {
        state.messageBoxes.push(options ?? (_win as { message?: string }));
        return { response: 0 };
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        state.handlers.set(channel, listener),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void state.menus.push(menu),
    },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
        void state.protocolHandlers.set(scheme, handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: fakeSession(new Map()), fromPartition: () => fakeSession(state.printProtocolHandlers) },
    shell: {
      openExternal: async (url: string) => void state.externalOpened.push(url),
      openPath: async (path: string) => void state.openedPaths.push(path),
    },
  };

  return { electron, state, FakeBrowserWindow };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
