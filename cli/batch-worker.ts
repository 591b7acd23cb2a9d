/**
 * One recording of a batch: import, analyse, and the `twitchscope.analysis/2` document back to the main
 * thread, which alone writes files. The main thread runs whole jobs; a worker thread reads its files and
 * hands each recording read into shared memory to the main thread to analyse (see `Handoff`).
 */
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { analyseRecording } from '../core/analysis/analyse';
import { toAnalysisJson, type AnalysisJson } from '../core/analysis/json';
import { WorkspaceKeeper } from '../core/detect/workspace';
import { ImportError } from '../core/import/errors';
import type { Recording } from '../core/recording';
import { readRecording, templateSites, type ReadOptions } from './read-recording';
import { EARLY_BATCH_MARK, workerDataFor, type CliWorkerData } from './worker-thread';

export interface BatchJob {
  index: number;
  file: string;
  read: ReadOptions;
  /** Sites by channel id; applied to the channels a file has, ignored for the others. */
  sites: Record<string, string>;
  sensitivity?: number;
  version: string;
  /** Bring the document as JSON text too (`json`), made on the thread that analysed the file. */
  jsonText?: boolean;
}

/** `threadId`: the thread that read the file. */
export type JobResult =
  | { index: number; ok: true; doc: AnalysisJson; json?: string; fingerprint: string; sizeBytes: number; threadId: number }
  | { index: number; ok: false; message: string; threadId: number };

/**
 * A recording a worker thread read, for the main thread to analyse: its samples are in shared memory, so it
 * travels neither copied nor moved. The analysis then runs on one thread only, which alone pays for
 * compiling and warming up the analysis code (each thread compiles all the code it runs: for the
 * analysis about 0.15 s of CPU per thread on the bench's batch, for 30 ms per file once warm).
 */
export interface Handoff {
  index: number;
  handoff: Recording;
  threadId: number;
  /** How long the worker took to read it (ms). */
  readMs: number;
}

/** What a worker thread posts for each job. */
export type WorkerMessage = JobResult | Handoff;

export async function analyseJob(job: BatchJob, workspaces?: WorkspaceKeeper): Promise<JobResult> {
  const read = await readJob(job, false);
  return 'rec' in read ? analyseRead(job, read.rec, workspaces) : read;
}

async function readJob(job: BatchJob, sharedSamples: boolean): Promise<{ rec: Recording } | JobResult> {
  try {
    return { rec: await readRecording(job.file, job.read, false, null, sharedSamples) };
  } catch (e) {
    return failure(job, e);
  }
}

function failure(job: BatchJob, e: unknown): JobResult {
  const message = e instanceof ImportError ? e.message : `${path.basename(job.file)}: could not be analysed (${(e as Error)?.message ?? String(e)})`;
  return { index: job.index, ok: false, message, threadId };
}

/** The analysis of a recording read for `job`, by whichever thread read it (`readBy`). */
export function analyseRead(job: BatchJob, rec: Recording, workspaces?: WorkspaceKeeper, readBy = threadId): JobResult {
  try {
    const known = new Set([...rec.channels.map((c) => c.id), ...rec.sensors.map((s) => s.id)]);
    const sites = Object.fromEntries(Object.entries({ ...templateSites(rec.layout, job.read.templates), ...job.sites }).filter(([id]) => known.has(id)));
    const workspace = workspaces?.take();
    const analysis = analyseRecording(rec, { sites, ...(job.sensitivity !== undefined ? { params: { sensitivity: job.sensitivity } } : {}), ...(workspace ? { workspace } : {}) });
    if (workspace) workspaces?.keep(workspace);
    const doc = toAnalysisJson(rec, analysis, job.version);
    return { index: job.index, ok: true, doc, ...(job.jsonText ? { json: JSON.stringify(doc, null, 2) + '\n' } : {}), fingerprint: rec.fingerprint, sizeBytes: rec.sizeBytes, threadId: readBy };
  } catch (e) {
    return { ...failure(job, e), threadId: readBy };
  }
}

/** Every sample array of `rec` is in shared memory (a column that outgrew its estimate is not). */
function inSharedMemory(rec: Recording): boolean {
  return rec.channels.every((c) => c.data.buffer instanceof SharedArrayBuffer);
}

/** Marks the threads `runBatch` starts, so importing this module in any other thread (a test runner's) runs nothing. */
export const BATCH_WORKER_MARK = 'twitchscope-batch-worker';

/** What a batch's worker thread is started with: every job, and where the threads keep count of them. */
export interface BatchWorkerData extends CliWorkerData {
  jobs: readonly BatchJob[];
  /** The next job to take, shared by every thread of the batch. */
  next: Int32Array;
  /** The job this worker is on, -1 between jobs: the one to report when the thread dies. */
  current: Int32Array;
  /** A job kept for this worker to start with, or -1. */
  first: number;
  /** When this worker began reading its current job (ms since the epoch), NaN between jobs: see `lastJobTo`. */
  readFrom: Float64Array;
}

/** Now, in ms since the epoch, comparable between threads (each thread's performance.now counts from its own start). */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

/** The index of the next job nobody has taken yet, or -1 when all are taken. */
export function takeJob(next: Int32Array, count: number): number {
  const k = Atomics.add(next, 0, 1);
  return k < count ? k : -1;
}

/**
 * A worker's jobs, one after another until none are left; the thread then ends. A recording that could not
 * be read into shared memory is analysed here.
 */
async function work(port: NonNullable<typeof parentPort>, { jobs, next, current, first, readFrom }: BatchWorkerData): Promise<void> {
  const workspaces = new WorkspaceKeeper();
  for (let k = first >= 0 ? first : takeJob(next, jobs.length); k >= 0; k = takeJob(next, jobs.length)) {
    Atomics.store(current, 0, k);
    const from = clock();
    readFrom[0] = from;
    const read = await readJob(jobs[k], true);
    readFrom[0] = NaN;
    const message: WorkerMessage = !('rec' in read) ? read : inSharedMemory(read.rec) ? { index: k, handoff: read.rec, threadId, readMs: clock() - from } : analyseRead(jobs[k], read.rec, workspaces);
    port.postMessage(message);
    Atomics.store(current, 0, -1);
  }
}

const port = parentPort;
const started = workerDataFor<BatchWorkerData>(workerData, BATCH_WORKER_MARK);
if (port && started) void work(port, started);
// Started before its jobs were known (early-batch.ts): they come as its first message.
else if (port && workerDataFor(workerData, EARLY_BATCH_MARK)) port.once('message', (data: BatchWorkerData) => void work(port, data));
