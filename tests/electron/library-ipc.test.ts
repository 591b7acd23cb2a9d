import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLibraryStore } from '../../node/library-file-store';
import { Library, emptyLibrary, parseLibrary, serializeLibrary, type LibraryEntry, type LibraryIndex, type LibraryStore } from '../../core/library';
import { FileGrants } from '../../electron/files/grants';
import type { InvokeChannel } from '../../electron/ipc/channels';
import { RequestRefused, createHandlers, type HandlerDeps } from '../../electron/ipc/handlers';
import { validateRequest } from '../../electron/ipc/schemas';
import { createPlatformApi } from '../../electron/preload/api';
import { SidecarStore } from '../../electron/files/sidecar';
import { platformLibraryStore } from '../../renderer/library/store';
import { libraryEntry } from '../support/library-entry';
import { tempDir, uniqueSuffix } from './helpers';

const WIN = 1;
const OTHER_WIN = 2;

const entry = libraryEntry;

const indexOf = (...entries: LibraryEntry[]): LibraryIndex => ({ ...emptyLibrary(), entries });

async function harness(store?: (path: string) => LibraryStore) {
  const dir = tempDir();
  const userData = tempDir('twitchscope-userdata-');
  const libraryPath = join(userData, 'library.json');
  const week1 = join(dir, 'week1.csv');
  const week2 = join(dir, 'week2.csv');
  const elsewhere = join(dir, 'not-opened.csv');
  for (const p of [week1, week2, elsewhere]) await fs.writeFile(p, `time_s,right shin EMG (uV)\n0,1\n# ${p}\n`);
  let n = 0;
  const grants = new FileGrants(() => (++n).toString(16).padStart(32, '0'));
  const recent: { key: string; name: string; openedAt: string }[] = [];
  const deps: HandlerDeps = {
    fs,
    grants,
    dialogs: { chooseRecording: async () => null, chooseSavePath: async () => null },
    recent: { list: () => recent, add: async (key, name) => void recent.push({ key, name, openedAt: '' }), remove: async () => undefined },
    sidecars: new SidecarStore({ fs, userDataDir: userData, uniqueSuffix }),
    library: store ? store(libraryPath) : fileLibraryStore({ fs, path: libraryPath, now: () => new Date('2026-02-01T10:00:00Z'), uniqueSuffix }),
    templates: { load: async () => null, save: async () => undefined },
    printPdf: async () => new Uint8Array(),
    writeFileAtomic: async () => undefined,
    appVersion: '0.1.0',
    onSidecarSaved: () => undefined,
  };
  const handlers = createHandlers(deps);
  const stored = async (): Promise<LibraryIndex> => {
    const parsed = parseLibrary(await fs.readFile(libraryPath, 'utf8'));
    if (parsed.kind !== 'ok') throw new Error(`stored library does not parse: ${parsed.kind}`);
    return parsed.index;
  };
  return { handlers, grants, week1, week2, elsewhere, libraryPath, userData, stored };
}

describe('library over IPC', () => {
  it('loads nothing at first, then exactly the text saved', async () => {
    const h = await harness();
    expect(await h.handlers['library:load'](WIN, {})).toBeNull();
    h.grants.grant(WIN, { path: h.week1, name: 'week1.csv', size: 1 });
    const text = serializeLibrary(indexOf(entry('fp1', h.week1)));
    await h.handlers['library:save'](WIN, { text });
    expect(await h.handlers['library:load'](WIN, {})).toBe(text);
  });

  it('keeps new entries only for files opened in that window; listed ones stay', async () => {
    const h = await harness();
    h.grants.grant(WIN, { path: h.week1, name: 'week1.csv', size: 1 });
    await h.handlers['library:save'](WIN, { text: serializeLibrary(indexOf(entry('fp1', h.week1))) });
    // A page naming a path the user never opened, and a file granted only to another window.
    h.grants.grant(OTHER_WIN, { path: h.week2, name: 'week2.csv', size: 1 });
    await h.handlers['library:save'](WIN, { text: serializeLibrary(indexOf(entry('fp1', h.week1), entry('fp2', h.week2), entry('fp3', h.elsewhere))) });
    expect((await h.stored()).entries.map((e) => e.fingerprint)).toEqual(['fp1']);
    // Once listed, an entry survives later saves from a window that never opened it (tags changed, say).
    await h.handlers['library:save'](OTHER_WIN, { text: serializeLibrary(indexOf({ ...entry('fp1', h.week1), tags: ['caffeine'] }, entry('fp2', h.week2))) });
    expect((await h.stored()).entries.map((e) => [e.fingerprint, e.tags])).toEqual([
      ['fp1', ['caffeine']],
      ['fp2', []],
    ]);
  });

  it('refuses text that is not a library this version writes, and leaves the stored one', async () => {
    const h = await harness();
    h.grants.grant(WIN, { path: h.week1, name: 'week1.csv', size: 1 });
    await h.handlers['library:save'](WIN, { text: serializeLibrary(indexOf(entry('fp1', h.week1))) });
    for (const text of ['{"schema":"twitchscope.library","version":2,"entries":[]}', 'not json', '{"version":0,"recordings":[]}']) {
      await expect(h.handlers['library:save'](WIN, { text })).rejects.toBeInstanceOf(RequestRefused);
    }
    expect((await h.stored()).entries).toHaveLength(1);
  });

  it('opens and finds only files the saved library lists, and only while they are there', async () => {
    const h = await harness();
    h.grants.grant(WIN, { path: h.week1, name: 'week1.csv', size: 1 });
    await h.handlers['library:save'](WIN, { text: serializeLibrary(indexOf(entry('fp1', h.week1))) });

    const granted = await h.handlers['library:open'](OTHER_WIN, { key: h.week1 });
    expect(granted?.key).toBe(h.week1);
    const bytes = await h.handlers['file:read'](OTHER_WIN, { token: granted!.token, offset: 0, length: 6 });
    expect(new TextDecoder().decode(bytes)).toBe('time_s');
    expect(await h.handlers['library:file-exists'](WIN, { key: h.week1 })).toBe(true);

    expect(await h.handlers['library:open'](WIN, { key: h.elsewhere })).toBeNull();
    expect(await h.handlers['library:file-exists'](WIN, { key: h.elsewhere })).toBe(false);
    expect(h.grants.hasPath(WIN, h.elsewhere)).toBe(false);

    await fs.rename(h.week1, `${h.week1}.moved`);
    expect(await h.handlers['library:file-exists'](WIN, { key: h.week1 })).toBe(false);
    expect(await h.handlers['library:open'](WIN, { key: h.week1 })).toBeNull();
  });

  it('sets an unreadable index aside in the user-data folder, and says null when the store cannot', async () => {
    const h = await harness();
    await fs.writeFile(h.libraryPath, '{"schema":"twitchscope.library","version":7,"entries":[]}');
    const kept = await h.handlers['library:set-aside'](WIN, { label: 'newer' });
    expect(kept).toMatch(/library\.json\.newer-/);
    expect(await fs.readFile(kept!, 'utf8')).toContain('"version":7');
    expect(await h.handlers['library:load'](WIN, {})).toBeNull();

    const noAside = await harness((path) => ({ load: () => fs.readFile(path, 'utf8').catch(() => null), save: (t) => fs.writeFile(path, t) }));
    expect(await noAside.handlers['library:set-aside'](WIN, { label: 'unreadable' })).toBeNull();
    const failing = await harness(() => ({ load: async () => '{broken', save: async () => undefined, setAside: async () => Promise.reject(new Error('EACCES')) }));
    expect(await failing.handlers['library:set-aside'](WIN, { label: 'unreadable' })).toBeNull();
  });
});

describe('setting the library aside', () => {
  it('is refused for an index this version reads, or under a label that is not why it cannot be read', async () => {
    const h = await harness();
    await h.handlers['library:save'](WIN, { text: serializeLibrary({ ...emptyLibrary(), entries: [] }) });
    const good = await fs.readFile(h.libraryPath, 'utf8');
    for (const label of ['newer', 'unreadable'] as const) expect(await h.handlers['library:set-aside'](WIN, { label })).toBeNull();
    expect(await fs.readFile(h.libraryPath, 'utf8')).toBe(good);
    await fs.writeFile(h.libraryPath, '{"schema":"twitchscope.library","version":7,"entries":[]}');
    expect(await h.handlers['library:set-aside'](WIN, { label: 'unreadable' })).toBeNull();
    expect(await h.handlers['library:set-aside'](WIN, { label: 'newer' })).toMatch(/library\.json\.newer-/);
    // Moved: with no index there, there is nothing to set aside.
    expect(await h.handlers['library:set-aside'](WIN, { label: 'unreadable' })).toBeNull();
  });
});

describe('library message schemas', () => {
  it('accept the shapes the preload sends', () => {
    expect(validateRequest('library:load', {}).ok).toBe(true);
    expect(validateRequest('library:save', { text: '{}' }).ok).toBe(true);
    expect(validateRequest('library:set-aside', { label: 'newer' }).ok).toBe(true);
    expect(validateRequest('library:open', { key: '/data/week1.csv' }).ok).toBe(true);
    expect(validateRequest('library:file-exists', { key: '/data/week1.csv' }).ok).toBe(true);
  });

  it('refuse anything else', () => {
    expect(validateRequest('library:load', { path: '/etc/passwd' }).ok).toBe(false);
    expect(validateRequest('library:save', { text: '' }).ok).toBe(false);
    expect(validateRequest('library:save', { text: 42 }).ok).toBe(false);
    expect(validateRequest('library:save', { text: '{}', path: '/tmp/x' }).ok).toBe(false);
    expect(validateRequest('library:save', { text: 'x'.repeat(32 * 1024 * 1024 + 1) }).ok).toBe(false);
    expect(validateRequest('library:set-aside', { label: '../../evil' }).ok).toBe(false);
    expect(validateRequest('library:set-aside', {}).ok).toBe(false);
    expect(validateRequest('library:open', { key: '' }).ok).toBe(false);
    expect(validateRequest('library:open', { key: '/data/a\u0000.csv' }).ok).toBe(false);
    expect(validateRequest('library:file-exists', { key: ['/data/a.csv'] }).ok).toBe(false);
  });
});

describe('library from the renderer, through the preload to the handlers', () => {
  it('records, re-opens by location and reports a moved file as missing', async () => {
    const h = await harness();
    // The preload's messages are checked by the real schemas and answered by the real handlers for one window.
    const ipc = {
      invoke: async (channel: string, payload: unknown) => {
        const valid = validateRequest(channel as never, payload);
        if (!valid.ok) throw new Error(`preload sent a payload main refuses: ${valid.error}`);
        try {
          return { ok: true, value: await (h.handlers[channel as InvokeChannel] as (windowId: number, request: unknown) => Promise<unknown>)(WIN, valid.value) };
        } catch (error) {
          return { ok: false, message: (error as Error).message };
        }
      },
      on: () => undefined,
    };
    const api = createPlatformApi(ipc, { getPathForFile: () => '' });
    h.grants.grant(WIN, { path: h.week1, name: 'week1.csv', size: 1 });
    const { library } = await Library.open(platformLibraryStore(api)!);
    await library.record(entry('fp1', h.week1));
    await library.record(entry('fp9', h.elsewhere));
    expect((await h.stored()).entries.map((e) => e.location)).toEqual([h.week1]);

    const file = await api.openLibraryFile!(h.week1);
    expect(new TextDecoder().decode(await file!.read(0, 6))).toBe('time_s');
    expect(await api.openLibraryFile!(h.elsewhere)).toBeNull();

    const reopened = (await Library.open(platformLibraryStore(api)!)).library;
    await fs.rename(h.week1, join(h.userData, 'week1.csv'));
    const missing = await reopened.checkFiles((e) => api.libraryFileExists!(e.location));
    expect(missing.map((e) => e.fingerprint)).toEqual(['fp1']);
    expect((await h.stored()).entries[0].missing).toBe(true);
  });
});
