/**
 * `twitchscope analyze FILE... | FOLDER`: many recordings in one run, spread over worker threads. Each file is
 * imported and analysed on its own; a bad file is reported and skipped, the rest go on.
 */
import fs from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { WorkspaceKeeper } from '../core/detect/workspace';
import { formatDuration, formatNumber } from '../core/format';
import { Library } from '../core/library/library';
import { entryFromAnalysis } from '../core/library/entry';
import type { LibraryEntry } from '../core/library/schema';
import { summaryCsv, summaryRows, type SummaryRow } from '../core/library/summary-csv';
import { analyseJob, analyseRead, BATCH_WORKER_MARK, clock, takeJob, type BatchJob, type BatchWorkerData, type Handoff, type JobResult, type WorkerMessage } from './batch-worker';
import { fileLibraryStore } from '../node/library-file-store';
import { threadCount } from './thread-count';
import { startCliWorker, takeEarlyWorker } from './worker-thread';
import { compileOnOwnThread, feedbackOnFirstCall } from './compile-on-own-thread';
import { refuseOverwritingInputs, type PlannedOutput } from './outputs';
import type { ReadOptions } from './read-recording';
import { say, warn } from './terminal';

/** Recording files a folder may hold (the app's `.twitchscope.json` sidecars and JSON outputs are not). */
const RECORDING_EXT = /\.(csv|txt|tsv|edf|bdf)$/i;

/**
 * Files as given, folders expanded to the recordings under them (recursively, in name order, hidden files
 * left out). `exclude` names outputs of this run, e.g. a summary table written into the same folder.
 */
export async function listRecordings(paths: readonly string[], exclude: readonly string[] = []): Promise<string[]> {
  const skip = new Set(exclude.map((f) => path.resolve(f)));
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await fs.stat(p)).isDirectory();
    } catch {
      // Kept in the list: reading it will say there is no such file, in the usual words.
    }
    if (isDir) out.push(...(await folderRecordings(p)).filter((f) => !skip.has(path.resolve(f))));
    else out.push(p);
  }
  return out;
}

async function folderRecordings(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) out.push(...(await folderRecordings(p)));
    else if (e.isFile() && RECORDING_EXT.test(e.name)) out.push(p);
  }
  return out;
}

export interface BatchOptions {
  read: ReadOptions;
  sites: Record<string, string>;
  sensitivity?: number;
  version: string;
  /** Worker threads; default one per core the machine offers (or TWITCHSCOPE_THREADS), at most one per file. */
  workers?: number;
  /** Each result brings its document as JSON text too, written by the thread that analysed the file. */
  jsonText?: boolean;
  /** Called as each file finishes, in finishing order. */
  onResult?: (result: JobResult, done: number, total: number) => void;
}

/** What the main thread knows of a worker thread's progress, to decide who takes a batch's last job (see `runBatch`). */
interface WorkerLane {
  /** The job the worker is on, -1 between jobs: also the one to report when the thread dies. */
  current: Int32Array;
  /** When it began reading that job (ms since the epoch), NaN between jobs. */
  readFrom: Float64Array;
  /** Its last read's time per byte (ms), NaN before its first. */
  msPerByte: number;
}

/**
 * One worker thread taking jobs from `jobs` until none are left (see `BatchWorkerData`), its first one
 * held for it; resolves with the job it was on if the thread died. The first thread of a lane is one
 * started early (see early-batch.ts) where there is one; a thread started after one died is a new one.
 */
function runWorker(jobs: readonly BatchJob[], next: Int32Array, first: number, lane: WorkerLane, receive: (m: WorkerMessage) => void): Promise<{ job: BatchJob; error: Error } | null> {
  return new Promise((resolve) => {
    const current = new Int32Array(new SharedArrayBuffer(4)).fill(-1);
    const readFrom = new Float64Array(new SharedArrayBuffer(8)).fill(NaN);
    Object.assign(lane, { current, readFrom, msPerByte: NaN });
    const data: BatchWorkerData = { mark: BATCH_WORKER_MARK, jobs, next, current, first, readFrom };
    const worker = takeEarlyWorker(data) ?? startCliWorker('batch-worker', data);
    const finished = new Set<number>();
    worker.on('message', (m: WorkerMessage) => {
      finished.add(m.index);
      if ('handoff' in m && m.handoff.sizeBytes > 0) lane.msPerByte = m.readMs / m.handoff.sizeBytes;
      receive(m);
    });
    worker.on('error', (error) => {
      void worker.terminate();
      const k = Atomics.load(current, 0);
      resolve(k >= 0 && !finished.has(k) ? { job: jobs[k], error } : null);
    });
    worker.on('exit', () => resolve(null));
  });
}

/**
 * Analyses every file; results come back in the order of `files`, whatever order they finished in. With
 * n threads, n − 1 are worker threads and this thread is the last: it would otherwise sit idle while each
 * worker pays for starting and warming up on its own. Each thread takes the next file to read as it
 * becomes free, from a counter they share, so none is left with a queue while another has nothing (a job
 * handed to a busy thread in advance left one thread with a file to go at the end while the other waited,
 * and ran two files at once in a worker); a worker's first job is kept for it, so it starts on one at once.
 * The workers only read: this thread analyses what they read (see `Handoff`) before it reads a file of its
 * own, so the analysis code is compiled and warmed up on one thread only. With a thread per core, the
 * workers compile their optimised code on their own thread (see compileOnOwnThread).
 *
 * The last job: this thread analyses every file a worker reads, so the batch ends when it has analysed the
 * last one. Taking the last job itself while a worker is about to be free would leave the worker idle and this
 * thread with its own read and analysis to do before the worker's last read; so it leaves the last job to a
 * worker that, by the times measured so far, will have read it sooner than this thread would have read and
 * analysed it (`leaveLast`), and the threads finish together.
 */
export async function runBatch(files: readonly string[], opts: BatchOptions): Promise<JobResult[]> {
  const jobs: BatchJob[] = files.map((file, index) => ({
    index,
    file,
    read: opts.read,
    sites: opts.sites,
    version: opts.version,
    ...(opts.sensitivity !== undefined ? { sensitivity: opts.sensitivity } : {}),
    ...(opts.jsonText ? { jsonText: true } : {}),
  }));
  const results: JobResult[] = new Array(jobs.length);
  let done = 0;
  const finish = (r: JobResult): void => {
    results[r.index] = r;
    opts.onResult?.(r, ++done, jobs.length);
  };
  const threads = Math.max(1, Math.min(opts.workers ?? threadCount(), jobs.length));
  feedbackOnFirstCall();
  if (threads > 1 && threads >= availableParallelism()) compileOnOwnThread();
  const next = new Int32Array(new SharedArrayBuffer(4));
  next[0] = threads - 1;
  const handed: Handoff[] = [];
  const lanes: WorkerLane[] = [];
  const sizes = new Map<number, number>();
  const sizeOf = (k: number): number => {
    let size = sizes.get(k);
    if (size === undefined) {
      try {
        size = statSync(jobs[k].file).size;
      } catch {
        size = NaN;
      }
      sizes.set(k, size);
    }
    return size;
  };
  // This thread's last file of its own: read and analysis time per byte (ms).
  let msPerByte = NaN;
  const leaveLast = (): boolean => {
    const k = Atomics.load(next, 0);
    if (k !== jobs.length - 1 || !(msPerByte > 0)) return false;
    const now = clock();
    const mine = now + msPerByte * sizeOf(k);
    return lanes.some((lane) => {
      if (!(lane.msPerByte > 0)) return false;
      const on = Atomics.load(lane.current, 0);
      const from = lane.readFrom[0];
      const free = on < 0 || Number.isNaN(from) ? now : Math.max(now, from + lane.msPerByte * sizeOf(on));
      return free + lane.msPerByte * sizeOf(k) < mine;
    });
  };
  let wake: (() => void) | null = null;
  let workersLeft = threads - 1;
  const receive = (m: WorkerMessage): void => {
    if ('handoff' in m) handed.push(m);
    else finish(m);
    wake?.();
  };
  const lane = async (first: number): Promise<void> => {
    const state: WorkerLane = { current: new Int32Array(1).fill(-1), readFrom: new Float64Array(1).fill(NaN), msPerByte: NaN };
    lanes.push(state);
    for (let reserved = first; ; reserved = -1) {
      const crashed = await runWorker(jobs, next, reserved, state, receive);
      if (!crashed) break;
      // A thread that died (e.g. out of memory) costs its file, not the run: a fresh one takes the rest.
      finish({ index: crashed.job.index, ok: false, message: `${path.basename(crashed.job.file)}: could not be analysed (${crashed.error.message})`, threadId: -1 });
    }
    state.msPerByte = NaN;
    workersLeft--;
    wake?.();
  };
  const here = async (): Promise<void> => {
    const workspaces = new WorkspaceKeeper();
    for (;;) {
      const h = handed.shift();
      const leave = !h && workersLeft > 0 && leaveLast();
      const k = h || leave ? -1 : takeJob(next, jobs.length);
      if (h) finish(analyseRead(jobs[h.index], h.handoff, workspaces, h.threadId));
      else if (k >= 0) {
        const from = clock();
        const r = await analyseJob(jobs[k], workspaces);
        if (r.ok && r.sizeBytes > 0) msPerByte = (clock() - from) / r.sizeBytes;
        finish(r);
      } else if (workersLeft > 0) await new Promise<void>((r) => (wake = r));
      else return;
      wake = null;
      // Lets the workers' messages in between this thread's files.
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all([...Array.from({ length: threads - 1 }, (_, w) => lane(w)), here()]);
  return results;
}

/** The library entry a batch result describes (for the summary table and trends). */
export function entryOfResult(file: string, r: Extract<JobResult, { ok: true }>, analysedAt: string): LibraryEntry {
  return entryFromAnalysis({ ...r.doc.recording, fingerprint: r.fingerprint, sizeBytes: r.sizeBytes }, r.doc, { location: path.resolve(file), analysedAt });
}

/**
 * `<name>.analysis.json` for each file, made unique when names meet (`a.csv`, `a.txt` and `a-2.csv` give `a`,
 * `a-3` and `a-2`), ignoring letter case, which some disks do, so no analysis of a run replaces another.
 */
export function jsonNames(files: readonly string[]): string[] {
  const bases = files.map((f) => path.basename(f).replace(/\.[^.]+$/, ''));
  // A name some file has as its own is never given to another file as a numbered one.
  const own = new Set(bases.map((b) => b.toLowerCase()));
  const used = new Set<string>();
  return bases.map((base) => {
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      name = `${base}-${n}`;
      if (own.has(name.toLowerCase())) name = base;
    }
    used.add(name.toLowerCase());
    return `${name}.analysis.json`;
  });
}

export function batchSummaryRows(files: readonly string[], results: readonly JobResult[], analysedAt: string): SummaryRow[] {
  return results.flatMap((r, i) => (r.ok ? summaryRows(path.basename(files[i]), entryOfResult(files[i], r, analysedAt)) : []));
}

export type WriteOut = (file: string, data: string | Uint8Array) => Promise<void>;

export interface BatchRun {
  files: string[];
  results: JobResult[];
  failed: number;
}

/**
 * Lists, analyses and reports progress the command-line way: `[3/20] file.csv` and each problem on stderr.
 * `outputs` names what the run will write for the files listed; it is checked before any work starts.
 * `each` writes what one analysed file gives as soon as it comes (while the threads go on); the run ends
 * when every write has.
 */
export async function analyseFiles(paths: readonly string[], args: BatchArgs, outputs: (files: string[]) => PlannedOutput[], each?: Each): Promise<BatchRun> {
  const files = await listRecordings(paths, args.summary ? [args.summary] : []);
  if (files.length === 0) return { files, results: [], failed: 0 };
  await refuseOverwritingInputs(files, outputs(files));
  let failed = 0;
  const writes: Promise<void>[] = [];
  const results = await runBatch(files, {
    ...(each ? { jsonText: each.jsonText } : {}),
    read: { ...(args.format ? { format: args.format } : {}), ...(args.rate ? { rate: args.rate } : {}), columns: args.columns, ...(args.templates ? { templates: args.templates } : {}), quiet: true },
    sites: args.sites,
    ...(args.sensitivity !== undefined ? { sensitivity: args.sensitivity } : {}),
    version: args.version,
    onResult: (r, done, total) => {
      if (!r.ok) {
        failed++;
        warn(`twitchscope: ${r.message}\n`);
      }
      if (!args.quiet) warn(`[${done}/${total}] ${path.basename(files[r.index])}${r.ok ? '' : ' (skipped)'}\n`);
      if (each && r.ok) writes.push(each.write(r, files));
    },
  });
  await Promise.all(writes);
  return { files, results, failed };
}

/** What to write for each file analysed, and whether it needs the document as JSON text. */
interface Each {
  jsonText: boolean;
  write(result: Extract<JobResult, { ok: true }>, files: string[]): Promise<void>;
}

export interface BatchArgs {
  format?: string;
  rate?: number;
  columns: ReadOptions['columns'];
  templates?: ReadOptions['templates'];
  sites: Record<string, string>;
  sensitivity?: number;
  quiet: boolean;
  version: string;
  jsonDir?: string;
  summary?: string;
  library?: string;
}

/**
 * `analyze` over several files or folders: JSON per file into `--json-dir`, the summary table into
 * `--summary` and on stdout. Returns how many files failed (the caller exits 2 when any did).
 */
export async function analyseMany(paths: readonly string[], args: BatchArgs, write: WriteOut): Promise<BatchRun> {
  const jsonPaths = (files: string[]) => (args.jsonDir ? jsonNames(files).map((name) => path.join(args.jsonDir!, name)) : []);
  let names: string[] | null = null;
  let made: Promise<unknown> | null = null;
  const jsonEach: Each = {
    jsonText: true,
    async write(r, files) {
      names ??= jsonPaths(files);
      await (made ??= fs.mkdir(args.jsonDir!, { recursive: true }));
      await write(names[r.index], r.json ?? JSON.stringify(r.doc, null, 2) + '\n');
    },
  };
  const run = await analyseFiles(
    paths,
    args,
    (files) => [
      ...jsonPaths(files).map((p) => ({ flag: '--json-dir', path: p })),
      ...(args.summary ? [{ flag: '--summary', path: args.summary }] : []),
      ...(args.library ? [{ flag: '--library', path: args.library }] : []),
    ],
    args.jsonDir ? jsonEach : undefined,
  );
  const analysedAt = new Date().toISOString();
  if (args.jsonDir) await (made ??= fs.mkdir(args.jsonDir, { recursive: true }));
  const rows = batchSummaryRows(run.files, run.results, analysedAt);
  if (args.summary) await write(args.summary, summaryCsv(rows));
  if (!args.quiet && rows.length > 0) say(alignedTable(rows) + '\n');
  if (args.library) await addToLibrary(args.library, run, analysedAt, args.quiet);
  return run;
}

/**
 * Adds (or, for recordings already listed, updates) each analysed recording in a library index file, the
 * one the app keeps in its user-data folder.
 */
async function addToLibrary(file: string, run: BatchRun, analysedAt: string, quiet: boolean): Promise<void> {
  const store = fileLibraryStore({ fs, path: path.resolve(file), now: () => new Date(), uniqueSuffix: () => randomBytes(6).toString('hex') });
  const { library, notice } = await Library.open(store);
  if (notice.kind === 'newer' || notice.kind === 'unreadable') {
    const why = notice.kind === 'newer' ? `was written by a newer TwitchScope (version ${notice.version})` : `could not be read (${notice.reason})`;
    warn(`twitchscope: ${file} ${why}; it is kept as ${notice.keptAt} and a new library is started\n`);
  }
  let known = 0;
  for (const r of run.results) {
    if (!r.ok) continue;
    const recording = path.resolve(run.files[r.index]);
    if (library.entries.some((e) => e.fingerprint === r.fingerprint)) known++;
    await library.record(entryOfResult(recording, r, analysedAt));
  }
  const added = run.results.filter((r) => r.ok).length - known;
  if (!quiet) warn(`library ${file}: ${added} added, ${known} updated, ${library.entries.length} in all\n`);
}

/** The summary rows in columns for the terminal. */
function alignedTable(rows: readonly SummaryRow[]): string {
  const cells = [
    ['file', 'start', 'site', 'rest', 'twitches', 'per min', 'sustained'],
    ...rows.map((r) => [r.file, r.startTime ?? '-', r.site || '-', formatDuration(r.restS), String(r.twitchCount), r.twitchesPerMinute !== null ? formatNumber(r.twitchesPerMinute) : r.noRate.replace('-', ' ') || '-', String(r.sustainedCount)]),
  ];
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}
