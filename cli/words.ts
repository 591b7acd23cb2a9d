/**
 * The command line's words as `util.parseArgs` splits them, and whether they run a batch: a module of its own
 * with nothing else in it, so bin/twitchscope.mjs can read them before it loads the rest (see early-batch.ts).
 */
import { statSync } from 'node:fs';
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

/** Every option the commands take; which command may use which is checked where each command runs. */
export const OPTIONS = {
  json: { type: 'string' },
  'json-dir': { type: 'string' },
  summary: { type: 'string' },
  library: { type: 'string' },
  events: { type: 'string' },
  'events-in': { type: 'string' },
  edf: { type: 'string' },
  report: { type: 'string' },
  format: { type: 'string' },
  subject: { type: 'string' },
  rate: { type: 'string' },
  sensitivity: { type: 'string' },
  site: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  answer: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  column: { type: 'string', multiple: true },
  template: { type: 'string' },
  filtered: { type: 'boolean' },
  anonymise: { type: 'boolean' },
  anonymize: { type: 'boolean' },
  'keep-time-of-day': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const satisfies ParseArgsConfig['options'];

export function parseWords(words: string[]) {
  return nodeParseArgs({ args: words, options: OPTIONS, allowPositionals: true, strict: true });
}

/**
 * `analyze` runs a batch (one analysis per file, on every core) for several files, a folder, or outputs of
 * a batch; a single file is analysed on its own.
 */
export function isBatch(files: readonly string[], batchOutputs: boolean): boolean {
  return files.length !== 1 || batchOutputs || isFolder(files[0]);
}

export function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
