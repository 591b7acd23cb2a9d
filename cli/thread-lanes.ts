import { stat } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { analyseRecording, type AnalyseOptions } from '../core/analysis/analyse';
import { jobArrays, withArrays, type ChannelJob } from '../core/analysis/jobs';
import { analyseInParallel, inThreadLane, type ChannelLane, type LaneOutcome } from '../core/analysis/parallel';
import type { Analysis } from '../core/analysis/types';
import type { DetectionParams } from '../core/detect/params';
import { ImportCancelled } from '../core/import/errors';
import type { RangeLane, RangeScan, RangeTask } from '../core/import/ranges';
import type { Recording } from '../core/recording';
import { outcomeOf, transferList } from '../core/analysis/lane-messages';
import { RECORDING_WORKER_MARK, scanFileRange, type RecordingWorkerData, type TaskBody, type WorkerReply, type WorkerTask } from './recording-worker';
import { startCliWorker } from './worker-thread';
import { collectGarbage } from './collect-garbage';
import { threadCount } from './thread-count';

type Done = Exclude<WorkerReply, { type: 'progress' }>;

/**
 * The young generation of a recording's worker thread. Its work lives in typed arrays; left to grow to
 * V8's default (16 MB semi-spaces), the heap of objects that die young took 6-7 MB more at the analysis's
 * peak on the 30-minute bench file, for no measurable time saved.
 */
const YOUNG_GENERATION_MB = 3;

/** One worker thread, taking tasks in order: channels' detection and ranges of the file. */
class ThreadLane implements ChannelLane {
  private readonly abortFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (m: Done) => void; reject: (e: Error) => void; progress: (done: number) => void }>();
  private nextId = 1;

  constructor() {
    this.worker = startCliWorker('recording-worker', { mark: RECORDING_WORKER_MARK, abort: this.abortFlag } satisfies RecordingWorkerData, { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB });
    this.worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.progress(m.done);
      this.pending.delete(m.id);
      p.resolve(m);
    });
    this.worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  run(job: ChannelJob, params: DetectionParams, onProgress: (fraction: number) => void): Promise<LaneOutcome> {
    const arrays = jobArrays(job);
    return this.send({ type: 'channel', job: withArrays(job, arrays), params }, transferList(arrays), onProgress).then((m) => {
      if (m.type === 'range') throw new Error(`unexpected reply ${m.type}`);
      return outcomeOf(m);
    });
  }

  scan(file: string, task: RangeTask, onBytes: (bytes: number) => void): Promise<RangeScan> {
    return this.send({ type: 'range', file, task }, [], onBytes).then((m) => {
      if (m.type === 'range') return m.scan;
      if (m.type === 'failed') throw m.name === 'ImportCancelled' ? new ImportCancelled() : Object.assign(new Error(m.message), { name: m.name });
      throw new Error(`unexpected reply ${m.type}`);
    });
  }

  abort(): void {
    Atomics.store(this.abortFlag, 0, 1);
  }

  release(): void {
    this.worker.postMessage({ id: 0, type: 'release' } satisfies WorkerTask);
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private send(task: TaskBody, transfer: ArrayBuffer[], progress: (f: number) => void): Promise<Done> {
    // A fresh piece of work (nothing queued): an earlier Cancel no longer applies.
    if (this.pending.size === 0) Atomics.store(this.abortFlag, 0, 0);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      this.worker.postMessage({ ...task, id } satisfies WorkerTask, transfer);
    });
  }
}

/**
 * One recording's threads: a worker thread per core but one, and this thread, which reads a range of
 * the file and analyses its share of the channels too (last, so the workers never wait for it). The
 * workers are started before the file is opened, so they load while its head is read.
 */
export class RecordingThreads {
  private readonly workers: ThreadLane[];
  private readonly here = inThreadLane();

  constructor(count: number) {
    this.workers = Array.from({ length: Math.max(1, count - 1) }, () => new ThreadLane());
  }

  get lanes(): ChannelLane[] {
    return [...this.workers, this.here];
  }

  /** The threads as lanes reading ranges of `file`. */
  rangeLanes(file: string): RangeLane[] {
    let stopped = false;
    const signal = {
      get aborted() {
        return stopped;
      },
    };
    return [
      ...this.workers.map((l) => ({ scan: (task: RangeTask, onBytes: (b: number) => void) => l.scan(file, task, onBytes), abort: () => l.abort() })),
      { scan: (task, onBytes) => scanFileRange(file, task, onBytes, signal), abort: () => (stopped = true) },
    ];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Below this size a file is read and analysed on the main thread: it takes well under a second there,
 * less than starting and warming up threads would cost.
 */
const THREADS_FROM_BYTES = 8e6;

/** Threads for one recording file when it is large enough and more than one thread is allowed; else null. */
export async function threadsFor(file: string): Promise<RecordingThreads | null> {
  const count = threadCount();
  if (count < 2) return null;
  const size = await stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0);
  return size >= THREADS_FROM_BYTES ? new RecordingThreads(count) : null;
}

/**
 * The analysis on the threads when there are any, else on this one: the same result either way. Before
 * it starts, the import's leftovers are collected (the time columns, as much again as a third of the
 * samples): on its own, V8 would keep them until this thread next ran short of memory, all through the
 * analysis.
 */
export function analyse(rec: Recording, opts: AnalyseOptions, threads: RecordingThreads | null): Promise<Analysis> {
  collectGarbage();
  if (!threads) return Promise.resolve().then(() => analyseRecording(rec, opts));
  return analyseInParallel(rec, opts, threads.lanes);
}
