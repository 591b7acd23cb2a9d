/// <reference lib="webworker" />
import { answerChannelTask, type ChannelTask } from '../../core/analysis/lane-messages';
import { inThreadLane } from '../../core/analysis/parallel';

/** A channel worker: runs the analysis worker's channel jobs (one core's share), one after another. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const lane = inThreadLane();
scope.onmessage = (ev: MessageEvent<ChannelTask>) => {
  void answerChannelTask(lane, ev.data, (r, transfer) => scope.postMessage(r, transfer));
};
