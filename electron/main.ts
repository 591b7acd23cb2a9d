import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import aboutData from 'virtual:twitchscope-about';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { fileLibraryStore, LIBRARY_FILE } from '../node/library-file-store';
import { aboutBox } from './about/data';
import { FileGrants } from './files/grants';
import { fileArguments } from './files/launch-args';
import { nativeDialogs } from './files/native-dialogs';
import { SidecarStore } from './files/sidecar';
import { writeFileAtomic } from '../node/fs/atomic-write';
import { removeStaleTempsIn } from '../node/fs/stale-temps';
import { EVENT_CHANNELS, type EventContract } from './ipc/channels';
import { createHandlers, openForWindow, type HandlerDeps } from './ipc/handlers';
import { registerInvokeHandlers } from './ipc/register';
import { checkSender, senderFacts } from './ipc/sender';
import { buildMenuTemplate } from './menu/template';
import { addRecent, removeRecent } from './recent';
import { printHtmlToPdf, REPORT_ORIGIN, ReportPages } from './report/print-pdf';
import { SettingsStore } from './settings/store';
import { APP_ORIGIN, APP_ENTRY_URL, APP_SCHEME, appProtocolResponse } from './window/app-protocol';
import { guardSession, guardWebContents } from './window/guards';
import { appWindowOptions, PRINT_PARTITION, printWindowOptions, restoreBounds } from './window/options';

const APP_NAME = 'TwitchScope';
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const suffix = () => randomBytes(6).toString('hex');

// Every renderer is sandboxed, including any a future change forgets to configure.
app.enableSandbox();

// One folder name on every platform and in dev and packaged runs alike (the package name is lower-case).
app.setName(APP_NAME);
app.setPath('userData', join(app.getPath('appData'), APP_NAME));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// A second launch hands its files to the running app instead of opening another window on the same settings.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const appWindows = new Map<number, BrowserWindow>();
  const loadedWindows = new Set<number>();
  const pendingPaths: string[] = fileArguments(process.argv, { unpackaged: !app.isPackaged, cwd: process.cwd() });
  const toldAboutSidecar = new Set<string>();
  const reportPages = new ReportPages(() => randomBytes(16).toString('hex'));
  const grants = new FileGrants(() => randomBytes(16).toString('hex'));
  const userData = app.getPath('userData');
  const settings = new SettingsStore({
    fs,
    dir: userData,
    now: () => new Date(),
    uniqueSuffix: suffix,
    onSetAside: (path, reason) => console.warn(`Settings file ${reason}; kept as ${path} and started fresh.`),
  });

  const send = <E extends keyof EventContract>(win: BrowserWindow, channel: E, payload: EventContract[E]) => {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  };
  const targetWindow = (): BrowserWindow | undefined => {
    const focused = BrowserWindow.getFocusedWindow();
    return focused && appWindows.has(focused.id) ? focused : appWindows.values().next().value;
  };

  const saveSettings = (change: Parameters<SettingsStore['update']>[0]) =>
    settings.update(change).catch((error: unknown) => console.error('Could not save settings:', error));

  const deps: HandlerDeps = {
    fs,
    grants,
    dialogs: nativeDialogs({
      dialog,
      windowOf: (id) => appWindows.get(id),
      startFolder: () => settings.value.lastFolder ?? app.getPath('documents'),
      rememberFolder: (folder) => void saveSettings((s) => ({ ...s, lastFolder: folder })),
    }),
    recent: {
      list: () => settings.value.recent,
      add: async (path, name) => {
        app.addRecentDocument(path);
        await saveSettings((s) => ({
          ...s,
          recent: addRecent(s.recent, { key: path, name, openedAt: new Date().toISOString() }),
          lastFolder: dirname(path),
        }));
        refreshMenu();
      },
      remove: async (key) => {
        await saveSettings((s) => ({ ...s, recent: removeRecent(s.recent, key) }));
        refreshMenu();
      },
    },
    sidecars: new SidecarStore({ fs, userDataDir: userData, uniqueSuffix: suffix }),
    library: fileLibraryStore({ fs, path: join(userData, LIBRARY_FILE), now: () => new Date(), uniqueSuffix: suffix }),
    printPdf: (html) =>
      printHtmlToPdf(html, {
        pages: reportPages,
        createTarget: () => {
          const win = new BrowserWindow(printWindowOptions());
          return {
            loadURL: (url) => win.loadURL(url),
            printToPDF: (options) => win.webContents.printToPDF(options),
            destroy: () => win.destroy(),
          };
        },
      }),
    writeFileAtomic: (path, data) => writeFileAtomic(fs, path, data, suffix),
    appVersion: app.getVersion(),
    onSidecarSaved: (windowId, location) => {
      if (location.keptAside) {
        const kept = {
          type: 'info' as const,
          message: 'Earlier saved work on this recording was kept.',
          detail: `${location.keptAside.reason} It was moved, unchanged, to:\n${location.keptAside.path}\nYour work from now on is saved in its place.`,
        };
        const owner = appWindows.get(windowId);
        void (owner ? dialog.showMessageBox(owner, kept) : dialog.showMessageBox(kept));
      }
      if (location.where !== 'user-data' || toldAboutSidecar.has(location.path)) return;
      // Said once per recording and run: autosave writes often, and the place does not change.
      toldAboutSidecar.add(location.path);
      console.info(`Saved work to ${location.path}: the recording's folder cannot be written.`);
      const win = appWindows.get(windowId);
      const box = {
        type: 'info' as const,
        message: 'Your work on this recording is kept in TwitchScope’s own folder.',
        detail: `The recording’s folder cannot be written to, so your work is saved here instead:\n${location.path}`,
      };
      void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
    },
  };

  /** Opens a path main was given (command line, Open with, menu) in a window and hands it to the page. */
  const openPathIn = async (win: BrowserWindow, path: string) => {
    try {
      send(win, EVENT_CHANNELS.openFile, await openForWindow(deps, win.id, path));
    } catch (error) {
      await dialog.showMessageBox(win, {
        type: 'warning',
        message: 'This recording could not be opened.',
        detail: `${path}\n\n${error instanceof Error ? error.message : ''}`.trim(),
      });
    }
  };
  const openPaths = (paths: string[]) => {
    const win = targetWindow() ?? (app.isReady() ? createWindow() : undefined);
    if (!win || !loadedWindows.has(win.id)) {
      pendingPaths.push(...paths);
      return;
    }
    if (win.isMinimized()) win.restore();
    win.focus();
    for (const path of paths) void openPathIn(win, path);
  };

  let pageDark = false;

  const showAbout = () => {
    const box = aboutBox(APP_NAME, app.getVersion(), aboutData);
    const win = targetWindow();
    const options = { type: 'info' as const, title: box.title, message: box.message, detail: box.detail, buttons: ['OK'] };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };

  function refreshMenu(): void {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: APP_NAME,
      recent: settings.value.recent,
      developer: devServerUrl !== undefined,
      send: (command) => {
        const win = targetWindow();
        if (win) send(win, EVENT_CHANNELS.menuCommand, command);
      },
      openRecent: (key) => openPaths([key]),
      clearRecent: () => {
        app.clearRecentDocuments();
        void saveSettings((s) => ({ ...s, recent: [] })).then(refreshMenu);
      },
      toggleTheme: () => {
        // The page switches at once; the choice is kept so the next start opens in it (prefers-color-scheme).
        pageDark = !pageDark;
        void saveSettings((s) => ({ ...s, theme: pageDark ? 'dark' : 'light' }));
        const win = targetWindow();
        if (win) send(win, EVENT_CHANNELS.menuCommand, 'toggle-theme');
      },
      showAbout,
      showDataFolder: () => void shell.openPath(userData),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function createWindow(): BrowserWindow {
    const saved = settings.value.window;
    const bounds = restoreBounds(saved, screen.getAllDisplays().map((display) => display.workArea));
    const background = nativeTheme.shouldUseDarkColors ? '#15181c' : '#ffffff';
    const win = new BrowserWindow(appWindowOptions(join(__dirname, '../preload/preload.js'), bounds, background));
    const id = win.id;
    appWindows.set(id, win);
    if (saved?.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      loadedWindows.add(id);
      const paths = pendingPaths.splice(0);
      for (const path of paths) void openPathIn(win, path);
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      // Work is autosaved, so reloading loses at most the last few seconds of edits.
      void dialog
        .showMessageBox(win, {
          type: 'warning',
          message: 'The TwitchScope window stopped unexpectedly.',
          detail: 'Your work on a recording is saved as you go. Reload the window to carry on.',
          buttons: ['Reload', 'Quit'],
          defaultId: 0,
        })
        .then(({ response }) => (response === 0 ? win.webContents.reload() : app.quit()));
    });
    win.on('close', () => {
      const normal = win.getNormalBounds();
      void saveSettings((s) => ({ ...s, window: { ...normal, maximized: win.isMaximized() } }));
    });
    win.on('closed', () => {
      appWindows.delete(id);
      loadedWindows.delete(id);
      grants.forgetWindow(id);
    });
    void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
    return win;
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = fileArguments(argv, { unpackaged: !app.isPackaged, cwd: workingDirectory });
    if (!app.isReady()) pendingPaths.push(...paths);
    else if (paths.length > 0) openPaths(paths);
    else (targetWindow() ?? createWindow()).focus();
  });

  // macOS "Open with" and dropping on the Dock icon; may arrive before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) openPaths([path]);
    else pendingPaths.push(path);
  });

  // Window bounds are saved as the window closes; let that write land before the process ends.
  let settingsFlushed = false;
  app.on('will-quit', (event) => {
    if (settingsFlushed) return;
    event.preventDefault();
    void settings.flush().finally(() => {
      settingsFlushed = true;
      app.quit();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Every page, the hidden print window included, stays where it was loaded.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url)));

  void app.whenReady().then(async () => {
    // Copies a killed save left in the app's own folders hold health data: gone before anything else runs.
    for (const dir of [userData, join(userData, 'sidecars')]) await removeStaleTempsIn(fs, dir);
    await settings.load();
    nativeTheme.themeSource = settings.value.theme;
    pageDark = nativeTheme.shouldUseDarkColors;
    guardSession(session.defaultSession);
    const printSession = session.fromPartition(PRINT_PARTITION);
    guardSession(printSession);
    // The print window can load its report page and inline data, nothing else; the report's CSP says the same.
    printSession.protocol.handle(APP_SCHEME, (request) => reportPages.respond(request.url));
    printSession.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !(details.url.startsWith(`${REPORT_ORIGIN}/`) || details.url.startsWith('data:')) });
    });

    const rendererRoot = join(__dirname, '../renderer');
    protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, { rootDir: rendererRoot, readFile: fs.readFile }));

    registerInvokeHandlers(ipcMain, createHandlers(deps), {
      authorize: (event) =>
        checkSender(
          senderFacts(event, (contents) => BrowserWindow.fromWebContents(contents)?.id ?? null),
          new Set(appWindows.keys()),
          trustedOrigins,
        ),
      report: (channel, reason) => console.warn(`IPC ${channel}: ${reason}`),
    });

    refreshMenu();
    createWindow();
    app.on('activate', () => {
      if (appWindows.size === 0) createWindow();
    });
  });
}
