import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type GrantedFile } from '../../electron/ipc/channels';
import { parseCsp } from '../../electron/window/csp';
import { createFakeElectron, type FakeElectron } from './fake-electron';
import { tempDir } from './helpers';

// main.ts imports Electron and the build-time About data; both are stood in for, and main runs as in the app.
// Mocked modules outlive vi.resetModules(), so the stand-in forwards to whichever fake the current test made.
vi.mock('electron', () => {
  const current = () => (globalThis as unknown as { __fakeElectron: FakeElectron }).__fakeElectron.electron;
  const names = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'Menu', 'nativeTheme', 'protocol', 'screen', 'session', 'shell'] as const;
  const forward = (name: (typeof names)[number]) =>
    new Proxy(function stand() {}, {
      get: (_t, key) => Reflect.get(current()[name], key),
      construct: (_t, args) => Reflect.construct(current()[name] as unknown as new (...a: unknown[]) => object, args),
    });
  return Object.fromEntries(names.map((name) => [name, forward(name)]));
});
vi.mock('virtual:twitchscope-about', () => ({
  default: { licences: [{ name: 'react', version: '19', licence: 'MIT' }], samples: [{ file: 'a.csv' }], samplesProvenance: 'Simulated.' },
}));

let fake: FakeElectron;
let appData: string;
let work: string;
const savedArgv = process.argv;

async function startMain(argv: string[] = []) {
  process.argv = ['electron', '.', ...argv];
  vi.resetModules();
  await import('../../electron/main');
  await vi.waitFor(() => expect(fake.state.windows.length).toBeGreaterThan(0));
  return fake.state.windows[0];
}

/** Calls a registered handler as the preload would, unwrapping the reply envelope. */
async function call(channel: string, event: unknown, payload: unknown): Promise<unknown> {
  const reply = (await fake.state.handlers.get(channel)!(event, payload)) as { ok: boolean; value?: unknown; message?: string };
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}

const appEvent = (win: { webContents: unknown }, url = 'app://twitchscope/index.html') => ({
  sender: win.webContents,
  senderFrame: { url, parent: null },
});

beforeEach(() => {
  appData = tempDir('twitchscope-appdata-');
  work = tempDir('twitchscope-work-');
  fake = createFakeElectron({ appData, documents: work });
  (globalThis as unknown as { __fakeElectron: FakeElectron }).__fakeElectron = fake;
});

afterEach(() => {
  process.argv = savedArgv;
});

describe('main process wiring (Electron stood in for)', () => {
  it('opens one secure window on the app origin and registers every IPC channel', async () => {
    const win = await startMain();
    expect(win.loadedUrl).toBe('app://twitchscope/index.html');
    expect(fake.electron.app.sandboxed).toBe(true);
    expect((win.options as { webPreferences: object }).webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect([...fake.state.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(fake.state.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.state.permissionAnswers.every((ok) => ok === false)).toBe(true);
    expect(fake.state.menus.length).toBeGreaterThan(0);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('serves pages from the renderer folder beside main, with the CSP header, and nothing outside it', async () => {
    await startMain();
    const handler = fake.state.protocolHandlers.get('app')!;
    // Run from source, "beside main" is renderer/ itself, whose index.html is the page electron-vite builds.
    const page = await handler({ url: 'app://twitchscope/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(parseCsp(page.headers.get('content-security-policy')!).get('script-src')).toEqual(["'self'"]);
    expect((await handler({ url: 'app://twitchscope/a/..%2f..%2f..%2fpackage.json' })).status).toBe(404);
  });

  it('hands a file from the command line to the page once it has loaded, then reads it by token', async () => {
    const recording = join(work, 'calf.csv');
    await fs.writeFile(recording, 'time_s,left calf EMG (uV)\n0,1\n');
    const win = await startMain([recording]);
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(win.webContents.sent.length).toBe(1));
    const [channel, granted] = win.webContents.sent[0] as [string, GrantedFile];
    expect(channel).toBe(EVENT_CHANNELS.openFile);
    expect(granted).toMatchObject({ name: 'calf.csv', key: recording });
    const bytes = (await call('file:read', appEvent(win), { token: granted.token, offset: 0, length: 6 })) as Uint8Array;
    expect(new TextDecoder().decode(bytes)).toBe('time_s');
    await expect(call('file:read', appEvent(win, 'https://evil.example/'), { token: granted.token, offset: 0, length: 6 })).rejects.toThrow(
      'The request was refused.',
    );
  });

  it('tells the user when a command-line file cannot be opened', async () => {
    const win = await startMain([join(work, 'missing.csv')]);
    win.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(fake.state.messageBoxes.length).toBe(1));
    expect(fake.state.messageBoxes[0].message).toBe('This recording could not be opened.');
  });

  it('passes files from a second launch to the running window', async () => {
    const win = await startMain();
    win.webContents.emit('did-finish-load');
    const second = join(work, 'hand.csv');
    await fs.writeFile(second, 'time_s,x\n');
    fake.electron.app.emit('second-instance', {}, ['electron', '.', 'hand.csv'], work);
    await vi.waitFor(() => expect(win.webContents.sent.length).toBe(1));
    expect((win.webContents.sent[0][1] as GrantedFile).key).toBe(second);
    expect(fake.state.windows).toHaveLength(1);
  });

  it('quits at once when another instance already runs', async () => {
    fake.state.lockGranted = false;
    process.argv = ['electron', '.'];
    vi.resetModules();
    await import('../../electron/main');
    expect(fake.state.quitCalled).toBe(true);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('remembers window bounds and recent files in settings.json, and restores them next time', async () => {
    const recording = join(work, 'calf.csv');
    await fs.writeFile(recording, 'time_s,x\n');
    const win = await startMain();
    fake.state.openDialogAnswers.push(recording);
    await call('file:open-dialog', appEvent(win), {});
    win.bounds = { x: 50, y: 60, width: 1111, height: 777 };
    win.close();
    const settingsPath = join(appData, 'TwitchScope', 'settings.json');
    await vi.waitFor(async () => {
      const saved = JSON.parse(await fs.readFile(settingsPath, 'utf8'));
      expect(saved.window).toEqual({ x: 50, y: 60, width: 1111, height: 777, maximized: false });
      expect(saved.recent.map((r: { key: string }) => r.key)).toEqual([recording]);
    });

    fake = createFakeElectron({ appData, documents: work });
    (globalThis as unknown as { __fakeElectron: FakeElectron }).__fakeElectron = fake;
    const again = await startMain();
    expect(again.options).toMatchObject({ x: 50, y: 60, width: 1111, height: 777 });
    const recent = (await call('recent:list', appEvent(again), {})) as { key: string }[];
    expect(recent.map((r) => r.key)).toEqual([recording]);
  });

  it('holds quitting until the closing window’s bounds are on disk', async () => {
    const win = await startMain();
    win.bounds = { x: 5, y: 6, width: 1001, height: 701 };
    win.close();
    let prevented = false;
    fake.electron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(fake.state.quitCalled).toBe(false);
    await vi.waitFor(() => expect(fake.state.quitCalled).toBe(true));
    const saved = JSON.parse(await fs.readFile(join(appData, 'TwitchScope', 'settings.json'), 'utf8'));
    expect(saved.window).toMatchObject({ width: 1001, height: 701 });
    let preventedAgain = false;
    fake.electron.app.emit('will-quit', { preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
  });

  it('starts dialogs in the last folder used and remembers where the user saved', async () => {
    const win = await startMain();
    const calls: { defaultPath?: string }[] = [];
    const original = fake.electron.dialog.showSaveDialog;
    fake.electron.dialog.showSaveDialog = async (...args: unknown[]) => {
      calls.push(args[1] as { defaultPath?: string });
      return original();
    };
    const folder = tempDir('twitchscope-exports-');
    fake.state.saveDialogAnswers.push(join(folder, 'events.csv'), null);
    await call('file:save', appEvent(win), { suggestedName: 'events.csv', data: 'a\n', mimeType: 'text/csv' });
    await call('file:save', appEvent(win), { suggestedName: 'analysis.json', data: '{}', mimeType: 'application/json' });
    expect(calls.map((c) => c.defaultPath)).toEqual([join(work, 'events.csv'), join(folder, 'analysis.json')]);
  });

  it('offers to reload a window whose page crashed, but not one that closed normally', async () => {
    const win = await startMain();
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(win.webContents.reloads).toBe(1));
    expect(fake.state.messageBoxes.map((b) => b.message)).toEqual(['The TwitchScope window stopped unexpectedly.']);
  });

  it('stops navigation and window.open in the app window', async () => {
    const win = await startMain();
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(win.webContents.openHandler!({ url: 'https://www.nhs.uk/conditions/' })).toEqual({ action: 'deny' });
    expect(fake.state.externalOpened).toEqual(['https://www.nhs.uk/conditions/']);
  });

  it('prints a report in a hidden window without scripts and saves it where the user chose', async () => {
    const win = await startMain();
    const target = join(work, 'report.pdf');
    fake.state.saveDialogAnswers.push(target);
    const ok = await call('report:save-pdf', appEvent(win), { suggestedName: 'report.pdf', html: '<p>Hi</p>' });
    expect(ok).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('%PDF-fake');
    const printer = fake.state.windows[1];
    expect((printer.options as { webPreferences: object }).webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect((printer.options as { webPreferences: { preload?: string } }).webPreferences.preload).toBeUndefined();
    expect(printer.destroyed).toBe(true);
    expect(printer.loadedUrl).toMatch(/^app:\/\/report\/[0-9a-f]{32}\.html$/);
    expect(printer.loadedStatus).toBe(200);
    expect((await fake.state.printProtocolHandlers.get('app')!({ url: printer.loadedUrl! })).status).toBe(404);
  });

  it('sends menu commands to the app window', async () => {
    const win = await startMain();
    const menu = fake.state.menus.at(-1) as { submenu?: { id?: string; click?: () => void }[] }[];
    const items = menu.flatMap((m) => m.submenu ?? []);
    items.find((i) => i.id === 'export-pdf')!.click!();
    items.find((i) => i.id === 'toggle-theme')!.click!();
    expect(win.webContents.sent).toEqual([
      [EVENT_CHANNELS.menuCommand, 'export-pdf'],
      [EVENT_CHANNELS.menuCommand, 'toggle-theme'],
    ]);
    items.find((i) => i.id === 'data-folder')!.click!();
    expect(fake.state.openedPaths).toEqual([join(appData, 'TwitchScope')]);
  });

  it('removes the copies killed saves left in its own folders before anything else', async () => {
    const userData = join(appData, 'TwitchScope');
    await fs.mkdir(join(userData, 'sidecars'), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const stale = [join(userData, `.settings.json.${gone}-1.tmp`), join(userData, `.library.json.${gone}-2.tmp`), join(userData, 'sidecars', `.${'a'.repeat(64)}.json.${gone}-3.tmp`)];
    for (const p of stale) await fs.writeFile(p, '{"half":');
    await startMain();
    expect(await fs.readdir(userData)).not.toEqual(expect.arrayContaining([expect.stringMatching(/\.tmp$/)]));
    expect(await fs.readdir(join(userData, 'sidecars'))).toEqual([]);
  });
});

