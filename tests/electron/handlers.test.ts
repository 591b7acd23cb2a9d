import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileGrants } from '../../electron/files/grants';
import { SidecarStore, sidecarInUserData } from '../../electron/files/sidecar';
import { writeFileAtomic } from '../../node/fs/atomic-write';
import type { FileSystemLike } from '../../node/fs/types';
import { createHandlers, RequestRefused, type HandlerDeps } from '../../electron/ipc/handlers';
import { addRecent, removeRecent } from '../../electron/recent';
import type { RecentFile } from '../../core/platform/api';
import { workText } from '../robustness/work';
import { readOnlyFolder, tempDir, uniqueSuffix } from './helpers';

const WIN = 1;
const OTHER_WIN = 2;

interface Harness {
  deps: HandlerDeps;
  dir: string;
  userData: string;
  recording: string;
  bytes: Uint8Array;
  recent: RecentFile[];
  dialogs: { open: string | null; save: string | null; saveCalls: [string, string][] };
  printed: string[];
  sidecarPlaces: string[];
}

function harness(fileSystem?: (dir: string) => FileSystemLike): Harness {
  const dir = tempDir();
  const userData = tempDir('twitchscope-userdata-');
  const recording = join(dir, 'calf.csv');
  const bytes = new Uint8Array(300_000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
  const h: Harness = {
    dir,
    userData,
    recording,
    bytes,
    recent: [],
    dialogs: { open: null, save: null, saveCalls: [] },
    printed: [],
    sidecarPlaces: [],
    deps: undefined as unknown as HandlerDeps,
  };
  const fsImpl = fileSystem ? fileSystem(dir) : fs;
  let n = 0;
  h.deps = {
    fs: fsImpl,
    grants: new FileGrants(() => (++n).toString(16).padStart(32, '0')),
    dialogs: {
      chooseRecording: async () => h.dialogs.open,
      chooseSavePath: async (_w, name, mime) => {
        h.dialogs.saveCalls.push([name, mime]);
        return h.dialogs.save;
      },
    },
    recent: {
      list: () => h.recent,
      add: async (path, name) => {
        h.recent = addRecent(h.recent, { key: path, name, openedAt: '2026-11-24T00:00:00Z' });
      },
      remove: async (key) => {
        h.recent = removeRecent(h.recent, key);
      },
    },
    sidecars: new SidecarStore({ fs: fsImpl, userDataDir: userData, uniqueSuffix }),
    library: { load: async () => null, save: async () => undefined },
    templates: { load: async () => null, save: async () => undefined },
    printPdf: async (html) => {
      h.printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
    writeFileAtomic: (path, data) => writeFileAtomic(fsImpl, path, data, uniqueSuffix),
    appVersion: '0.1.0',
    onSidecarSaved: (_windowId, location) => h.sidecarPlaces.push(location.where),
  };
  return h;
}

const WORK_1 = workText(1, 'one');
const WORK_2 = workText(2, 'two');

describe('IPC handlers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness();
    await fs.writeFile(h.recording, h.bytes);
  });

  it('grants a file chosen in the dialog and reads any byte range of it', async () => {
    const handlers = createHandlers(h.deps);
    h.dialogs.open = h.recording;
    const granted = await handlers['file:open-dialog'](WIN, {});
    expect(granted).toMatchObject({ name: 'calf.csv', size: h.bytes.length, key: h.recording });
    const token = granted!.token;
    const middle = await handlers['file:read'](WIN, { token, offset: 123_457, length: 70_000 });
    expect(Array.from(middle)).toEqual(Array.from(h.bytes.subarray(123_457, 193_457)));
    const tail = await handlers['file:read'](WIN, { token, offset: h.bytes.length - 10, length: 4096 });
    expect(tail.length).toBe(10);
    expect(await handlers['file:read'](WIN, { token, offset: h.bytes.length + 5, length: 10 })).toHaveLength(0);
    expect(h.recent.map((r) => r.key)).toEqual([h.recording]);
  });

  it('grants an events file to read, with the events dialog, without listing it as a recent recording', async () => {
    const handlers = createHandlers(h.deps);
    h.dialogs.open = h.recording;
    const purposes: (string | undefined)[] = [];
    const choose = h.deps.dialogs.chooseRecording;
    h.deps.dialogs.chooseRecording = async (w, purpose) => (purposes.push(purpose), choose(w, purpose));
    const granted = await createHandlers(h.deps)['file:open-events'](WIN, {});
    expect(purposes).toEqual(['events']);
    expect(await handlers['file:read'](WIN, { token: granted!.token, offset: 0, length: 4 })).toHaveLength(4);
    expect(h.recent).toEqual([]);
  });

  it('returns null when the dialog is cancelled and grants nothing', async () => {
    const handlers = createHandlers(h.deps);
    expect(await handlers['file:open-dialog'](WIN, {})).toBeNull();
    expect(h.recent).toEqual([]);
  });

  it('refuses a token granted to another window, or one never granted', async () => {
    const handlers = createHandlers(h.deps);
    h.dialogs.open = h.recording;
    const granted = await handlers['file:open-dialog'](WIN, {});
    await expect(handlers['file:read'](OTHER_WIN, { token: granted!.token, offset: 0, length: 10 })).rejects.toThrow(RequestRefused);
    await expect(handlers['file:read'](WIN, { token: 'f'.repeat(32), offset: 0, length: 10 })).rejects.toThrow(RequestRefused);
  });

  it('opens a recent file only if it is on the list, and drops it from the list when it is gone', async () => {
    const handlers = createHandlers(h.deps);
    expect(await handlers['file:open-recent'](WIN, { key: h.recording })).toBeNull();
    h.recent = [{ key: h.recording, name: 'calf.csv', openedAt: 'x' }];
    expect(await handlers['file:open-recent'](WIN, { key: h.recording })).toMatchObject({ key: h.recording });
    await fs.rm(h.recording);
    expect(await handlers['file:open-recent'](WIN, { key: h.recording })).toBeNull();
    expect(h.recent).toEqual([]);
  });

  it('accepts a dropped recording only when its size matches the dropped File', async () => {
    const handlers = createHandlers(h.deps);
    expect(await handlers['file:open-dropped'](WIN, { path: h.recording, size: h.bytes.length })).toMatchObject({
      name: 'calf.csv',
    });
  });

  it('answers every failed drop the same way, so a renderer cannot probe which paths exist', async () => {
    const handlers = createHandlers(h.deps);
    await fs.mkdir(join(h.dir, 'folder.csv'));
    const secret = join(h.dir, 'id_ed25519');
    await fs.writeFile(secret, 'key');
    const attempts = [
      { path: h.recording, size: 12 },
      { path: 'calf.csv', size: h.bytes.length },
      { path: join(h.dir, 'folder.csv'), size: 0 },
      { path: join(h.dir, 'missing.csv'), size: 10 },
      { path: secret, size: 3 },
    ];
    const answers = await Promise.all(attempts.map((a) => handlers['file:open-dropped'](WIN, a).then(() => 'opened', (e: Error) => e.message)));
    expect(new Set(answers)).toEqual(new Set(['The dropped file could not be opened.']));
    expect(h.recent).toEqual([]);
  });

  it('stops taking drops from a window whose drops keep failing: a size cannot be guessed', async () => {
    let now = 1_000_000;
    const handlers = createHandlers({ ...h.deps, now: () => now });
    for (let size = 0; size < 5; size++) {
      await expect(handlers['file:open-dropped'](WIN, { path: h.recording, size })).rejects.toThrow('The dropped file could not be opened.');
    }
    await expect(handlers['file:open-dropped'](WIN, { path: h.recording, size: h.bytes.length })).rejects.toThrow('The dropped file could not be opened.');
    expect(await handlers['file:open-dropped'](OTHER_WIN, { path: h.recording, size: h.bytes.length })).toMatchObject({ name: 'calf.csv' });
    now += 11 * 60 * 1000;
    expect(await handlers['file:open-dropped'](WIN, { path: h.recording, size: h.bytes.length })).toMatchObject({ name: 'calf.csv' });
  });

  it('writes only saved work this version writes beside a granted recording, never other text', async () => {
    const handlers = createHandlers(h.deps);
    h.dialogs.open = h.recording;
    await handlers['file:open-dialog'](WIN, {});
    await handlers['sidecar:load'](WIN, { key: h.recording });
    for (const text of ['#!/bin/sh\nrm -rf ~\n', '{"v":1}', WORK_1.replace('"subject"', '"payload": "x", "subject"')]) {
      await expect(handlers['sidecar:save'](WIN, { key: h.recording, text })).rejects.toThrow('That is not saved work this version writes.');
    }
    await expect(fs.stat(`${h.recording}.twitchscope.json`)).rejects.toThrow();
  });

  it('keeps sidecars to files granted to the asking window', async () => {
    const handlers = createHandlers(h.deps);
    await expect(handlers['sidecar:load'](WIN, { key: h.recording })).rejects.toThrow(RequestRefused);
    await expect(handlers['sidecar:save'](WIN, { key: '/etc/cron.d/x', text: '{}' })).rejects.toThrow(RequestRefused);
    h.dialogs.open = h.recording;
    await handlers['file:open-dialog'](WIN, {});
    expect(await handlers['sidecar:load'](WIN, { key: h.recording })).toBeNull();
    await handlers['sidecar:save'](WIN, { key: h.recording, text: WORK_1 });
    expect(await fs.readFile(`${h.recording}.twitchscope.json`, 'utf8')).toBe(WORK_1);
    expect(await handlers['sidecar:load'](WIN, { key: h.recording })).toBe(WORK_1);
    await expect(handlers['sidecar:load'](OTHER_WIN, { key: h.recording })).rejects.toThrow(RequestRefused);
    expect(h.sidecarPlaces).toEqual(['beside']);
  });

  it('saves the sidecar in the user-data folder when the recording folder is read-only', async () => {
    const ro = harness((dir) => readOnlyFolder(dir));
    await fs.writeFile(ro.recording, ro.bytes);
    const handlers = createHandlers(ro.deps);
    ro.dialogs.open = ro.recording;
    await handlers['file:open-dialog'](WIN, {});
    await handlers['sidecar:save'](WIN, { key: ro.recording, text: WORK_2 });
    expect(ro.sidecarPlaces).toEqual(['user-data']);
    await expect(fs.stat(`${ro.recording}.twitchscope.json`)).rejects.toThrow();
    expect(await fs.readFile(sidecarInUserData(ro.userData, ro.recording), 'utf8')).toBe(WORK_2);
    expect(await handlers['sidecar:load'](WIN, { key: ro.recording })).toBe(WORK_2);
    expect((await fs.readdir(ro.dir)).sort()).toEqual(['calf.csv']);
  });

  it('asks where to save a PDF before printing, and prints nothing when cancelled', async () => {
    const handlers = createHandlers(h.deps);
    expect(await handlers['report:save-pdf'](WIN, { suggestedName: 'Report', html: '<p>hi</p>' })).toBe(false);
    expect(h.printed).toEqual([]);
    expect(h.dialogs.saveCalls).toEqual([['Report.pdf', 'application/pdf']]);
    h.dialogs.save = join(h.dir, 'out.pdf');
    expect(await handlers['report:save-pdf'](WIN, { suggestedName: 'Report.pdf', html: '<p>hi</p>' })).toBe(true);
    expect(h.printed).toEqual(['<p>hi</p>']);
    expect(await fs.readFile(join(h.dir, 'out.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('saves bytes or text where the user chose', async () => {
    const handlers = createHandlers(h.deps);
    expect(await handlers['file:save'](WIN, { suggestedName: 'e.csv', data: 'a,b\n', mimeType: 'text/csv' })).toBe(false);
    h.dialogs.save = join(h.dir, 'e.csv');
    expect(await handlers['file:save'](WIN, { suggestedName: 'e.csv', data: 'a,b\n', mimeType: 'text/csv' })).toBe(true);
    expect(await fs.readFile(join(h.dir, 'e.csv'), 'utf8')).toBe('a,b\n');
    h.dialogs.save = join(h.dir, 'a.json');
    await handlers['file:save'](WIN, { suggestedName: 'a.json', data: new Uint8Array([123, 125]), mimeType: 'application/json' });
    expect(await fs.readFile(join(h.dir, 'a.json'), 'utf8')).toBe('{}');
  });

  it('forgets every grant of a closed window', async () => {
    const handlers = createHandlers(h.deps);
    h.dialogs.open = h.recording;
    const granted = await handlers['file:open-dialog'](WIN, {});
    h.deps.grants.forgetWindow(WIN);
    await expect(handlers['file:read'](WIN, { token: granted!.token, offset: 0, length: 1 })).rejects.toThrow(RequestRefused);
    await expect(handlers['sidecar:load'](WIN, { key: h.recording })).rejects.toThrow(RequestRefused);
  });
});
