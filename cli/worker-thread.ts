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
  if (__filename.endsWith('.cjs')) return new Worker(__filename.replace(/(\.workers)?\.cjs$/, '.workers.cjs'), { workerData, ...limits });
  const entry = path.join(__dirname, `${module}.ts`);
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, workerData, ...limits });
}

/** The data a thread was started with, when it was started for `mark`. */
export function workerDataFor<T extends CliWorkerData>(data: unknown, mark: string): T | null {
  return typeof data === 'object' && data !== null && (data as CliWorkerData).mark === mark ? (data as T) : null;
}
