/// <reference lib="webworker" />
import { inThreadLane } from '../../core/analysis/parallel';
import { answerWorkerTask, type WorkerTask } from './draw-channel';

/** A channel worker: runs the analysis worker's channel jobs (one core's share), one after another. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const lane = inThreadLane();
scope.onmessage = (ev: MessageEvent<WorkerTask>) => {
  void answerWorkerTask(lane, ev.data, (r, transfer) => scope.postMessage(r, transfer));
};
