import { app, BrowserWindow, dialog, nativeTheme, screen } from 'electron';
import type { EventContract } from '../ipc/channels';
import type { WindowState } from '../settings/schema';
import { appWindowOptions, restoreBounds } from './options';

export interface AppWindowsDeps {
  /** The page every window loads. */
  url: string;
  preloadPath: string;
  /** Where and how big the last window was, and a way to remember it as a window closes. */
  savedState(): WindowState | null;
  saveState(state: WindowState): void;
  /** Hands a file main was given (command line, Open with, menu) to the page in `win`. */
  openIn(win: BrowserWindow, path: string): Promise<void>;
  /** The window is gone: what was granted to it goes with it. */
  closed(id: number): void;
}

/**
 * The app's windows: which exist, which have loaded their page, and the files waiting until one has. A file
 * given to main before any page can take it (at launch, or while the only window loads) waits here.
 */
export class AppWindows {
  private readonly windows = new Map<number, BrowserWindow>();
  private readonly loaded = new Set<number>();
  private readonly pending: string[] = [];

  constructor(private readonly deps: AppWindowsDeps) {}

  get(id: number): BrowserWindow | undefined {
    return this.windows.get(id);
  }

  ids(): Set<number> {
    return new Set(this.windows.keys());
  }

  get count(): number {
    return this.windows.size;
  }

  /** The focused app window, else the oldest open one. */
  target(): BrowserWindow | undefined {
    const focused = BrowserWindow.getFocusedWindow();
    return focused && this.windows.has(focused.id) ? focused : this.windows.values().next().value;
  }

  send<E extends keyof EventContract>(win: BrowserWindow, channel: E, payload: EventContract[E]): void {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  }

  sendToTarget<E extends keyof EventContract>(channel: E, payload: EventContract[E]): void {
    const win = this.target();
    if (win) this.send(win, channel, payload);
  }

  /** Opens the files in the target window (made when there is none), or keeps them until a page has loaded. */
  openPaths(paths: readonly string[]): void {
    const win = this.target() ?? (app.isReady() ? this.create() : undefined);
    if (!win || !this.loaded.has(win.id)) {
      this.pending.push(...paths);
      return;
    }
    if (win.isMinimized()) win.restore();
    win.focus();
    for (const path of paths) void this.deps.openIn(win, path);
  }

  /** Keeps files for the first page that loads (they came before the app was ready). */
  keep(paths: readonly string[]): void {
    this.pending.push(...paths);
  }

  create(): BrowserWindow {
    const saved = this.deps.savedState();
    const bounds = restoreBounds(saved, screen.getAllDisplays().map((display) => display.workArea));
    const background = nativeTheme.shouldUseDarkColors ? '#15181c' : '#ffffff';
    const win = new BrowserWindow(appWindowOptions(this.deps.preloadPath, bounds, background));
    const id = win.id;
    this.windows.set(id, win);
    if (saved?.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      this.loaded.add(id);
      for (const path of this.pending.splice(0)) void this.deps.openIn(win, path);
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
    win.on('close', () => this.deps.saveState({ ...win.getNormalBounds(), maximized: win.isMaximized() }));
    win.on('closed', () => {
      this.windows.delete(id);
      this.loaded.delete(id);
      this.deps.closed(id);
    });
    void win.loadURL(this.deps.url);
    return win;
  }
}
