// Files that are not what they seem (a FIFO where saved work should be) and loads that fail: nothing may
// block, and nothing the user saved may be written over (issue 13, defects 3 and 4).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRange } from '../../electron/files/read-range';
import { SidecarStore, sidecarBeside, UNREAD_REASON, type SidecarDeps } from '../../electron/files/sidecar';
import { DEFAULT_SETTINGS } from '../../electron/settings/schema';
import { SettingsStore } from '../../electron/settings/store';
import { fileLibraryStore } from '../../node/library-file-store';
import type { FileSystemLike } from '../../node/fs/types';
import { canMakeFifo, makeFifo, releaseFifo, withinMs } from '../support/fifo';
import { cli } from '../support/run-cli';
import { workText } from './work';

function folders(): { dir: string; recording: string; userData: string } {
  const dir = mkdtempSync(join(tmpdir(), 'twitchscope-hostile-'));
  return { dir, recording: join(dir, 'calf.csv'), userData: join(dir, 'user-data') };
}

let counter = 0;
const deps = (userDataDir: string, fsLike: FileSystemLike = fs): SidecarDeps => ({ fs: fsLike, userDataDir, uniqueSuffix: () => `h${++counter}` });

/** The real file system, except that looking inside `folder` fails with `code`, as a folder without permission does. */
function unreadableFolder(folder: string, code = 'EACCES'): FileSystemLike {
  const inside = (path: string) => path.startsWith(folder + sep);
  const fail = (path: string) => Object.assign(new Error(`${code}: permission denied, '${path}'`), { code });
  return {
    ...fs,
    stat: async (path) => {
      if (inside(path)) throw fail(path);
      return fs.stat(path);
    },
    open: async (path, flags, mode) => {
      if (inside(path)) throw fail(path);
      return fs.open(path, flags, mode);
    },
  };
}

describe.runIf(canMakeFifo)('a FIFO where a file should be never blocks', () => {
  it('saved work: loading refuses it at once, and autosaves move it aside and save', async () => {
    const { recording, userData } = folders();
    const fifo = sidecarBeside(recording);
    makeFifo(fifo);
    try {
      const store = new SidecarStore(deps(userData));
      const load = await withinMs(2000, store.load(recording));
      expect(load).not.toBe('blocked');
      expect(load).toHaveProperty('error');
      // Four autosaves once used up every file-I/O thread; each must finish now.
      for (let i = 1; i <= 4; i++) {
        const saved = await withinMs(2000, store.save(recording, workText(i, `save ${i}`)));
        expect(saved).toHaveProperty('value');
      }
      expect(await fs.readFile(fifo, 'utf8')).toBe(workText(4, 'save 4'));
      const kept = (await fs.readdir(join(recording, '..'))).filter((n) => n.includes('.kept-'));
      expect(kept).toHaveLength(1);
      expect((await fs.stat(join(recording, '..', kept[0]))).isFIFO()).toBe(true);
    } finally {
      await releaseFifo(fifo);
    }
  });

  it('settings: a FIFO settings.json gives the defaults at once and is set aside', async () => {
    const { dir } = folders();
    const fifo = join(dir, 'settings.json');
    makeFifo(fifo);
    try {
      const asides: string[] = [];
      const store = new SettingsStore({ fs, dir, now: () => new Date('2026-11-24T10:20:30.456Z'), uniqueSuffix: () => 'x', onSetAside: (p) => asides.push(p) });
      expect(await withinMs(2000, store.load())).toEqual({ value: DEFAULT_SETTINGS });
      expect(asides).toEqual([`${fifo}.bad-2026-11-24T10-20-30-456Z`]);
    } finally {
      await releaseFifo(fifo);
    }
  });

  it('library: a FIFO library.json is an error, not an empty library', async () => {
    const { dir } = folders();
    const fifo = join(dir, 'library.json');
    makeFifo(fifo);
    try {
      const store = fileLibraryStore({ fs, path: fifo, now: () => new Date(), uniqueSuffix: () => 'x' });
      const load = await withinMs(2000, store.load());
      expect(load).toHaveProperty('error');
      expect(String((load as { error: unknown }).error)).toMatch(/not a regular file/);
    } finally {
      await releaseFifo(fifo);
    }
  });

  it('a granted recording swapped for a FIFO is refused, not waited on', async () => {
    const { dir } = folders();
    const fifo = join(dir, 'calf.csv');
    makeFifo(fifo);
    try {
      expect(await withinMs(2000, readRange(fs, fifo, 0, 16))).toHaveProperty('error');
    } finally {
      await releaseFifo(fifo);
    }
  });

  it('the command line says a FIFO is not a recording file, with exit status 2', async () => {
    const { dir } = folders();
    const fifo = join(dir, 'stream.csv');
    makeFifo(fifo);
    try {
      const r = await cli(['info', fifo], 30_000);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/stream\.csv: this is not a regular file/);
    } finally {
      await releaseFifo(fifo);
    }
  });
});

describe('a failed load never lets an autosave overwrite saved work', () => {
  it('EACCES on the fallback folder: the load fails, and the first save keeps the 250 edits aside', async () => {
    const { dir, recording, userData } = folders();
    const valuable = workText(250, 'before');
    await fs.writeFile(sidecarBeside(recording), valuable);
    const store = new SidecarStore(deps(userData, unreadableFolder(join(userData, 'sidecars'))));
    await expect(store.load(recording)).rejects.toThrow(/EACCES/);
    const saved = await store.save(recording, workText(1, 'after'));
    expect(saved.keptAside?.reason).toMatch(/could not be read/);
    expect(await fs.readFile(saved.keptAside!.path, 'utf8')).toBe(valuable);
    expect(await fs.readFile(sidecarBeside(recording), 'utf8')).toBe(workText(1, 'after'));
    // Once this run's own work is there, later autosaves replace it without more copies.
    await store.save(recording, workText(2, 'after'));
    expect((await fs.readdir(dir)).filter((n) => n.includes('.kept-'))).toHaveLength(1);
  });

  it('ENOTDIR on the fallback folder proves there is nothing there: the work beside the recording loads', async () => {
    const { recording, userData } = folders();
    const valuable = workText(250, 'before');
    await fs.writeFile(sidecarBeside(recording), valuable);
    await fs.mkdir(userData, { recursive: true });
    await fs.writeFile(join(userData, 'sidecars'), 'a file where the folder should be');
    const store = new SidecarStore(deps(userData));
    expect(await store.load(recording)).toBe(valuable);
    const saved = await store.save(recording, workText(251, 'before'));
    expect(saved.keptAside).toBeUndefined();
  });

  it('a save with no load before it keeps whatever is there aside', async () => {
    const { recording, userData } = folders();
    const valuable = workText(250, 'before');
    await fs.writeFile(sidecarBeside(recording), valuable);
    const saved = await new SidecarStore(deps(userData)).save(recording, workText(1, 'after'));
    expect(saved.keptAside?.reason).toBe(UNREAD_REASON);
    expect(await fs.readFile(saved.keptAside!.path, 'utf8')).toBe(valuable);
  });

  it('settings that cannot be read are set aside before anything is saved', async () => {
    const { dir } = folders();
    const path = join(dir, 'settings.json');
    const mine = JSON.stringify({ schema: 'twitchscope.settings', version: 1, recent: [{ key: '/data/a.csv', name: 'a.csv', openedAt: '2026-01-01T00:00:00.000Z' }], theme: 'dark' });
    await fs.writeFile(path, mine);
    const denied: FileSystemLike = {
      ...fs,
      open: async (p, flags, mode) => {
        if (p === path && typeof flags !== 'string') throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.open(p, flags, mode);
      },
    };
    const asides: string[] = [];
    const store = new SettingsStore({ fs: denied, dir, now: () => new Date('2026-11-24T10:20:30.456Z'), uniqueSuffix: () => 'x', onSetAside: (p) => asides.push(p) });
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    await store.update((s) => ({ ...s, theme: 'light' }));
    expect(asides).toEqual([`${path}.bad-2026-11-24T10-20-30-456Z`]);
    expect(await fs.readFile(asides[0], 'utf8')).toBe(mine);
  });
});

describe('temporary copies a killed save left beside a recording', () => {
  it('are removed before the first save of its work', async () => {
    const { dir, recording, userData } = folders();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const stale = join(dir, `.calf.csv.twitchscope.json.${gone}-1.tmp`);
    await fs.writeFile(stale, workText(3, 'half a save'));
    const store = new SidecarStore(deps(userData));
    await store.load(recording);
    await store.save(recording, workText(1, 'now'));
    expect((await fs.readdir(dir)).sort()).toEqual(['calf.csv.twitchscope.json']);
  });
});
