import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the command line's code, told its job by `mark` (its workerData). Built, the
 * command line is one file (bin/cli-cache.mjs), which the thread loads as is; run from the TypeScript
 * (tests, benches), the thread registers tsx and loads `module`, a file of cli/ named without extension.
 */
export function startCliWorker(module: string, mark: string): Worker {
  if (__filename.endsWith('.cjs')) return new Worker(__filename, { workerData: mark });
  const entry = path.join(__dirname, `${module}.ts`);
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, workerData: mark });
}
