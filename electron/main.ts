import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, shell } from 'electron';
import { fileLibraryStore, LIBRARY_FILE } from '../node/library-file-store';
import { writeFileAtomic } from '../node/fs/atomic-write';
import { removeStaleTempsIn } from '../node/fs/stale-temps';
import { FileGrants } from './files/grants';
import { fileArguments } from './files/launch-args';
import { nativeDialogs } from './files/native-dialogs';
import { SidecarStore } from './files/sidecar';
import { sidecarNotices } from './files/sidecar-notices';
import { EVENT_CHANNELS } from './ipc/channels';
import { createHandlers, openForWindow, type HandlerDeps } from './ipc/handlers';
import { registerInvokeHandlers } from './ipc/register';
import { checkSender, senderFacts } from './ipc/sender';
import { AppMenu } from './menu/app-menu';
import { addRecent, removeRecent } from './recent';
import { printHtmlToPdf, ReportPages } from './report/print-pdf';
import type { Settings } from './settings/schema';
import { SettingsStore } from './settings/store';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './window/app-protocol';
import { AppWindows } from './window/app-windows';
import { guardWebContents } from './window/guards';
import { showMessage } from './window/message-box';
import { printWindowOptions } from './window/options';
import { servePages } from './window/sessions';

/** The user's import templates, beside settings.json in the user-data folder. */
const TEMPLATES_FILE = 'import-templates.json';

// The composition root: it makes the stores, windows, menu and IPC handlers and wires Electron's events to them.

const APP_NAME = 'TwitchScope';
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const suffix = () => randomBytes(6).toString('hex');
const token = () => randomBytes(16).toString('hex');

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
  const userData = app.getPath('userData');
  const reportPages = new ReportPages(token);
  const grants = new FileGrants(token);
  const settings = new SettingsStore({
    fs,
    dir: userData,
    now: () => new Date(),
    uniqueSuffix: suffix,
    onSetAside: (path, reason) => console.warn(`Settings file ${reason}; kept as ${path} and started fresh.`),
  });
  const saveSettings = (change: (s: Settings) => Settings) =>
    settings.update(change).catch((error: unknown) => console.error('Could not save settings:', error));

  const windows: AppWindows = new AppWindows({
    url: devServerUrl ?? APP_ENTRY_URL,
    preloadPath: join(__dirname, '../preload/preload.js'),
    savedState: () => settings.value.window,
    saveState: (window) => void saveSettings((s) => ({ ...s, window })),
    openIn: (win, path) => openPathIn(win, path),
    closed: (id) => grants.forgetWindow(id),
  });
  const menu = new AppMenu({ appName: APP_NAME, developer: devServerUrl !== undefined, windows, settings: () => settings.value, saveSettings, userData });
  const deps = handlerDeps(userData, windows, settings, saveSettings, grants, reportPages, () => menu.refresh());

  /** Opens a path main was given (command line, Open with, menu) in a window and hands it to the page. */
  async function openPathIn(win: BrowserWindow, path: string): Promise<void> {
    try {
      windows.send(win, EVENT_CHANNELS.openFile, await openForWindow(deps, win.id, path));
    } catch (error) {
      await dialog.showMessageBox(win, {
        type: 'warning',
        message: 'This recording could not be opened.',
        detail: `${path}\n\n${error instanceof Error ? error.message : ''}`.trim(),
      });
    }
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = fileArguments(argv, { unpackaged: !app.isPackaged, cwd: workingDirectory });
    if (!app.isReady()) windows.keep(paths);
    else if (paths.length > 0) windows.openPaths(paths);
    else (windows.target() ?? windows.create()).focus();
  });

  // macOS "Open with" and dropping on the Dock icon; may arrive before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) windows.openPaths([path]);
    else windows.keep([path]);
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

  windows.keep(fileArguments(process.argv, { unpackaged: !app.isPackaged, cwd: process.cwd() }));
  void app.whenReady().then(async () => {
    // Copies a killed save left in the app's own folders hold health data: gone before anything else runs.
    for (const dir of [userData, join(userData, 'sidecars')]) await removeStaleTempsIn(fs, dir);
    await settings.load();
    menu.applyTheme();
    servePages(join(__dirname, '../renderer'), reportPages);
    registerInvokeHandlers(ipcMain, createHandlers(deps), {
      authorize: (event) =>
        checkSender(senderFacts(event, (contents) => BrowserWindow.fromWebContents(contents)?.id ?? null), windows.ids(), trustedOrigins),
      report: (channel, reason) => console.warn(`IPC ${channel}: ${reason}`),
    });
    menu.refresh();
    windows.create();
    app.on('activate', () => {
      if (windows.count === 0) windows.create();
    });
  });
}

/** What the IPC handlers reach: files, dialogs, recent list, sidecars, library and PDF printing. */
function handlerDeps(
  userData: string,
  windows: AppWindows,
  settings: SettingsStore,
  saveSettings: (change: (s: Settings) => Settings) => Promise<void>,
  grants: FileGrants,
  reportPages: ReportPages,
  recentChanged: () => void,
): HandlerDeps {
  return {
    fs,
    grants,
    dialogs: nativeDialogs({
      dialog,
      windowOf: (id) => windows.get(id),
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
        recentChanged();
      },
      remove: async (key) => {
        await saveSettings((s) => ({ ...s, recent: removeRecent(s.recent, key) }));
        recentChanged();
      },
    },
    sidecars: new SidecarStore({ fs, userDataDir: userData, uniqueSuffix: suffix }),
    library: fileLibraryStore({ fs, path: join(userData, LIBRARY_FILE), now: () => new Date(), uniqueSuffix: suffix }),
    // The same one-text-file store (atomic writes, kept when unreadable) holds the import templates.
    templates: fileLibraryStore({ fs, path: join(userData, TEMPLATES_FILE), now: () => new Date(), uniqueSuffix: suffix }),
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
    onSidecarSaved: sidecarNotices((id, box) => showMessage(windows.get(id), box), console.info),
  };
}
