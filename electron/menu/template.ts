import type { MenuItemConstructorOptions } from 'electron';
import { commandById, MENU_ONLY_KEYS as KEYS } from '../../core/platform/commands';
import type { MenuCommand, RecentFile } from '../../core/platform/api';

/**
 * The application menu as data. Commands the page acts on go out as `MenuCommand`s; the few things only the
 * shell can do (recent files, About, quitting) call back into main.
 */
export interface MenuDeps {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly RecentFile[];
  /** Adds reload and developer tools, for `npm run dev` only. */
  developer: boolean;
  send(command: MenuCommand): void;
  openRecent(key: string): void;
  clearRecent(): void;
  toggleTheme(): void;
  showAbout(): void;
  /** Opens the folder with settings and fallback sidecars in the file manager. */
  showDataFolder(): void;
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin';
  const command = (id: MenuCommand, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => deps.send(id),
  });
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${deps.appName}`, click: deps.showAbout };

  const recentItems: MenuItemConstructorOptions[] =
    deps.recent.length === 0
      ? [{ id: 'recent-none', label: 'No recent recordings', enabled: false }]
      : deps.recent.map((file, index) => ({
          id: `recent-${index}`,
          label: file.name,
          toolTip: file.key,
          click: () => deps.openRecent(file.key),
        }));

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: deps.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    id: 'file',
    label: '&File',
    submenu: [
      command('open', 'Open Recording…', commandById('open').menu),
      command('open-sample', 'Open Sample Recording'),
      command('show-library', 'Library of Recordings and Trends', KEYS['show-library']),
      {
        id: 'open-recent',
        label: 'Open Recent',
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { id: 'recent-clear', label: 'Clear Recent', enabled: deps.recent.length > 0, click: deps.clearRecent },
        ],
      },
      { type: 'separator' },
      command('export-pdf', 'Export Report as PDF…', KEYS['export-pdf']),
      command('export-csv', 'Export Events as CSV…', KEYS['export-csv']),
      command('export-json', 'Export Analysis as JSON…', KEYS['export-json']),
      command('export-edf', 'Export Signals and Events as EDF+…'),
      command('import-events', 'Import Events…'),
      { type: 'separator' },
      mac ? { role: 'close' } : { id: 'quit', role: 'quit', label: 'Quit', accelerator: KEYS.quit },
    ],
  });
  // No undo/redo roles: the page's own undo (review edits) owns those keys, and a menu accelerator would take them.
  template.push({
    id: 'edit',
    label: '&Edit',
    submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  template.push({
    id: 'view',
    label: '&View',
    submenu: [
      // The same accelerators the page's command table lists for these actions.
      command('zoom-in', 'Zoom In', commandById('zoom-in').menu),
      command('zoom-out', 'Zoom Out', commandById('zoom-out').menu),
      command('zoom-reset', 'Show Whole Recording', commandById('zoom-fit').menu),
      { type: 'separator' },
      { id: 'toggle-theme', label: 'Switch Light/Dark Theme', accelerator: KEYS['toggle-theme'], click: deps.toggleTheme },
      { type: 'separator' },
      // Page zoom for reading comfort; the plain Ctrl+=/- keys above zoom the timeline instead.
      {
        id: 'text-size',
        label: 'Text Size',
        submenu: [
          { role: 'zoomIn', label: 'Larger', accelerator: KEYS['text-larger'] },
          { role: 'zoomOut', label: 'Smaller', accelerator: KEYS['text-smaller'] },
          { role: 'resetZoom', label: 'Actual Size', accelerator: KEYS['text-actual-size'] },
        ],
      },
      { role: 'togglefullscreen' },
      ...(deps.developer
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  });
  if (mac) template.push({ role: 'windowMenu' });
  template.push({
    id: 'help',
    label: '&Help',
    role: 'help',
    submenu: [
      command('show-guidance', 'Guidance on Twitches and Cramps', KEYS['show-guidance']),
      { id: 'data-folder', label: 'Show Settings and Saved-Work Folder', click: deps.showDataFolder },
      ...(mac ? [] : [{ type: 'separator' } as const, about]),
    ],
  });
  return template;
}
