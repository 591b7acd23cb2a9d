import { abortError } from '../../core/analysis/analyse';
import { jobArrays, withArrays, type ChannelJob } from '../../core/analysis/jobs';
import { outcomeOf, transferList } from '../../core/analysis/lane-messages';
import type { ChannelLane, LaneOutcome } from '../../core/analysis/parallel';
import type { DetectionParams } from '../../core/detect/params';
import type { Channel } from '../../core/recording';
import type { ChannelDrawer, DrawOutcome, WorkerReply, WorkerTask } from './draw-channel';

/** What a lane needs of a Web Worker (or of a MessagePort, in tests). */
export interface TaskPort {
  postMessage(message: WorkerTask, transfer: Transferable[]): void;
  onmessage: ((ev: MessageEvent<WorkerReply>) => void) | null;
}

interface Waiting {
  task: WorkerTask;
  /** The samples the task lends the worker: what Cancel hands back while it waits. */
  lent: Float32Array[];
  onProgress: (fraction: number) => void;
  answer: (reply: Exclude<WorkerReply, { type: 'progress' }>) => void;
  cancelled: () => void;
  reject: (e: Error) => void;
}

/**
 * A lane in a Web Worker of its own. It sends one task at a time and keeps the rest here, so that Cancel
 * can give back the waiting tasks' samples at once; the running task (which cannot see a message while it
 * works) finishes and brings its samples back with it. The worker is never terminated mid-task, so the
 * recording never loses the samples it lent and is never read again.
 */
export class PortLane implements ChannelLane, ChannelDrawer {
  private readonly waiting: Waiting[] = [];
  private running: Waiting | null = null;

  constructor(private readonly port: TaskPort) {
    port.onmessage = (ev) => this.onReply(ev.data);
  }

  run(job: ChannelJob, params: DetectionParams, onProgress: (fraction: number) => void): Promise<LaneOutcome> {
    const lent = jobArrays(job);
    return new Promise((resolve, reject) => {
      this.queue({
        task: { type: 'channel', job: withArrays(job, lent), params },
        lent,
        onProgress,
        answer: (r) => (r.type === 'drawn' ? reject(new Error('unexpected reply drawn')) : resolve(outcomeOf(r))),
        cancelled: () => resolve({ arrays: lent, error: abortError() }),
        reject,
      });
    });
  }

  /** The channel's drawn signal and pyramid, built in the worker, with its progress. */
  draw(channel: Channel, onProgress: (fraction: number) => void = () => undefined): Promise<DrawOutcome> {
    return new Promise((resolve, reject) => {
      this.queue({
        task: { type: 'draw', channel },
        lent: [channel.data],
        onProgress,
        answer: (r) => (r.type === 'drawn' ? resolve(r) : reject(new Error(`unexpected reply ${r.type}`))),
        cancelled: () => resolve({ samples: channel.data, cancelled: true }),
        reject,
      });
    });
  }

  abort(): void {
    for (const w of this.waiting.splice(0)) w.cancelled();
  }

  release(): void {
    this.port.postMessage({ type: 'release' }, []);
  }

  /** The worker died (it ran out of memory, say): the tasks cannot come back. */
  fail(e: Error): void {
    for (const w of [...(this.running ? [this.running] : []), ...this.waiting.splice(0)]) w.reject(e);
    this.running = null;
  }

  private queue(w: Waiting): void {
    this.waiting.push(w);
    this.next();
  }

  private next(): void {
    if (this.running || this.waiting.length === 0) return;
    const w = (this.running = this.waiting.shift()!);
    this.port.postMessage(w.task, transferList(w.lent));
  }

  private onReply(reply: WorkerReply): void {
    const w = this.running;
    if (!w) return;
    if (reply.type === 'progress') return w.onProgress(reply.done);
    this.running = null;
    w.answer(reply);
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
