import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { FileGrants } from '../../electron/files/grants';
import { INVOKE_CHANNELS, type InvokeChannel, type IpcReply } from '../../electron/ipc/channels';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers';
import { FAILED_MESSAGE, REFUSED_MESSAGE, registerInvokeHandlers } from '../../electron/ipc/register';
import { checkSender, originOf, senderFacts } from '../../electron/ipc/sender';
import { APP_ORIGIN } from '../../electron/window/app-protocol';
import { SidecarStore } from '../../electron/files/sidecar';
import { tempDir } from './helpers';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply<unknown>>;

const APP_WINDOW = 7;
const PRINT_WINDOW = 8;
const DEV_ORIGIN = 'http://localhost:5173';

/** An invoke event as Electron builds it: the sending web contents and frame. */
function event(opts: { windowId: number | null; url: string | null; topFrame?: boolean }): IpcMainInvokeEvent {
  const contents = { windowId: opts.windowId } as unknown as WebContents;
  const top = { url: 'app://twitchscope/index.html', parent: null };
  const frame = opts.url === null ? null : { url: opts.url, parent: opts.topFrame === false ? top : null };
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

async function setup() {
  const dir = tempDir();
  const recording = join(dir, 'calf.csv');
  await fs.writeFile(recording, 'time_s,calf EMG (uV)\n0,1\n');
  const listeners = new Map<string, Listener>();
  const log: string[] = [];
  const deps: HandlerDeps = {
    fs,
    grants: new FileGrants(() => 'a'.repeat(32)),
    dialogs: { chooseRecording: async () => recording, chooseSavePath: async () => null },
    recent: { list: () => [], add: async () => undefined, remove: async () => undefined },
    sidecars: new SidecarStore({ fs, userDataDir: dir, uniqueSuffix: () => 'x' }),
    printPdf: async () => new Uint8Array(),
    writeFileAtomic: async () => undefined,
    library: { load: async () => null, save: async () => undefined },
    templates: { load: async () => null, save: async () => undefined },
    appVersion: '9.9.9',
    onSidecarSaved: () => undefined,
  };
  registerInvokeHandlers({ handle: (channel, listener) => listeners.set(channel, listener) }, createHandlers(deps), {
    authorize: (e) =>
      checkSender(
        senderFacts(e, (contents) => (contents as unknown as { windowId: number | null }).windowId),
        new Set([APP_WINDOW]),
        [APP_ORIGIN, DEV_ORIGIN],
      ),
    report: (channel, reason) => log.push(`${channel}: ${reason}`),
  });
  const invoke = (channel: InvokeChannel, e: IpcMainInvokeEvent, ...args: unknown[]) => listeners.get(channel)!(e, ...args);
  return { listeners, log, invoke, recording };
}

const trusted = event({ windowId: APP_WINDOW, url: 'app://twitchscope/index.html' });
const refused = { ok: false, message: REFUSED_MESSAGE };

describe('IPC registration', () => {
  it('registers every channel of the closed list and nothing else', async () => {
    const { listeners } = await setup();
    expect([...listeners.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers the app page, in production and from the dev server', async () => {
    const { invoke } = await setup();
    expect(await invoke('app:version', trusted, {})).toEqual({ ok: true, value: '9.9.9' });
    expect(await invoke('app:version', event({ windowId: APP_WINDOW, url: `${DEV_ORIGIN}/` }), {})).toEqual({ ok: true, value: '9.9.9' });
  });

  const foreign: [string, IpcMainInvokeEvent][] = [
    ['a window main did not create (the hidden PDF window)', event({ windowId: PRINT_WINDOW, url: 'app://twitchscope/index.html' })],
    ['web contents with no window', event({ windowId: null, url: 'app://twitchscope/index.html' })],
    ['an iframe inside the app page', event({ windowId: APP_WINDOW, url: 'app://twitchscope/index.html', topFrame: false })],
    ['a page that navigated to the web', event({ windowId: APP_WINDOW, url: 'https://evil.example/' })],
    ['a local file page', event({ windowId: APP_WINDOW, url: 'file:///tmp/x.html' })],
    ['another app:// host', event({ windowId: APP_WINDOW, url: 'app://other/index.html' })],
    ['a frame that is gone', event({ windowId: APP_WINDOW, url: null })],
    ['a dev server on another port', event({ windowId: APP_WINDOW, url: 'http://localhost:5174/' })],
  ];
  it.each(foreign)('refuses %s without running the handler', async (_label, e) => {
    const { invoke, log } = await setup();
    expect(await invoke('file:open-dialog', e, {})).toEqual(refused);
    expect(log).toHaveLength(1);
  });

  it('refuses a bad payload or a wrong argument count, and logs why', async () => {
    const { invoke, log } = await setup();
    expect(await invoke('file:read', trusted, { token: 'x', offset: 0, length: 1 })).toEqual(refused);
    expect(await invoke('app:version', trusted)).toEqual(refused);
    expect(await invoke('app:version', trusted, {}, {})).toEqual(refused);
    expect(log).toEqual([
      'file:read: payload.token is not a file token',
      'app:version: expected one payload, got 0',
      'app:version: expected one payload, got 2',
    ]);
  });

  it('passes plain refusals through and hides unexpected errors', async () => {
    const { invoke, log } = await setup();
    expect(await invoke('file:read', trusted, { token: 'b'.repeat(32), offset: 0, length: 1 })).toEqual({
      ok: false,
      message: 'That file is no longer open.',
    });
    const opened = (await invoke('file:open-dialog', trusted, {})) as { ok: true; value: { token: string; key: string } };
    await fs.rm(opened.value.key);
    expect(await invoke('file:read', trusted, { token: opened.value.token, offset: 0, length: 4 })).toEqual({
      ok: false,
      message: FAILED_MESSAGE,
    });
    expect(log.at(-1)).toMatch(/^file:read: .*ENOENT/);
  });
});

describe('origin of a page URL', () => {
  it('keeps scheme and host for custom schemes, where URL.origin is "null"', () => {
    expect(originOf('app://twitchscope/index.html?x=1')).toBe('app://twitchscope');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
