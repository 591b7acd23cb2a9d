import type { DetectionParams } from '../detect/params';
import type { ChannelJob, JobOutcome } from './jobs';
import type { ChannelLane, LaneOutcome } from './parallel';

/**
 * The messages of a lane whose jobs run in another thread (a Node worker thread or a Web Worker): the
 * job's arrays go there by transfer and come back with the reply, so the samples are never copied.
 */
export type ChannelTask = { type: 'channel'; job: ChannelJob; params: DetectionParams } | { type: 'release' };

export type ChannelReply =
  /** A channel's fraction done (or, for the command line's file ranges, the bytes read). */
  | { type: 'progress'; done: number }
  | ({ type: 'channel'; arrays: Float32Array[] } & JobOutcome)
  | { type: 'failed'; arrays: Float32Array[]; name: string; message: string };

/** The buffers to move rather than copy: each once, and none that is shared already. */
export function transferList(arrays: ReadonlyArray<Float32Array | Float64Array | null>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}

/** The thread's side: runs a task on `lane` (a lane of that thread) and sends the replies. */
export async function answerChannelTask(lane: ChannelLane, task: ChannelTask, reply: (r: ChannelReply, transfer: ArrayBuffer[]) => void): Promise<void> {
  if (task.type === 'release') return lane.release();
  const out = await lane.run(task.job, task.params, (done) => reply({ type: 'progress', done }, []));
  // A conditioning handed back to keep goes home by transfer too (its signal is as long as the channel).
  const moved = 'conditioning' in out && out.conditioning ? [...out.arrays, out.conditioning.conditioned.x] : out.arrays;
  reply(failedOrDone(out), transferList(moved));
}

/** A lane's outcome as the reply that carries it. */
function failedOrDone(out: LaneOutcome): ChannelReply {
  if ('error' in out) return { type: 'failed', arrays: out.arrays, name: out.error.name, message: out.error.message };
  return { type: 'channel', arrays: out.arrays, result: out.result, ...(out.conditioning ? { conditioning: out.conditioning } : {}) };
}

/** The asking side: the reply to a channel task as the lane's outcome. */
export function outcomeOf(reply: Exclude<ChannelReply, { type: 'progress' }>): LaneOutcome {
  if (reply.type === 'channel') return { arrays: reply.arrays, result: reply.result, ...(reply.conditioning ? { conditioning: reply.conditioning } : {}) };
  return { arrays: reply.arrays, error: Object.assign(new Error(reply.message), { name: reply.name }) };
}
