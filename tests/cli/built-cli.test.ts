import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli';

const BIN = path.join(ROOT, 'bin/twitchscope.mjs');
const cacheModule = pathToFileURL(path.join(ROOT, 'bin/cli-cache.mjs')).href;

interface CliCache {
  isFresh(file: string): boolean;
  build(file: string): void;
}

function run(args: string[], cache: string, env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TWITCHSCOPE_CLI_CACHE: cache, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the command line runs from a cached JavaScript build', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-built-'));
  const cache = path.join(dir, 'cache', 'cli.cjs');

  it('builds on first use, lists its sources in the first line, and prints what the TypeScript prints', async () => {
    const built = run(['formats'], cache);
    expect(built.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(cache, 'utf8').split('\n', 1)[0].replace('//# twitchscope-build ', ''));
    const inputs = manifest.inputs.map((i: [string]) => i[0]);
    expect(inputs).toContain('cli/main.ts');
    expect(inputs).toContain('core/import/scan.ts');
    expect(inputs).toContain('package.json');
    // The worker threads' build: the same sources' line, without what only the command line's own thread runs.
    const workers = fs.readFileSync(cache.replace(/\.cjs$/, '.workers.cjs'), 'utf8');
    expect(workers.split('\n', 1)[0]).toBe(fs.readFileSync(cache, 'utf8').split('\n', 1)[0]);
    expect(workers).toContain('twitchscope-batch-worker');
    expect(workers).toContain('twitchscope-recording-worker');
    expect(workers).not.toContain('node:child_process');
    // The early build (a batch's threads started before the rest loads): the same line, and small.
    const early = fs.readFileSync(cache.replace(/\.cjs$/, '.early.cjs'), 'utf8');
    expect(early.split('\n', 1)[0]).toBe(fs.readFileSync(cache, 'utf8').split('\n', 1)[0]);
    expect(early).toContain('twitchscope-early-batch-worker');
    expect(early.length - early.indexOf('\n')).toBeLessThan(20_000);
    // A cache that cannot be written (a path under a file) falls back to compiling the TypeScript.
    const fallback = run(['formats'], path.join(BIN, 'cli.cjs'));
    expect(fallback.code).toBe(0);
    expect(fallback.stdout).toBe(built.stdout);
    const { isFresh } = (await import(cacheModule)) as CliCache;
    expect(isFresh(cache)).toBe(true);
  });

  it('counts a build stale when any source it came from changed size or time', async () => {
    const { isFresh } = (await import(cacheModule)) as CliCache;
    const text = fs.readFileSync(cache, 'utf8');
    const [first, ...rest] = text.split('\n');
    const manifest = JSON.parse(first.replace('//# twitchscope-build ', ''));
    const stale = path.join(dir, 'stale.cjs');
    for (const change of [(i: [string, number, number]) => (i[1] += 1), (i: [string, number, number]) => (i[2] += 1)]) {
      const edited = structuredClone(manifest);
      change(edited.inputs.find((i: [string]) => i[0] === 'core/import/scan.ts'));
      fs.writeFileSync(stale, [`//# twitchscope-build ${JSON.stringify(edited)}`, ...rest].join('\n'));
      expect(isFresh(stale)).toBe(false);
    }
    fs.writeFileSync(stale, rest.join('\n'));
    expect(isFresh(stale)).toBe(false);
    expect(isFresh(path.join(dir, 'missing.cjs'))).toBe(false);
    // The command line's file alone, or beside a workers' build of other sources, is not a build.
    fs.writeFileSync(stale, text);
    expect(isFresh(stale)).toBe(false);
    const workers = fs.readFileSync(cache.replace(/\.cjs$/, '.workers.cjs'), 'utf8').split('\n');
    fs.writeFileSync(path.join(dir, 'stale.workers.cjs'), [`//# twitchscope-build ${JSON.stringify({ ...manifest, esbuild: 'other' })}`, ...workers.slice(1)].join('\n'));
    expect(isFresh(stale)).toBe(false);
    fs.writeFileSync(path.join(dir, 'stale.workers.cjs'), workers.join('\n'));
    expect(isFresh(stale)).toBe(false);
    fs.copyFileSync(cache.replace(/\.cjs$/, '.early.cjs'), path.join(dir, 'stale.early.cjs'));
    expect(isFresh(stale)).toBe(true);
  });

  it('runs a batch on worker threads from the built file, with the version from package.json', () => {
    const folder = path.join(dir, 'recordings');
    fs.mkdirSync(folder);
    for (const f of ['calf-rest-emg.csv', 'back-emg-ecg.csv']) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(folder, f));
    const out = path.join(dir, 'out');
    const r = run(['analyze', folder, '--json-dir', out, '--quiet'], cache, { TWITCHSCOPE_THREADS: '2' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(out, 'calf-rest-emg.analysis.json'), 'utf8'));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(doc.software.version).toBe(pkg.version);
    expect(doc.summary.channels.map((c: { channel: string }) => c.channel)).toEqual(['emg1', 'emg2']);
    // On one thread: the same documents.
    const one = path.join(dir, 'out-one');
    expect(run(['analyze', folder, '--json-dir', one, '--quiet'], cache, { TWITCHSCOPE_THREADS: '1' }).code).toBe(0);
    for (const f of fs.readdirSync(out)) expect(fs.readFileSync(path.join(one, f), 'utf8')).toBe(fs.readFileSync(path.join(out, f), 'utf8'));
  });

  it('ends as usual when the worker thread a batch started early is not needed: one file in the folder, or wrong words', () => {
    const folder = path.join(dir, 'one-recording');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(ROOT, 'samples', 'back-emg-ecg.csv'), path.join(folder, 'back-emg-ecg.csv'));
    const out = path.join(dir, 'out-single');
    const r = run(['analyze', folder, '--json-dir', out, '--quiet'], cache, { TWITCHSCOPE_THREADS: '2' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['back-emg-ecg.analysis.json']);
    const wrong = run(['analyze', folder, '--json', path.join(dir, 'one.json')], cache, { TWITCHSCOPE_THREADS: '2' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--json-dir');
  });
});
