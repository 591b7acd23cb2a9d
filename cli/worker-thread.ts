import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** What a command-line worker thread is told at its start: `mark` says which job it serves. */
export interface CliWorkerData {
  mark: string;
  [more: string]: unknown;
}

/**
 * A worker thread running the command line's code. Built (bin/cli-cache.mjs), the command line is one file
 * and the worker threads' code another beside it (`<name>.workers.cjs`, the name workersFile makes there),
 * which the thread loads as is; run from the TypeScript (tests, benches), the thread registers tsx and
 * loads `module`, a file of cli/ named without extension.
 */
export function startCliWorker(module: string, workerData: CliWorkerData, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (__filename.endsWith('.cjs')) return new Worker(__filename.replace(/(\.workers|\.early)?\.cjs$/, '.workers.cjs'), { workerData, ...limits });
  const entry = path.join(__dirname, `${module}.ts`);
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, workerData, ...limits });
}

/** The data a thread was started with, when it was started for `mark`. */
export function workerDataFor<T extends CliWorkerData>(data: unknown, mark: string): T | null {
  return typeof data === 'object' && data !== null && (data as CliWorkerData).mark === mark ? (data as T) : null;
}

/** Marks a batch worker started before its jobs were known: it gets its `BatchWorkerData` as its first message. */
export const EARLY_BATCH_MARK = 'twitchscope-early-batch-worker';

interface EarlyWorker {
  worker: Worker;
  alive: boolean;
}

/**
 * Where early-batch.ts leaves the threads it started for the command line to take: a property of the
 * process's global object, as the two are built apart (bin/cli-cache.mjs) and share no module.
 */
const EARLY_WORKERS = Symbol.for('twitchscope.early-batch-workers');

type WithEarly = typeof globalThis & { [EARLY_WORKERS]?: EarlyWorker[] };

/**
 * Starts a batch worker now, for `takeEarlyWorker` to give its jobs later. Until then it does not keep the
 * process alive (a run that turns out to need it not, e.g. a folder with one file, ends as usual).
 */
export function startEarlyWorker(): Worker {
  const early: EarlyWorker = { worker: startCliWorker('batch-worker', { mark: EARLY_BATCH_MARK }), alive: true };
  const died = (): void => {
    early.alive = false;
  };
  early.worker.on('error', died).on('exit', died).unref();
  ((globalThis as WithEarly)[EARLY_WORKERS] ??= []).push(early);
  return early.worker;
}

/** A batch worker started early and still alive, now given `data` (its jobs); null when there is none. */
export function takeEarlyWorker(data: CliWorkerData): Worker | null {
  const waiting = (globalThis as WithEarly)[EARLY_WORKERS];
  for (let early = waiting?.shift(); early; early = waiting?.shift()) {
    if (!early.alive) continue;
    early.worker.ref();
    early.worker.postMessage(data);
    return early.worker;
  }
  return null;
}
