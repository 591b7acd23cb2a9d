/**
 * One recording of a batch: import, analyse, and the `twitchscope.analysis/2` document back to the main
 * thread, which alone writes files. Runs in a worker thread (see `startCliWorker`), or in the
 * main thread when there is only one worker's worth of work.
 */
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { analyseRecording } from '../core/analysis/analyse';
import { toAnalysisJson, type AnalysisJson } from '../core/analysis/json';
import { WorkspaceKeeper } from '../core/detect/workspace';
import { ImportError } from '../core/import/errors';
import { readRecording, templateSites, type ReadOptions } from './read-recording';
import { workerDataFor, type CliWorkerData } from './worker-thread';

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

export type JobResult =
  | { index: number; ok: true; doc: AnalysisJson; json?: string; fingerprint: string; sizeBytes: number; threadId: number }
  | { index: number; ok: false; message: string; threadId: number };

export async function analyseJob(job: BatchJob, workspaces?: WorkspaceKeeper): Promise<JobResult> {
  try {
    const rec = await readRecording(job.file, job.read, false);
    const known = new Set([...rec.channels.map((c) => c.id), ...rec.sensors.map((s) => s.id)]);
    const sites = Object.fromEntries(Object.entries({ ...templateSites(rec.layout, job.read.templates), ...job.sites }).filter(([id]) => known.has(id)));
    const workspace = workspaces?.take();
    const analysis = analyseRecording(rec, { sites, ...(job.sensitivity !== undefined ? { params: { sensitivity: job.sensitivity } } : {}), ...(workspace ? { workspace } : {}) });
    if (workspace) workspaces?.keep(workspace);
    const doc = toAnalysisJson(rec, analysis, job.version);
    return { index: job.index, ok: true, doc, ...(job.jsonText ? { json: JSON.stringify(doc, null, 2) + '\n' } : {}), fingerprint: rec.fingerprint, sizeBytes: rec.sizeBytes, threadId };
  } catch (e) {
    const message = e instanceof ImportError ? e.message : `${path.basename(job.file)}: could not be analysed (${(e as Error)?.message ?? String(e)})`;
    return { index: job.index, ok: false, message, threadId };
  }
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
}

/** The index of the next job nobody has taken yet, or -1 when all are taken. */
export function takeJob(next: Int32Array, count: number): number {
  const k = Atomics.add(next, 0, 1);
  return k < count ? k : -1;
}

/** A worker's jobs, one after another until none are left; the thread then ends. */
async function work(port: NonNullable<typeof parentPort>, { jobs, next, current, first }: BatchWorkerData): Promise<void> {
  const workspaces = new WorkspaceKeeper();
  for (let k = first >= 0 ? first : takeJob(next, jobs.length); k >= 0; k = takeJob(next, jobs.length)) {
    Atomics.store(current, 0, k);
    port.postMessage(await analyseJob(jobs[k], workspaces));
    Atomics.store(current, 0, -1);
  }
}

const started = workerDataFor<BatchWorkerData>(workerData, BATCH_WORKER_MARK);
if (parentPort && started) void work(parentPort, started);
