/**
 * A worker thread for one recording (see `RecordingThreads`): it reads byte ranges of the file and runs
 * channels' detection, in the order asked. Samples travel by transfer or shared memory, never copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AbortFlag } from '../core/abort';
import { answerChannelTask, transferList, type ChannelReply, type ChannelTask } from '../core/analysis/lane-messages';
import { inThreadLane } from '../core/analysis/parallel';
import { scanRange, type RangeScan, type RangeTask } from '../core/import/ranges';
import { collectGarbage } from './collect-garbage';
import { fileSource } from './node-source';
import { workerDataFor, type CliWorkerData } from './worker-thread';

export const RECORDING_WORKER_MARK = 'twitchscope-recording-worker';

export interface RecordingWorkerData extends CliWorkerData {
  /** Set to 1 by the main thread to stop the running and waiting tasks at their next checkpoint. */
  abort: Int32Array;
}

/** Channels' detection (`release` when the recording's analysis is over), or a range of the file. */
export type TaskBody = ChannelTask | { type: 'range'; file: string; task: RangeTask };

export type WorkerTask = { id: number } & TaskBody;

export type WorkerReply = { id: number } & (ChannelReply | { type: 'range'; scan: RangeScan });

/** Reads one range of a file with a source of its own. */
export async function scanFileRange(file: string, task: RangeTask, onBytes: (bytes: number) => void, signal: AbortFlag): Promise<RangeScan> {
  const source = await fileSource(file);
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
  // Tasks run one after another, in the order they came: a range is read while the next waits.
  let queue = Promise.resolve();
  port.on('message', (t: WorkerTask) => {
    queue = queue.then(async () => {
      if (t.type !== 'range') return answerChannelTask(lane, t, (r, transfer) => reply({ ...r, id: t.id }, transfer));
      try {
        const scan = await scanFileRange(t.file, t.task, (done) => reply({ id: t.id, type: 'progress', done }), signal);
        reply({ id: t.id, type: 'range', scan }, transferList([...scan.signals, ...scan.times]));
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        reply({ id: t.id, type: 'failed', arrays: [], name: err.name, message: err.message });
      }
    });
    // The task held the file's shared columns: with the task done, this thread lets go of them at once (it
    // allocates too little for V8 to collect soon), before the channels' detection takes its memory.
    if (t.type === 'range') queue = queue.then(collectGarbage);
  });
}

const started = workerDataFor<RecordingWorkerData>(workerData, RECORDING_WORKER_MARK);
if (parentPort && started) serve(parentPort, started);
