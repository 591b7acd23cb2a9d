import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, type GrantedFile } from '../../electron/ipc/channels';
import { LIMITS, validateRequest } from '../../electron/ipc/schemas';
import { createPlatformApi } from '../../electron/preload/api';
import type { DropEventLike } from '../../electron/preload/drop';
import type { MenuCommand, OpenedFile } from '../../core/platform/api';

const GRANT: GrantedFile = { token: 'c'.repeat(32), name: 'calf.csv', size: 40 * 1024 * 1024, key: '/data/calf.csv' };

/** ipcRenderer stand-in: main's side answers from a table; every payload is checked against the real schemas. */
function fakeIpc(answer: (channel: string, payload: any) => unknown) {
  const sent: [string, unknown][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  return {
    sent,
    emit: (channel: string, payload: unknown) => listeners.get(channel)?.({}, payload),
    ipc: {
      invoke: async (channel: string, payload: unknown) => {
        const valid = validateRequest(channel as never, payload);
        if (!valid.ok) throw new Error(`preload sent a payload main refuses: ${valid.error}`);
        sent.push([channel, payload]);
        try {
          return { ok: true, value: answer(channel, payload) };
        } catch (error) {
          return { ok: false, message: (error as Error).message };
        }
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
    },
  };
}

const bytesFor = (offset: number, length: number) => {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (offset + i) % 251;
  return out;
};

/** Index of the first byte that differs from `bytesFor(offset, ...)`, or -1; deep equality on 32 MB is too slow. */
function firstMismatch(data: Uint8Array, offset: number): number {
  for (let i = 0; i < data.length; i++) if (data[i] !== (offset + i) % 251) return i;
  return -1;
}

const noPaths = { getPathForFile: () => '' };

/** A window stand-in: the preload's capture-phase drop listener, and drops made by the user or by a page. */
function fakeWindow() {
  const listeners: ((event: DropEventLike) => void)[] = [];
  return {
    target: {
      addEventListener: (_type: 'drop', listener: (event: DropEventLike) => void, options: { capture: boolean }) => {
        expect(options.capture).toBe(true);
        listeners.push(listener);
      },
    },
    /** Returns whether the listener took the drop (prevented the browser's own handling). */
    drop: (file: File, isTrusted = true): boolean => {
      let prevented = false;
      for (const l of listeners) l({ isTrusted, dataTransfer: { files: [file] }, preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
}

describe('preload API', () => {
  it('opens through the dialog and reads by token, splitting reads larger than one message', async () => {
    const fake = fakeIpc((channel, p) => (channel === 'file:open-dialog' ? GRANT : bytesFor(p.offset, p.length)));
    const api = createPlatformApi(fake.ipc, noPaths);
    const file = (await api.openFileDialog())!;
    expect({ name: file.name, size: file.size, key: file.key }).toEqual({ name: 'calf.csv', size: GRANT.size, key: '/data/calf.csv' });
    const length = LIMITS.readBytes * 2 + 1000;
    const data = await file.read(5, length);
    expect(data.length).toBe(length);
    expect(firstMismatch(data, 5)).toBe(-1);
    const reads = fake.sent.filter(([c]) => c === 'file:read').map(([, p]) => p);
    expect(reads).toEqual([
      { token: GRANT.token, offset: 5, length: LIMITS.readBytes },
      { token: GRANT.token, offset: 5 + LIMITS.readBytes, length: LIMITS.readBytes },
      { token: GRANT.token, offset: 5 + 2 * LIMITS.readBytes, length: 1000 },
    ]);
  });

  it('clips reads to the file and never sends a bad range', async () => {
    const fake = fakeIpc((channel, p) => (channel === 'file:open-recent' ? GRANT : bytesFor(p.offset, p.length)));
    const file = (await createPlatformApi(fake.ipc, noPaths).openRecent('/data/calf.csv'))!;
    expect(await file.read(GRANT.size - 3, 100)).toEqual(bytesFor(GRANT.size - 3, 3));
    expect(await file.read(GRANT.size + 10, 100)).toHaveLength(0);
    expect(await file.read(-50, 10)).toEqual(bytesFor(0, 10));
  });

  it('returns null for a cancelled dialog and a vanished recent file', async () => {
    const api = createPlatformApi(fakeIpc(() => null).ipc, noPaths);
    expect(await api.openFileDialog()).toBeNull();
    expect(await api.openRecent('/gone.csv')).toBeNull();
  });

  it('takes a drop the user made in the preload: main gets its path and size, the page the opened file', async () => {
    const fake = fakeIpc(() => ({ ...GRANT, size: 12 }));
    const win = fakeWindow();
    const api = createPlatformApi(fake.ipc, { getPathForFile: () => '/data/calf.csv' }, win.target);
    const opened: OpenedFile[] = [];
    api.onOpenFile((f) => opened.push(f));
    expect(win.drop(new File(['time_s,a\n0,1'], 'calf.csv'))).toBe(true);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(fake.sent).toEqual([['file:open-dropped', { path: '/data/calf.csv', size: 12 }]]);
    expect(new TextDecoder().decode(await opened[0].read(0, 6))).toBe('time_s');
    expect(opened[0].key).toBe('/data/calf.csv');
  });

  it('gives the page no way to name a path: no openDropped, and a drop the page made up is ignored', async () => {
    const fake = fakeIpc(() => GRANT);
    const win = fakeWindow();
    const api = createPlatformApi(fake.ipc, { getPathForFile: () => '/home/user/.ssh/known_hosts.txt' }, win.target);
    expect('openDropped' in api).toBe(false);
    const opened: OpenedFile[] = [];
    api.onOpenFile((f) => opened.push(f));
    expect(win.drop(new File(['x'], 'x.csv'), false)).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.sent).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('opens a dropped file that has no path (dragged out of another app) without asking main', async () => {
    const fake = fakeIpc(() => null);
    const win = fakeWindow();
    const opened: OpenedFile[] = [];
    createPlatformApi(fake.ipc, noPaths, win.target).onOpenFile((f) => opened.push(f));
    win.drop(new File(['abc'], 'pasted.csv', { lastModified: 1000 }));
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0].key).toBe('pasted.csv:3:1000');
    expect(new TextDecoder().decode(await opened[0].read(1, 5))).toBe('bc');
    expect(fake.sent).toEqual([]);
  });

  it('says why a drop could not be opened: a file type it does not read (without asking main), or main’s plain refusal', async () => {
    const fake = fakeIpc(() => {
      throw new Error('The dropped file could not be opened.');
    });
    const win = fakeWindow();
    let path = '/data/notes.docx';
    const errors: string[] = [];
    createPlatformApi(fake.ipc, { getPathForFile: () => path }, win.target).onOpenFile(() => undefined, (m) => errors.push(m));
    win.drop(new File(['a'], 'notes.docx'));
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatch(/use Open… for other files/);
    expect(fake.sent).toEqual([]);
    path = '/data/x.csv';
    win.drop(new File(['a'], 'x.csv'));
    await vi.waitFor(() => expect(errors).toHaveLength(2));
    expect(errors[1]).toBe('The dropped file could not be opened.');
  });

  it('passes saves, sidecars and version through their own channels', async () => {
    const fake = fakeIpc((channel) => (channel === 'app:version' ? '0.1.0' : channel === 'sidecar:load' ? '{}' : true));
    const api = createPlatformApi(fake.ipc, noPaths);
    expect(await api.saveFile('events.csv', 'a\n', 'text/csv')).toBe(true);
    expect(await api.saveReportPdf('report.pdf', '<p/>')).toBe(true);
    expect(await api.loadSidecar('/data/calf.csv')).toBe('{}');
    await api.saveSidecar('/data/calf.csv', '{"a":1}');
    expect(await api.appVersion()).toBe('0.1.0');
    expect(fake.sent.map(([c]) => c)).toEqual(['file:save', 'report:save-pdf', 'sidecar:load', 'sidecar:save', 'app:version']);
    expect(api.kind).toBe('electron');
  });

  it('delivers menu commands to subscribers until they unsubscribe, and drops unknown ones', () => {
    const fake = fakeIpc(() => null);
    const api = createPlatformApi(fake.ipc, noPaths);
    const a: MenuCommand[] = [];
    const b: MenuCommand[] = [];
    const offA = api.onMenuCommand((c) => a.push(c));
    api.onMenuCommand((c) => b.push(c));
    fake.emit(EVENT_CHANNELS.menuCommand, 'zoom-in');
    offA();
    fake.emit(EVENT_CHANNELS.menuCommand, 'export-pdf');
    fake.emit(EVENT_CHANNELS.menuCommand, 'rm -rf');
    expect(a).toEqual(['zoom-in']);
    expect(b).toEqual(['zoom-in', 'export-pdf']);
  });

  it('holds files main opened before the page subscribed, then delivers new ones live', async () => {
    const fake = fakeIpc((_c, p) => bytesFor(p.offset, p.length));
    const api = createPlatformApi(fake.ipc, noPaths);
    fake.emit(EVENT_CHANNELS.openFile, GRANT);
    fake.emit(EVENT_CHANNELS.openFile, { ...GRANT, token: '../x' });
    fake.emit(EVENT_CHANNELS.openFile, 'calf.csv');
    const got: OpenedFile[] = [];
    const off = api.onOpenFile((file) => got.push(file));
    expect(got.map((f) => f.key)).toEqual(['/data/calf.csv']);
    fake.emit(EVENT_CHANNELS.openFile, { ...GRANT, key: '/data/second.csv' });
    off();
    fake.emit(EVENT_CHANNELS.openFile, { ...GRANT, key: '/data/third.csv' });
    expect(got.map((f) => f.key)).toEqual(['/data/calf.csv', '/data/second.csv']);
    expect(await got[0].read(0, 4)).toEqual(bytesFor(0, 4));
  });
});
