/**
 * A batch's worker threads, started before the rest of the command line loads: bin/twitchscope.mjs runs
 * this first, from a small build of its own (bin/cli-cache.mjs). Each thread boots Node and its build
 * (~60 ms of CPU on the bench's batch) on another core while this thread loads the command line and lists
 * the files; it then waits for its jobs (see `takeEarlyWorker`).
 */
import { availableParallelism } from 'node:os';
import { compileOnOwnThread, feedbackOnFirstCall } from './compile-on-own-thread';
import { threadCount } from './thread-count';
import { startEarlyWorker } from './worker-thread';
import { isBatch, isFolder, parseWords } from './words';

/** How many files `argv` runs as a batch (Infinity for a folder), or 0 when it runs none. */
export function batchFiles(argv: readonly string[]): number {
  const [command, ...words] = argv;
  if (command !== 'analyze' && command !== 'analyse' && command !== 'trend') return 0;
  let parsed;
  try {
    parsed = parseWords(words);
  } catch {
    // Wrong words: the command line says what is wrong once it has loaded.
    return 0;
  }
  const { values, positionals } = parsed;
  if (command !== 'trend' && !isBatch(positionals, Boolean(values['json-dir'] || values.summary || values.library))) return 0;
  return positionals.some(isFolder) ? Infinity : positionals.length;
}

/**
 * For a batch: the compile settings `runBatch` makes (made here for one thread too, so a run on one thread
 * and on several get them at the same point), and its worker threads.
 */
export function startBatchEarly(argv: readonly string[]): void {
  const files = batchFiles(argv);
  if (files === 0) return;
  feedbackOnFirstCall();
  const workers = Math.min(threadCount(), files) - 1;
  if (workers > 0 && workers + 1 >= availableParallelism()) compileOnOwnThread();
  for (let w = 0; w < workers; w++) startEarlyWorker();
}
