import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli';
import { listRecordings, runBatch } from '../../cli/batch';
import { startEarlyWorker } from '../../cli/worker-thread';
import { writeSession } from './recordings';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'ts-batch-'));

/** Three calf sessions at known rates (6, 12, 24 per minute), one in a subfolder, and files that are not recordings. */
let mixed: string;
const RATES = { 'week1.csv': 6, 'week2.csv': 12, 'later/week3.csv': 24 };

beforeAll(() => {
  mixed = tmp();
  Object.entries(RATES).forEach(([file, rate], i) => writeSession(mixed, { file, start: `2026-01-${String(5 + 7 * i).padStart(2, '0')}T08:00:00`, seed: 40 + i, rates: { 'left calf EMG': rate } }));
  fs.writeFileSync(path.join(mixed, 'broken.csv'), 'this is not\na recording\n');
  fs.writeFileSync(path.join(mixed, 'empty.txt'), '');
  fs.writeFileSync(path.join(mixed, 'week1.csv.twitchscope.json'), '{"schema":"twitchscope.review"}');
  fs.writeFileSync(path.join(mixed, 'notes.md'), '# notes\n');
});

describe('batch analyze', () => {
  it('lists the recordings of a folder recursively, without sidecars or other files', async () => {
    const files = (await listRecordings([mixed])).map((f) => path.relative(mixed, f));
    expect(files).toEqual(['broken.csv', 'empty.txt', path.join('later', 'week3.csv'), 'week1.csv', 'week2.csv']);
  });

  it('analyses a folder mixing good and broken files: bad ones reported and skipped, the rest written, exit 2', async () => {
    const out = tmp();
    const r = await cli(['analyze', mixed, '--json-dir', path.join(out, 'json'), '--summary', path.join(out, 'summary.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twitchscope: broken\.csv:\d+: .+$/m);
    expect(r.stderr).toMatch(/^twitchscope: empty\.txt: the file is empty/m);
    expect(r.stderr).toMatch(/^twitchscope: 2 of 5 files could not be analysed$/m);
    const progress = r.stderr.split('\n').filter((l) => /^\[\d\/5\] /.test(l));
    expect(progress.map((l) => l.slice(0, 5))).toEqual(['[1/5]', '[2/5]', '[3/5]', '[4/5]', '[5/5]']);
    for (const f of ['broken.csv (skipped)', 'empty.txt (skipped)', 'week1.csv', 'week2.csv', 'week3.csv']) expect(progress.some((l) => l.endsWith(` ${f}`))).toBe(true);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    expect(fs.readdirSync(path.join(out, 'json')).sort()).toEqual(['week1.analysis.json', 'week2.analysis.json', 'week3.analysis.json']);
    const csv = fs.readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('file,start_time,site,rest_min,twitch_count,twitches_per_min,no_rate,sustained_count');
    const rows = csv.slice(1).map((l) => l.split(','));
    // Input order (folder listing), one row per recording and site; rates follow the simulated ones.
    expect(rows.map((c) => [c[0], c[1], c[2]])).toEqual([
      ['week3.csv', '2026-01-19T08:00:00', 'left calf'],
      ['week1.csv', '2026-01-05T08:00:00', 'left calf'],
      ['week2.csv', '2026-01-12T08:00:00', 'left calf'],
    ]);
    const rate = Object.fromEntries(rows.map((c) => [c[0], Number(c[5])]));
    expect(rate['week1.csv']).toBeGreaterThan(6 * 0.6);
    expect(rate['week1.csv']).toBeLessThan(6 * 1.5);
    expect(rate['week2.csv']).toBeGreaterThan(rate['week1.csv']);
    expect(rate['week3.csv']).toBeGreaterThan(rate['week2.csv']);
    for (const c of rows) expect(Number(c[3])).toBeCloseTo(3, 1);
    expect(r.stdout).toMatch(/^week2\.csv\s+2026-01-12T08:00:00\s+left calf\s+(?:2 min 5\d s|3 min)\s+\d+\s+\d+(?:\.\d{1,2})?\s+0$/m);
  });

  it('writes the same document per file as analysing that file alone', async () => {
    const out = tmp();
    const single = path.join(out, 'single.json');
    expect((await cli(['analyze', path.join(mixed, 'week2.csv'), '--json', single])).code).toBe(0);
    const r = await cli(['analyze', path.join(mixed, 'week1.csv'), path.join(mixed, 'week2.csv'), '--json-dir', out, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    const a = JSON.parse(fs.readFileSync(single, 'utf8'));
    const b = JSON.parse(fs.readFileSync(path.join(out, 'week2.analysis.json'), 'utf8'));
    expect(b.schema).toBe('twitchscope.analysis/2');
    expect(b.recording).toEqual(a.recording);
    expect(b.summary).toEqual(a.summary);
    expect(b.events).toEqual(a.events);
  });

  it('runs files on a worker thread beside this one and returns results in input order', async () => {
    const files = await listRecordings([mixed]);
    const finished: number[] = [];
    const results = await runBatch(files, { read: { columns: {}, quiet: true }, sites: {}, version: 'test', workers: 2, onResult: (r) => finished.push(r.index) });
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(finished.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.ok)).toEqual([false, false, true, true, true]);
    const threads = new Set(results.map((r) => r.threadId));
    expect(threads.size).toBe(2);
    expect(threads.has(threadId)).toBe(true);
  });

  it('gives the same documents and messages on two threads (a worker reading, this thread analysing) as on one', async () => {
    const files = await listRecordings([mixed]);
    const opts = { read: { columns: {}, quiet: true }, sites: { emg1: 'left calf' }, version: 'test', jsonText: true };
    const one = await runBatch(files, { ...opts, workers: 1 });
    const two = await runBatch(files, { ...opts, workers: 2 });
    const strip = (rs: typeof one) => rs.map(({ threadId: _, ...r }) => r);
    expect(strip(two)).toEqual(strip(one));
    expect(one.filter((r) => r.ok)).toHaveLength(3);
  });

  it('gives its worker the jobs of a thread started early, and starts a new one when that thread died before', async () => {
    const files = await listRecordings([mixed]);
    const opts = { read: { columns: {}, quiet: true }, sites: {}, version: 'test', workers: 2 };
    // (A Worker's threadId reads -1 once it has ended.)
    const early = startEarlyWorker().threadId;
    const results = await runBatch(files, opts);
    expect(results.map((r) => r.ok)).toEqual([false, false, true, true, true]);
    // The first job is kept for the worker: the early thread read it.
    expect(results[0].threadId).toBe(early);
    const dead = startEarlyWorker();
    const deadId = dead.threadId;
    await dead.terminate();
    const again = await runBatch(files, opts);
    expect(again.map((r) => r.ok)).toEqual([false, false, true, true, true]);
    expect(again.map((r) => r.threadId)).not.toContain(deadId);
    expect(again.map((r) => r.threadId)).not.toContain(-1);
    expect(new Set(again.map((r) => r.threadId)).size).toBe(2);
  });

  it('leaves out hidden files and its own summary table when run again on the same folder', async () => {
    const again = tmp();
    for (const f of ['week1.csv', 'week2.csv']) fs.copyFileSync(path.join(mixed, f), path.join(again, f));
    fs.writeFileSync(path.join(again, '.week1.csv.partial.csv'), 'time_s,left calf EMG (uV)\n0,1\n');
    const summary = path.join(again, 'summary.csv');
    for (let i = 0; i < 2; i++) {
      const r = await cli(['analyze', again, '--summary', summary]);
      expect(r.code).toBe(0);
      expect(r.stderr.trim().split('\n').map((l) => l.slice(0, 5))).toEqual(['[1/2]', '[2/2]']);
    }
    expect(fs.readFileSync(summary, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('adds the analysed recordings to a library index, and updates them when analysed again', async () => {
    const out = tmp();
    const lib = path.join(out, 'library.json');
    fs.writeFileSync(path.join(mixed, 'week2.csv.twitchscope.json'), '{}');
    const first = await cli(['analyze', mixed, '--library', lib]);
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/^library .*library\.json: 3 added, 0 updated, 3 in all$/m);
    const index = JSON.parse(fs.readFileSync(lib, 'utf8'));
    expect(index.schema).toBe('twitchscope.library');
    const byName = Object.fromEntries(index.entries.map((e: { name: string }) => [e.name, e]));
    expect(Object.keys(byName).sort()).toEqual(['week1.csv', 'week2.csv', 'week3.csv']);
    expect(byName['week2.csv'].location).toBe(path.join(mixed, 'week2.csv'));
    // Where saved work lives is the app's to decide (beside the file, or in its own folder): the index does not guess.
    expect(byName['week2.csv']).not.toHaveProperty('sidecar');
    expect(byName['week1.csv'].sites[0]).toMatchObject({ site: 'left calf', analysedS: 180 });
    expect(byName['week1.csv'].sensitivity).toBe(0.5);

    index.entries[0].tags = ['caffeine'];
    fs.writeFileSync(lib, JSON.stringify(index));
    const again = await cli(['analyze', path.join(mixed, 'week1.csv'), path.join(mixed, 'later', 'week3.csv'), '--library', lib, '--sensitivity', '0.7']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/: 0 added, 2 updated, 3 in all$/m);
    const after = JSON.parse(fs.readFileSync(lib, 'utf8')).entries;
    expect(after).toHaveLength(3);
    expect(after[0].tags).toEqual(['caffeine']);
    expect(after.filter((e: { sensitivity: number }) => e.sensitivity === 0.7)).toHaveLength(2);
    fs.rmSync(path.join(mixed, 'week2.csv.twitchscope.json'));
  });

  it('says what to use instead of single-file outputs, and when a folder holds no recordings', async () => {
    const r = await cli(['analyze', path.join(mixed, 'week1.csv'), path.join(mixed, 'week2.csv'), '--json', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json writes one recording's output; with several recordings use --json-dir DIR/);
    const empty = tmp();
    const none = await cli(['analyze', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no recording files found/);
    const bad = await cli(['analyze', mixed, '--summary', 'out.pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--summary needs a file name ending in \.csv/);
  });
});
