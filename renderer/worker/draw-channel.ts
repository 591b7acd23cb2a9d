import { answerChannelTask, transferList, type ChannelReply, type ChannelTask } from '../../core/analysis/lane-messages';
import type { ChannelLane } from '../../core/analysis/parallel';
import type { Channel } from '../../core/recording';
import { displaySignal } from '../../core/view/display-signal';
import { buildPyramid, type Pyramid } from '../../core/view/pyramid';

/** A channel's drawn signal (conditioned as the detector does) and its pyramid, with the samples it was built from. */
export interface DrawnChannel {
  samples: Float32Array;
  pyramid: Pyramid;
  description: string | null;
}

/** A drawn channel, or the samples back unused when Cancel came first. */
export type DrawOutcome = DrawnChannel | { samples: Float32Array; cancelled: true };

/** Draws channels elsewhere (a channel worker), lending their samples; `abort` hands back those not begun. */
export interface ChannelDrawer {
  draw(channel: Channel, onProgress?: (fraction: number) => void): Promise<DrawOutcome>;
  abort(): void;
}

/** What a channel worker is asked: detection jobs, or a channel's drawn signal. */
export type WorkerTask = ChannelTask | { type: 'draw'; channel: Channel };
export type WorkerReply = ChannelReply | ({ type: 'drawn' } & DrawnChannel);

/** The drawn signal and its pyramid; `onProgress` hears how far the filtering (most of the work) has come. */
export function drawChannel(ch: Channel, onProgress?: (fraction: number) => void): DrawnChannel {
  const shown = displaySignal(ch, onProgress && ((f) => onProgress(FILTER_SHARE * f)));
  return { samples: ch.data, pyramid: buildPyramid(shown.data, ch.sampleRateHz, ch.startS), description: shown.description };
}

/** The drawn signal's share of drawing a channel, as progress: its pyramid is the rest. */
const FILTER_SHARE = 0.9;

/** The channel worker's side: a task on `lane` (detection) or drawn here, with the replies sent by `reply`. */
export async function answerWorkerTask(lane: ChannelLane, task: WorkerTask, reply: (r: WorkerReply, transfer: ArrayBuffer[]) => void): Promise<void> {
  if (task.type !== 'draw') return answerChannelTask(lane, task, reply);
  const drawn = drawChannel(task.channel, (done) => reply({ type: 'progress', done }, []));
  const levels = drawn.pyramid.levels.flatMap((l) => [l.min, l.max]);
  // The drawn signal may be the samples themselves (an accelerometer's): sent once, the same array on arrival.
  reply({ type: 'drawn', ...drawn }, transferList([drawn.samples, drawn.pyramid.data, ...levels]));
}
