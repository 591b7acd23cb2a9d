/**
 * A worker thread for one recording (see `RecordingThreads`): it reads byte ranges of the file and runs
 * channels' detection, in the order asked. Samples travel by transfer or shared memory, never copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AbortFlag } from '../core/abort';
import { inThreadLane } from '../core/analysis/parallel';
import type { ChannelJob } from '../core/analysis/jobs';
import type { DetectionParams } from '../core/detect/params';
import type { ChannelResult } from '../core/detect/result';
import { scanRange, type RangeScan, type RangeTask } from '../core/import/ranges';
import { fileSource } from './node-source';
import { workerDataFor, type CliWorkerData } from './worker-thread';

export const RECORDING_WORKER_MARK = 'twitchscope-recording-worker';

export interface RecordingWorkerData extends CliWorkerData {
  /** Set to 1 by the main thread to stop the running and waiting tasks at their next checkpoint. */
  abort: Int32Array;
}

export type TaskBody =
  | { type: 'channel'; job: ChannelJob; params: DetectionParams }
  | { type: 'range'; file: string; task: RangeTask }
  /** The recording's analysis is over: let go of the working memory kept between its channels. */
  | { type: 'release' };

export type WorkerTask = { id: number } & TaskBody;

export type WorkerReply = { id: number } & (
  /** A channel's fraction done, or a range's bytes read. */
  | { type: 'progress'; done: number }
  | { type: 'channel'; arrays: Float32Array[]; result: ChannelResult }
  | { type: 'range'; scan: RangeScan }
  | { type: 'failed'; arrays: Float32Array[]; name: string; message: string }
);

/** The buffers to move rather than copy: each once, and none that is shared already. */
export function transferList(arrays: ReadonlyArray<Float32Array | Float64Array | null>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}

/** Reads one range of a file with a source of its own, which reuses one buffer for every chunk. */
export async function scanFileRange(file: string, task: RangeTask, onBytes: (bytes: number) => void, signal: AbortFlag): Promise<RangeScan> {
  const source = await fileSource(file, true);
  try {
    return await scanRange(source, task, onBytes, signal);
  } finally {
    await source.close();
  }
}

function serve(port: NonNullable<typeof parentPort>, { abort }: RecordingWorkerData): void {
  const signal = {
    get aborted() {
      return Atomics.load(abort, 0) !== 0;
    },
  };
  const lane = inThreadLane(signal);
  const reply = (r: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(r, transfer);
  const failed = (id: number, e: unknown, arrays: Float32Array[]): void => {
    const err = e instanceof Error ? e : new Error(String(e));
    reply({ id, type: 'failed', arrays, name: err.name, message: err.message }, transferList(arrays));
  };
  // Tasks run one after another, in the order they came: a range is read while the next waits.
  let queue = Promise.resolve();
  port.on('message', (t: WorkerTask) => {
    const progress = (done: number): void => reply({ id: t.id, type: 'progress', done });
    queue = queue.then(async () => {
      if (t.type === 'release') {
        lane.release();
      } else if (t.type === 'channel') {
        const out = await lane.run(t.job, t.params, progress);
        if ('error' in out) failed(t.id, out.error, out.arrays);
        else reply({ id: t.id, type: 'channel', arrays: out.arrays, result: out.result }, transferList(out.arrays));
      } else {
        try {
          const scan = await scanFileRange(t.file, t.task, progress, signal);
          reply({ id: t.id, type: 'range', scan }, transferList([...scan.signals, ...scan.times]));
        } catch (e) {
          failed(t.id, e, []);
        }
      }
    });
  });
}

const started = workerDataFor<RecordingWorkerData>(workerData, RECORDING_WORKER_MARK);
if (parentPort && started) serve(parentPort, started);
