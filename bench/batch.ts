import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { runBatch, type BatchOptions } from '../cli/batch';
import { BENCH_DIR, generatedCsv } from './generate';
import { bestOf, loadLine, ROUNDS, runCommand, seconds } from './timed-command';

const FILES = 20;

/** 20 recordings of 5 min × 2 EMG channels at 2 kHz in `.bench/batch/` (copies of one generated file). */
function batchFolder(): string[] {
  const source = generatedCsv(5, 2, 2000);
  const dir = path.join(BENCH_DIR, 'batch');
  fs.mkdirSync(dir, { recursive: true });
  return Array.from({ length: FILES }, (_, i) => {
    const file = path.join(dir, `rec-${String(i + 1).padStart(2, '0')}.csv`);
    if (!fs.existsSync(file)) fs.copyFileSync(source, file);
    return file;
  });
}

interface Timing {
  ms: number;
  /** CPU time of the whole process, all threads. */
  cpuMs: number;
}

async function timed(files: readonly string[], workers: number): Promise<Timing> {
  const opts: BatchOptions = { read: { columns: {}, quiet: true }, sites: {}, version: 'bench', workers };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await runBatch(files, opts);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`batch bench: ${failed.length} files failed`);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Batch analysis (import + detection, JSON document per file) of 20 generated recordings with worker threads,
 * beside one file alone in the main thread and the same 20 one after another (issue 9).
 */
export async function run(): Promise<void> {
  const files = batchFolder();
  const mb = fs.statSync(files[0]).size / 1e6;
  const workers = Math.min(availableParallelism(), files.length);
  console.log(`\n## Batch: ${FILES} × ${path.basename(generatedCsv(5, 2, 2000))} (${mb.toFixed(1)} MB each, ${(mb * FILES).toFixed(0)} MB in all)`);
  // The first passes compile and warm up the code; the figure is the best of the three after them.
  for (let i = 0; i < 2; i++) await timed(files.slice(0, 1), 1);
  let single: Timing = { ms: Infinity, cpuMs: Infinity };
  for (let i = 0; i < 3; i++) {
    const t = await timed(files.slice(0, 1), 1);
    if (t.ms < single.ms) single = t;
  }
  const sequential = await timed(files, 1);
  const parallel = await timed(files, workers);
  const row = (what: string, t: Timing, n: number): string =>
    `| ${what} | ${(t.ms / 1000).toFixed(2)} s | ${((n * 1000) / t.ms).toFixed(2)} files/s | ${((n * mb * 1000) / t.ms).toFixed(1)} MB/s | ${(t.cpuMs / 1000).toFixed(2)} s |`;
  console.log('| run | wall time | files per second | total MB/s | CPU time (all threads) |');
  console.log('|---|---|---|---|---|');
  console.log(row('one file, main thread', single, 1));
  console.log(row(`${FILES} files one after another, main thread`, sequential, FILES));
  console.log(row(`${FILES} files on ${workers} worker threads`, parallel, FILES));
  // On a shared machine wall time includes waiting for a core; CPU time shows what the work itself cost.
  console.log(`| speed-up with workers | ${(sequential.ms / parallel.ms).toFixed(2)}× wall time on ${availableParallelism()} cores | | | |`);
}

/**
 * The same batch as a user runs it (`node bin/twitchscope.mjs analyze DIR --json-dir OUT`, threads loading
 * the built command line) on one thread and on one per core: the figure issue 18 sets an aim for.
 */
export async function runCommandLine(): Promise<void> {
  const files = batchFolder();
  const dir = path.dirname(files[0]);
  const cores = availableParallelism();
  const batch = (threads: number) => () => {
    const out = fs.mkdtempSync(path.join(BENCH_DIR, 'batch-out-'));
    try {
      return runCommand(process.execPath, ['bin/twitchscope.mjs', 'analyze', dir, '--json-dir', out], { ...process.env, TWITCHSCOPE_THREADS: String(threads) });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  };
  console.log(`\nThe same ${FILES} files through the command line, best of ${ROUNDS} runs each, taking turns; ${loadLine()} before.`);
  // The first run builds the command line's cached bundle when the sources changed; it is not timed.
  batch(1)();
  const best = bestOf(ROUNDS, { one: batch(1), all: batch(cores) });
  console.log('| `node bin/twitchscope.mjs analyze DIR --json-dir OUT` | wall time | CPU time (all threads) |');
  console.log('|---|---|---|');
  console.log(`| one thread (TWITCHSCOPE_THREADS=1) | ${seconds(best.one.wallS)} | ${seconds(best.one.cpuS)} |`);
  console.log(`| ${cores} threads | ${seconds(best.all.wallS)} | ${seconds(best.all.cpuS)} |`);
  console.log(`| speed-up | **${(best.one.wallS / best.all.wallS).toFixed(2)}×** wall (aim ≥ 1.7× on 2 cores); CPU with threads ÷ one thread: ${(best.all.cpuS / best.one.cpuS).toFixed(2)}× | |`);
  console.log(`After: ${loadLine()}. On a busy machine the threads wait for cores, so the wall-time speed-up is understated.`);
}
