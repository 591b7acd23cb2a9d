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
import { workerDataFor } from './worker-thread';

export interface BatchJob {
  index: number;
  file: string;
  read: ReadOptions;
  /** Sites by channel id; applied to the channels a file has, ignored for the others. */
  sites: Record<string, string>;
  sensitivity?: number;
  version: string;
}

export type JobResult =
  | { index: number; ok: true; doc: AnalysisJson; fingerprint: string; sizeBytes: number; threadId: number }
  | { index: number; ok: false; message: string; threadId: number };

export async function analyseJob(job: BatchJob, workspaces?: WorkspaceKeeper): Promise<JobResult> {
  try {
    const rec = await readRecording(job.file, job.read, false);
    const known = new Set([...rec.channels.map((c) => c.id), ...rec.sensors.map((s) => s.id)]);
    const sites = Object.fromEntries(Object.entries({ ...templateSites(rec.layout, job.read.templates), ...job.sites }).filter(([id]) => known.has(id)));
    const workspace = workspaces?.take();
    const analysis = analyseRecording(rec, { sites, ...(job.sensitivity !== undefined ? { params: { sensitivity: job.sensitivity } } : {}), ...(workspace ? { workspace } : {}) });
    if (workspace) workspaces?.keep(workspace);
    return { index: job.index, ok: true, doc: toAnalysisJson(rec, analysis, job.version), fingerprint: rec.fingerprint, sizeBytes: rec.sizeBytes, threadId };
  } catch (e) {
    const message = e instanceof ImportError ? e.message : `${path.basename(job.file)}: could not be analysed (${(e as Error)?.message ?? String(e)})`;
    return { index: job.index, ok: false, message, threadId };
  }
}

/** Marks the threads `runBatch` starts, so importing this module in any other thread (a test runner's) listens to nothing. */
export const BATCH_WORKER_MARK = 'twitchscope-batch-worker';

if (parentPort && workerDataFor(workerData, BATCH_WORKER_MARK)) {
  const port = parentPort;
  const workspaces = new WorkspaceKeeper();
  port.on('message', (job: BatchJob) => {
    void analyseJob(job, workspaces).then((r) => port.postMessage(r));
  });
}
