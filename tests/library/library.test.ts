import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killWriterAt } from '../support/kill-writer';
import { fingerprint } from '../../core/import/fingerprint';
import { textSource } from '../../core/import/source';
import { Library, LibraryReadOnlyError, type LibraryStore } from '../../core/library/library';
import { LIBRARY_SCHEMA, LIBRARY_VERSION, serializeLibrary } from '../../core/library/schema';
import type { FileSystemLike } from '../../node/fs/types';
import { fileLibraryStore } from '../../node/library-file-store';
import { calfSession, threeSiteSession } from '../report/simulated';
import { entryOf, storeAt, tempDir } from './helpers';

const calf = calfSession();
const threeSites = threeSiteSession();

async function withOneEntry(dir: string) {
  const path = join(dir, 'library.json');
  const { library } = await Library.open(storeAt(path));
  await library.record(entryOf(calf, 'fp-calf', join(dir, 'calf-session.csv')));
  return path;
}

describe('library index', () => {
  it('adds an analysed recording with its per-site figures and reads it back from the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.json');
    const opened = await Library.open(storeAt(path));
    expect(opened.notice).toEqual({ kind: 'new' });
    await opened.library.record(entryOf(calf, 'fp-calf', join(dir, 'calf-session.csv')));

    const again = await Library.open(storeAt(path));
    expect(again.notice).toEqual({ kind: 'loaded', dropped: 0 });
    const [e] = again.library.entries;
    expect(e.fingerprint).toBe('fp-calf');
    expect(e.name).toBe('calf-session.csv');
    expect(e.startTime).toBe('2026-03-14T21:40:00Z');
    expect(e.durationS).toBe(600);
    // The figures are the analysis's, site by site; the forearm pools an EMG channel and an accelerometer.
    expect(e.sites.map((s) => s.site)).toEqual(calf.analysis.summary.sites.map((s) => s.site));
    for (const s of calf.analysis.summary.sites) {
      const kept = e.sites.find((x) => x.site === s.site)!;
      expect(kept).toMatchObject({ restS: s.restS, twitchCount: s.twitchCount, twitchesPerMinute: s.twitchesPerMinute, sustainedCount: s.sustainedCount });
    }
    expect(e.sites.find((s) => s.site === 'right forearm')!.analysedS).toBe(1200);
    expect(e.sites.find((s) => s.site === 'left calf')!.sustainedCount).toBe(2);
    expect(e.sensitivity).toBe(0.5);
    expect(e.tags).toEqual([]);
    const onDisk = JSON.parse(await fs.readFile(path, 'utf8'));
    expect(onDisk.schema).toBe(LIBRARY_SCHEMA);
    expect(onDisk.version).toBe(LIBRARY_VERSION);
  });

  it('updates the figures on re-analysis and keeps the tags and the date it was added', async () => {
    const dir = tempDir();
    const path = await withOneEntry(dir);
    const { library } = await Library.open(storeAt(path));
    await library.setTags('fp-calf', ['Caffeine', '  poor   sleep ', 'caffeine', 'new shoes']);
    expect(library.entries[0].tags).toEqual(['caffeine', 'poor sleep', 'new shoes']);

    const reanalysed = entryOf(calf, 'fp-calf', join(dir, 'calf-session.csv'), '2026-02-03T12:00:00Z');
    reanalysed.sites = reanalysed.sites.map((s) => ({ ...s, twitchCount: s.twitchCount + 7 }));
    reanalysed.sensitivity = 0.8;
    await library.record(reanalysed);

    const [e] = (await Library.open(storeAt(path))).library.entries;
    expect((await Library.open(storeAt(path))).library.entries).toHaveLength(1);
    expect(e.tags).toEqual(['caffeine', 'poor sleep', 'new shoes']);
    expect(e.addedAt).toBe('2026-02-01T09:00:00Z');
    expect(e.analysedAt).toBe('2026-02-03T12:00:00Z');
    expect(e.sensitivity).toBe(0.8);
    expect(e.sites[0].twitchCount).toBe(calf.analysis.summary.sites[0].twitchCount + 7);
  });

  it('removes an entry without touching the recording or its sidecar', async () => {
    const dir = tempDir();
    const csv = join(dir, 'calf-session.csv');
    await fs.writeFile(csv, 'time_s,calf EMG (uV)\n0,1\n');
    await fs.writeFile(`${csv}.twitchscope.json`, '{"kept":true}');
    const path = await withOneEntry(dir);
    const { library } = await Library.open(storeAt(path));
    await library.record(entryOf(threeSites, 'fp-three', join(dir, 'three.csv')));
    await library.remove('fp-calf');
    expect((await Library.open(storeAt(path))).library.entries.map((e) => e.fingerprint)).toEqual(['fp-three']);
    expect(await fs.readFile(csv, 'utf8')).toBe('time_s,calf EMG (uV)\n0,1\n');
    expect(await fs.readFile(`${csv}.twitchscope.json`, 'utf8')).toBe('{"kept":true}');
  });

  it('marks a moved file as missing, and "Locate…" accepts only the same recording', async () => {
    const dir = tempDir();
    const csvText = 'time_s,left calf EMG (uV)\n0,1\n0.001,2\n';
    const csv = join(dir, 'calf.csv');
    await fs.writeFile(csv, csvText);
    const fp = await fingerprint(textSource('calf.csv', csvText));
    const path = join(dir, 'library.json');
    const { library } = await Library.open(storeAt(path));
    await library.record(entryOf(calf, fp, csv));
    const exists = (e: { location: string }) => fs.stat(e.location).then(() => true, () => false);

    expect(await library.checkFiles(exists)).toEqual([]);
    const moved = join(dir, 'moved', 'calf.csv');
    await fs.mkdir(join(dir, 'moved'));
    await fs.rename(csv, moved);
    const missing = await library.checkFiles(exists);
    expect(missing.map((e) => e.fingerprint)).toEqual([fp]);
    expect((await Library.open(storeAt(path))).library.entries[0].missing).toBe(true);

    const other = await fingerprint(textSource('other.csv', 'time_s,x\n0,9\n'));
    expect(await library.locate(fp, join(dir, 'other.csv'), other)).toEqual({ ok: false, reason: 'different-file' });
    expect(await library.locate('no-such', moved, fp)).toEqual({ ok: false, reason: 'unknown' });
    const found = await library.locate(fp, moved, await fingerprint(textSource('calf.csv', await fs.readFile(moved, 'utf8'))));
    expect(found.ok).toBe(true);
    const [e] = (await Library.open(storeAt(path))).library.entries;
    expect(e).toMatchObject({ location: moved, missing: false });
    expect(await library.checkFiles(exists)).toEqual([]);
  });

  it('a check that finishes late undoes neither a newer check nor an entry recorded meanwhile', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.json');
    const { library } = await Library.open(storeAt(path));
    const calfFile = join(dir, 'calf-session.csv');
    await library.record(entryOf(calf, 'fp-calf', calfFile));
    // The first check (the library screen opening) saw the file and is slow to finish; meanwhile the file goes,
    // the screen is opened again, and another recording is analysed.
    let finish = (): void => undefined;
    const slowToAnswer = new Promise<void>((resolve) => (finish = resolve));
    const slow = library.checkFiles(async () => {
      await slowToAnswer;
      return true;
    });
    const fresh = library.checkFiles(async (e) => e.location !== calfFile);
    await library.record(entryOf(threeSites, 'fp-three', join(dir, 'three-sites.csv')));
    finish();
    await slow;
    expect((await fresh).map((e) => e.fingerprint)).toEqual(['fp-calf']);
    const saved = (await Library.open(storeAt(path))).library.entries;
    expect(saved.map((e) => [e.fingerprint, e.missing])).toEqual([
      ['fp-calf', true],
      ['fp-three', false],
    ]);
  });

  it('keeps the old index whole when the app is killed halfway through saving', async () => {
    const dir = tempDir();
    const path = await withOneEntry(dir);
    const before = await fs.readFile(path, 'utf8');
    await killWriterAt(join(__dirname, 'fixtures', 'library-writer.ts'), [path], 'HALF');
    expect(await fs.readFile(path, 'utf8')).toBe(before);
    const { library, notice } = await Library.open(storeAt(path));
    expect(notice.kind).toBe('loaded');
    expect(library.entries.map((e) => e.fingerprint)).toEqual(['fp-calf']);
  });

  it('reports a failed save and keeps the saved index', async () => {
    const dir = tempDir();
    const path = await withOneEntry(dir);
    const before = await fs.readFile(path, 'utf8');
    const full: FileSystemLike = {
      ...fs,
      open: async (file, flags, mode) => {
        if (flags === 'wx') throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        return fs.open(file, flags, mode);
      },
    };
    const { library } = await Library.open(fileLibraryStore({ fs: full, path, now: () => new Date(), uniqueSuffix: () => 'x' }));
    await expect(library.remove('fp-calf')).rejects.toThrow(/no space/);
    expect(await fs.readFile(path, 'utf8')).toBe(before);
  });

  it('sets a newer version\'s index aside, unchanged, instead of overwriting it', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.json');
    const future = JSON.stringify({ schema: LIBRARY_SCHEMA, version: LIBRARY_VERSION + 1, entries: [{ fingerprint: 'f', location: '/x.csv', hologram: true }] });
    await fs.writeFile(path, future);
    const { library, notice } = await Library.open(storeAt(path));
    expect(notice).toEqual({ kind: 'newer', version: LIBRARY_VERSION + 1, keptAt: `${path}.newer-2026-02-01T10-00-00-000Z` });
    expect(library.entries).toEqual([]);
    await library.record(entryOf(calf, 'fp-calf', join(dir, 'calf.csv')));
    expect(await fs.readFile(`${path}.newer-2026-02-01T10-00-00-000Z`, 'utf8')).toBe(future);
    expect((await Library.open(storeAt(path))).library.entries).toHaveLength(1);
  });

  it('stays read-only over a newer index when the store cannot set it aside, or fails to', async () => {
    const future = JSON.stringify({ schema: LIBRARY_SCHEMA, version: 99, entries: [] });
    let saved = future;
    const plain: LibraryStore = { load: async () => saved, save: async (t) => void (saved = t) };
    const stuck: LibraryStore = { ...plain, setAside: async () => Promise.reject(new Error('EACCES')) };
    for (const store of [plain, stuck]) {
      const { library, notice } = await Library.open(store);
      expect(notice).toEqual({ kind: 'newer', version: 99, keptAt: null });
      expect(library.readOnly).toBe(true);
      await expect(library.record(entryOf(calf, 'fp', '/calf.csv'))).rejects.toBeInstanceOf(LibraryReadOnlyError);
      expect(saved).toBe(future);
    }
  });

  it('sets an unreadable index aside and starts afresh', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.json');
    await fs.writeFile(path, '{"schema": "twitchscope.library", "version": 1, "entr');
    const { library, notice } = await Library.open(storeAt(path));
    expect(notice).toMatchObject({ kind: 'unreadable', reason: 'the library file is not valid JSON' });
    expect(library.readOnly).toBe(false);
    expect(await fs.readdir(dir)).toEqual(['library.json.unreadable-2026-02-01T10-00-00-000Z']);
  });

  it('migrates a version 0 index to version 1 and writes it back', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.json');
    const v0 = {
      version: 0,
      recordings: [
        {
          path: 'C:\\Users\\sam\\EMG\\calf monday.csv',
          fingerprint: 'abc',
          startTime: '2025-11-03T07:30:00',
          durationS: 900,
          format: 'generic-csv',
          sites: { 'left calf': { restS: 840, twitches: 28, sustained: 1 } },
          tags: 'caffeine, Poor sleep',
          analysedAt: '2025-11-03T08:00:00Z',
        },
        { path: '/no/fingerprint.csv' },
      ],
    };
    await fs.writeFile(path, JSON.stringify(v0));
    const { library, notice } = await Library.open(storeAt(path));
    expect(notice).toEqual({ kind: 'migrated', from: 0, dropped: 1 });
    expect(library.entries).toEqual([
      {
        fingerprint: 'abc',
        location: 'C:\\Users\\sam\\EMG\\calf monday.csv',
        name: 'calf monday.csv',
        startTime: '2025-11-03T07:30:00',
        durationS: 900,
        format: 'generic-csv',
        formatName: 'generic-csv',
        sizeBytes: 0,
        sites: [{ site: 'left calf', restS: 840, twitchCount: 28, twitchesPerMinute: 2, sustainedCount: 1, analysedS: 900 }],
        tags: ['caffeine', 'Poor sleep'],
        analysedAt: '2025-11-03T08:00:00Z',
        addedAt: '2025-11-03T08:00:00Z',
        sensitivity: null,
        missing: false,
      },
    ]);
    expect(await fs.readFile(path, 'utf8')).toBe(serializeLibrary(library.index));
    expect((await Library.open(storeAt(path))).notice).toEqual({ kind: 'loaded', dropped: 0 });
  });

  it('still opens a migrated index when writing it back fails, and writes it with the next change', async () => {
    const v0 = JSON.stringify({ version: 0, recordings: [{ path: '/r/a.csv', fingerprint: 'a', durationS: 60, sites: {} }] });
    let saved = v0;
    let failing = true;
    const store: LibraryStore = {
      load: async () => saved,
      save: async (t) => {
        if (failing) throw new Error('disk full');
        saved = t;
      },
    };
    const { library, notice } = await Library.open(store);
    expect(notice).toEqual({ kind: 'migrated', from: 0, dropped: 0 });
    expect(library.entries.map((e) => e.fingerprint)).toEqual(['a']);
    expect(saved).toBe(v0);
    failing = false;
    await library.setTags('a', ['caffeine']);
    expect(JSON.parse(saved)).toMatchObject({ schema: LIBRARY_SCHEMA, version: LIBRARY_VERSION, entries: [{ fingerprint: 'a', tags: ['caffeine'] }] });
  });
});
