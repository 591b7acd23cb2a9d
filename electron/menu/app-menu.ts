import aboutData from 'virtual:twitchscope-about';
import { app, Menu, nativeTheme, shell } from 'electron';
import { aboutBox } from '../about/data';
import { EVENT_CHANNELS } from '../ipc/channels';
import type { Settings } from '../settings/schema';
import type { AppWindows } from '../window/app-windows';
import { showMessage } from '../window/message-box';
import { buildMenuTemplate } from './template';

export interface AppMenuDeps {
  appName: string;
  /** Adds reload and developer tools, for `npm run dev` only. */
  developer: boolean;
  windows: AppWindows;
  settings(): Settings;
  saveSettings(change: (settings: Settings) => Settings): Promise<void>;
  /** The folder with settings and fallback sidecars, shown in the file manager on request. */
  userData: string;
}

/** The application menu and the theme it switches: built from settings, rebuilt when the recent list changes. */
export class AppMenu {
  private pageDark = false;

  constructor(private readonly deps: AppMenuDeps) {}

  /** Applies the theme settings hold; called once they are loaded. */
  applyTheme(): void {
    nativeTheme.themeSource = this.deps.settings().theme;
    this.pageDark = nativeTheme.shouldUseDarkColors;
  }

  refresh(): void {
    const { deps } = this;
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: deps.appName,
      recent: deps.settings().recent,
      developer: deps.developer,
      send: (command) => deps.windows.sendToTarget(EVENT_CHANNELS.menuCommand, command),
      openRecent: (key) => deps.windows.openPaths([key]),
      clearRecent: () => {
        app.clearRecentDocuments();
        void deps.saveSettings((s) => ({ ...s, recent: [] })).then(() => this.refresh());
      },
      toggleTheme: () => this.toggleTheme(),
      showAbout: () => this.showAbout(),
      showDataFolder: () => void shell.openPath(deps.userData),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  private toggleTheme(): void {
    // The page switches at once; the choice is kept so the next start opens in it (prefers-color-scheme).
    this.pageDark = !this.pageDark;
    void this.deps.saveSettings((s) => ({ ...s, theme: this.pageDark ? 'dark' : 'light' }));
    this.deps.windows.sendToTarget(EVENT_CHANNELS.menuCommand, 'toggle-theme');
  }

  private showAbout(): void {
    const box = aboutBox(this.deps.appName, app.getVersion(), aboutData);
    showMessage(this.deps.windows.target(), { type: 'info', title: box.title, message: box.message, detail: box.detail, buttons: ['OK'] });
  }
}
