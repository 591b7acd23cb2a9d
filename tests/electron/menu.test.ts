import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../electron/ipc/channels';
import { buildMenuTemplate, type MenuDeps } from '../../electron/menu/template';
import type { MenuCommand } from '../../core/platform/api';
import { COMMANDS, MENU_ONLY_KEYS } from '../../core/platform/commands';

function build(overrides: Partial<MenuDeps> = {}) {
  const calls: string[] = [];
  const deps: MenuDeps = {
    platform: 'linux',
    appName: 'TwitchScope',
    recent: [],
    developer: false,
    send: (command) => calls.push(`send:${command}`),
    openRecent: (key) => calls.push(`recent:${key}`),
    clearRecent: () => calls.push('clear'),
    toggleTheme: () => calls.push('theme'),
    showAbout: () => calls.push('about'),
    showDataFolder: () => calls.push('data-folder'),
    ...overrides,
  };
  return { template: buildMenuTemplate(deps), calls };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const byId = (items: MenuItemConstructorOptions[], id: string) => flatten(items).find((item) => item.id === id);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as () => void | undefined)?.();

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux, with Quit and About inside', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(byId(template, 'quit')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    expect(byId(template, 'about')).toBeDefined();
  });

  it('puts About and Quit in the app menu on macOS, and adds the Window menu', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0].label).toBe('TwitchScope');
    const appMenu = template[0].submenu as MenuItemConstructorOptions[];
    expect(appMenu[0].id).toBe('about');
    expect(appMenu.some((item) => item.role === 'quit')).toBe(true);
    expect(template.some((m) => m.role === 'windowMenu')).toBe(true);
    expect(byId(template, 'quit')).toBeUndefined();
  });

  it('sends each page command once, with the expected shortcuts', () => {
    const { template, calls } = build();
    const expected: Partial<Record<MenuCommand, string>> = {
      open: 'CmdOrCtrl+O',
      'export-pdf': 'CmdOrCtrl+P',
      'export-csv': 'CmdOrCtrl+E',
      'export-json': 'CmdOrCtrl+Shift+E',
      'zoom-in': 'CmdOrCtrl+=',
      'zoom-out': 'CmdOrCtrl+-',
      'zoom-reset': 'CmdOrCtrl+0',
      'show-guidance': 'F1',
    };
    for (const [command, accelerator] of Object.entries(expected)) {
      expect(byId(template, command)?.accelerator).toBe(accelerator);
    }
    // Theme goes through main (it is remembered) and About is a native box; every other command is a menu item.
    const sent = MENU_COMMANDS.filter((c) => c !== 'toggle-theme' && c !== 'show-about');
    for (const command of sent) click(byId(template, command));
    expect(calls).toEqual(sent.map((c) => `send:${c}`));
  });

  it('never binds one shortcut twice, and leaves undo/redo to the page', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const items = flatten(build({ platform, developer: true }).template);
      const accelerators = items.map((item) => item.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
      expect(items.some((item) => item.role === 'undo' || item.role === 'redo')).toBe(false);
    }
  });

  it('takes every shortcut from the one command table, and none the page binds to something else', () => {
    const table = new Set<string>([...COMMANDS.flatMap((c) => (c.menu ? [c.menu] : [])), ...Object.values(MENU_ONLY_KEYS)]);
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const accelerators = flatten(build({ platform, developer: true }).template).flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
      expect(accelerators.filter((a) => !table.has(a))).toEqual([]);
    }
    // A menu-only key must not be one the page already answers to (Ctrl/Cmd chords in the table).
    const pageChords = new Set(COMMANDS.flatMap((c) => c.keys.filter((k) => k.mod).map((k) => `CmdOrCtrl+${k.shift ? 'Shift+' : ''}${k.key.toUpperCase()}`)));
    expect(Object.values(MENU_ONLY_KEYS).filter((k) => pageChords.has(k))).toEqual([]);
  });

  it('keeps page zoom (text size) apart from the timeline zoom keys', () => {
    const textSize = byId(build().template, 'text-size')!.submenu as MenuItemConstructorOptions[];
    expect(textSize.map((item) => [item.role, item.accelerator])).toEqual([
      ['zoomIn', 'CmdOrCtrl+Shift+='],
      ['zoomOut', 'CmdOrCtrl+Shift+-'],
      ['resetZoom', 'CmdOrCtrl+Shift+0'],
    ]);
  });

  it('lists recent recordings newest first and opens them by key', () => {
    const recent = [
      { key: '/data/calf-2.csv', name: 'calf-2.csv', openedAt: '2' },
      { key: '/data/calf-1.csv', name: 'calf-1.csv', openedAt: '1' },
    ];
    const { template, calls } = build({ recent });
    const submenu = byId(template, 'open-recent')!.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.label ?? item.type)).toEqual(['calf-2.csv', 'calf-1.csv', 'separator', 'Clear Recent']);
    click(submenu[1]);
    click(byId(template, 'recent-clear'));
    expect(calls).toEqual(['recent:/data/calf-1.csv', 'clear']);
  });

  it('shows a disabled placeholder when there are no recent recordings', () => {
    const { template } = build();
    expect(byId(template, 'recent-none')).toMatchObject({ enabled: false });
    expect(byId(template, 'recent-clear')).toMatchObject({ enabled: false });
  });

  it('routes theme, About and the data folder to main, and offers developer tools only in development', () => {
    const { template, calls } = build();
    click(byId(template, 'toggle-theme'));
    click(byId(template, 'about'));
    click(byId(template, 'data-folder'));
    expect(calls).toEqual(['theme', 'about', 'data-folder']);
    expect(flatten(template).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(flatten(build({ developer: true }).template).some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
