import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, serializeSettings, DEFAULT_SETTINGS, type Settings } from '../../electron/settings/schema';
import { SettingsStore } from '../../electron/settings/store';
import { addRecent, MAX_RECENT } from '../../electron/recent';
import { tempDir, uniqueSuffix } from './helpers';

function store(dir: string, setAside: string[] = []) {
  return new SettingsStore({
    fs,
    dir,
    now: () => new Date('2026-11-24T10:20:30.456Z'),
    uniqueSuffix,
    onSetAside: (path) => setAside.push(path),
  });
}

const sample: Settings = {
  window: { x: 40, y: 60, width: 1400, height: 900, maximized: false },
  recent: [{ key: '/data/calf.csv', name: 'calf.csv', openedAt: '2026-11-24T09:00:00.000Z' }],
  theme: 'dark',
  lastFolder: '/data',
};

describe('settings file', () => {
  it('round-trips through save and load', async () => {
    const dir = tempDir();
    await store(dir).update(() => sample);
    expect(await store(dir).load()).toEqual(sample);
  });

  it('starts from defaults when there is no file yet', async () => {
    expect(await store(tempDir()).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('sets a broken file aside instead of overwriting it, and starts fresh', async () => {
    const dir = tempDir();
    await fs.writeFile(join(dir, 'settings.json'), '{"schema":"twitchscope.settings","version":1,"recent":[');
    const asides: string[] = [];
    const s = store(dir, asides);
    expect(await s.load()).toEqual(DEFAULT_SETTINGS);
    expect(asides).toEqual([join(dir, 'settings.json.bad-2026-11-24T10-20-30-456Z')]);
    expect(await fs.readFile(asides[0], 'utf8')).toContain('"recent":[');
    await s.update((v) => ({ ...v, theme: 'light' }));
    expect(parseSettings(await fs.readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ kind: 'ok' });
    expect(await fs.readFile(asides[0], 'utf8')).toContain('"recent":[');
  });

  it('keeps a file written by a newer version untouched beside the fresh one', async () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schema: 'twitchscope.settings', version: 2, cloudSync: true });
    await fs.writeFile(join(dir, 'settings.json'), newer);
    const asides: string[] = [];
    await store(dir, asides).load();
    expect(asides).toHaveLength(1);
    expect(await fs.readFile(asides[0], 'utf8')).toBe(newer);
  });

  it('reads fields leniently: a bad window size costs the window, not the recent list', () => {
    const parsed = parseSettings(
      JSON.stringify({
        schema: 'twitchscope.settings',
        version: 1,
        window: { width: 'wide', height: 500 },
        recent: [{ key: '/a.csv', name: 'a.csv', openedAt: 'x' }, { key: 5 }, null],
        theme: 'purple',
      }),
    );
    expect(parsed).toEqual({
      kind: 'ok',
      settings: { window: null, recent: [{ key: '/a.csv', name: 'a.csv', openedAt: 'x' }], theme: 'system', lastFolder: null },
    });
  });

  it('refuses files that are not ours', () => {
    expect(parseSettings('[]')).toMatchObject({ kind: 'broken' });
    expect(parseSettings('{"version":1}')).toMatchObject({ kind: 'broken' });
    expect(parseSettings(serializeSettings(sample))).toEqual({ kind: 'ok', settings: sample });
  });

  it('flush resolves once the last change is on disk', async () => {
    const dir = tempDir();
    const s = store(dir);
    void s.update((v) => ({ ...v, theme: 'dark' }));
    await s.flush();
    expect(parseSettings(await fs.readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ kind: 'ok', settings: { theme: 'dark' } });
  });

  it('writes quick successive changes in order, so the last one is on disk', async () => {
    const dir = tempDir();
    const s = store(dir);
    const writes = [];
    for (let i = 0; i < 20; i++) writes.push(s.update((v) => ({ ...v, lastFolder: `/folder/${i}` })));
    await Promise.all(writes);
    expect((await store(dir).load()).lastFolder).toBe('/folder/19');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });
});

describe('recent files', () => {
  it('puts the newest first, once, and keeps the list short', () => {
    let list = addRecent([], { key: '/a', name: 'a', openedAt: '1' });
    list = addRecent(list, { key: '/b', name: 'b', openedAt: '2' });
    list = addRecent(list, { key: '/a', name: 'a', openedAt: '3' });
    expect(list.map((r) => `${r.key}@${r.openedAt}`)).toEqual(['/a@3', '/b@2']);
    for (let i = 0; i < 30; i++) list = addRecent(list, { key: `/f${i}`, name: `f${i}`, openedAt: String(i) });
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0].key).toBe('/f29');
  });
});

describe('settings file that cannot be set aside', () => {
  it('runs on defaults and never writes over it', async () => {
    const dir = tempDir();
    const broken = '{"schema":"twitchscope.settings","version":1,';
    await fs.writeFile(join(dir, 'settings.json'), broken);
    const notes: string[] = [];
    const s = new SettingsStore({
      fs: { ...fs, rename: async () => Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' })) },
      dir,
      now: () => new Date(),
      uniqueSuffix,
      onSetAside: (_path, reason) => notes.push(reason),
    });
    expect(await s.load()).toEqual(DEFAULT_SETTINGS);
    await s.update((v) => ({ ...v, theme: 'dark' }));
    expect(s.value.theme).toBe('dark');
    expect(await fs.readFile(join(dir, 'settings.json'), 'utf8')).toBe(broken);
    expect(notes[0]).toMatch(/could not be renamed/);
  });
});
