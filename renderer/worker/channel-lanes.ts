import { abortError } from '../../core/analysis/analyze';
import { jobArrays, withArrays, type ChannelJob } from '../../core/analysis/jobs';
import { outcomeOf, transferList, type ChannelReply, type ChannelTask } from '../../core/analysis/lane-messages';
import type { ChannelLane, LaneOutcome } from '../../core/analysis/parallel';
import type { DetectionParams } from '../../core/detect/params';

/** What a lane needs of a Web Worker (or of a MessagePort, in tests). */
export interface TaskPort {
  postMessage(message: ChannelTask, transfer: Transferable[]): void;
  onmessage: ((ev: MessageEvent<ChannelReply>) => void) | null;
}

interface Waiting {
  job: ChannelJob;
  params: DetectionParams;
  onProgress: (fraction: number) => void;
  resolve: (out: LaneOutcome) => void;
  reject: (e: Error) => void;
}

/**
 * A lane in a Web Worker of its own. It sends one job at a time and keeps the rest here, so that Cancel
 * can give back the waiting jobs' samples at once; the running job (which cannot see a message while it
 * works) finishes and brings its samples back with it. The worker is never terminated mid-job, so the
 * recording never loses the samples it lent and is never read again.
 */
export class PortLane implements ChannelLane {
  private readonly waiting: Waiting[] = [];
  private running: Waiting | null = null;

  constructor(private readonly port: TaskPort) {
    port.onmessage = (ev) => this.onReply(ev.data);
  }

  run(job: ChannelJob, params: DetectionParams, onProgress: (fraction: number) => void): Promise<LaneOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, params, onProgress, resolve, reject });
      this.next();
    });
  }

  abort(): void {
    for (const w of this.waiting.splice(0)) w.resolve({ arrays: jobArrays(w.job), error: abortError() });
  }

  release(): void {
    this.port.postMessage({ type: 'release' }, []);
  }

  /** The worker died (it ran out of memory, say): the jobs cannot come back. */
  fail(e: Error): void {
    for (const w of [...(this.running ? [this.running] : []), ...this.waiting.splice(0)]) w.reject(e);
    this.running = null;
  }

  private next(): void {
    if (this.running || this.waiting.length === 0) return;
    const w = (this.running = this.waiting.shift()!);
    const arrays = jobArrays(w.job);
    this.port.postMessage({ type: 'channel', job: withArrays(w.job, arrays), params: w.params }, transferList(arrays));
  }

  private onReply(reply: ChannelReply): void {
    const w = this.running;
    if (!w) return;
    if (reply.type === 'progress') return w.onProgress(reply.done);
    this.running = null;
    w.resolve(outcomeOf(reply));
    this.next();
  }
}

/**
 * One lane per core, each a Web Worker started on first use and kept for the next analysis; none where
 * this thread cannot start workers. Detection then runs beside this thread, which stays free to hear Cancel.
 */
export class WorkerLanes {
  private lanes: PortLane[] | null = null;

  constructor(private readonly start: () => TaskPort & { onerror: ((ev: ErrorEvent) => void) | null }, private readonly count: number) {}

  get(): PortLane[] {
    if (this.lanes) return this.lanes;
    this.lanes = Array.from({ length: this.count }, () => {
      const port = this.start();
      const lane = new PortLane(port);
      port.onerror = (ev) => {
        ev.preventDefault();
        // The next analysis starts new workers.
        this.lanes = null;
        lane.fail(new Error(ev.message || 'An analysis thread stopped unexpectedly.'));
      };
      return lane;
    });
    return this.lanes;
  }
}
