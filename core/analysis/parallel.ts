import { whenAborted, type AbortFlag } from '../abort';
import type { DetectionParams } from '../detect/params';
import type { Recording } from '../recording';
import { abortError, abortIfAsked, analyseRecording, AnalysisPlan, type AnalyseOptions } from './analyse';
import { channelsOf } from './channels';
import { Workspace } from '../detect/workspace';
import type { ChannelResult } from '../detect/result';
import { jobArrays, runChannelJob, type ChannelJob, type JobOutcome } from './jobs';
import { lanesWithin } from './working-memory';
import type { AnalysedChannel, Analysis } from './types';

/**
 * Runs channel jobs somewhere: a worker thread (Node), a Web Worker, or this thread. A lane may be given
 * its next job before the last is done and runs them in the order given. The job's arrays may be
 * transferred away; they come back with the outcome, the same samples, whether detection succeeded or
 * not. `run` rejects only when the lane itself failed (a thread that died).
 */
export interface ChannelLane {
  run(job: ChannelJob, params: DetectionParams, onProgress: (fraction: number) => void): Promise<LaneOutcome>;
  /** Asks the running and waiting jobs to stop at their next checkpoint; they then end with an AbortError. */
  abort(): void;
  /** Lets go of the working memory kept from job to job; called when an analysis ends. */
  release(): void;
}

export type LaneOutcome = { arrays: Float32Array[] } & (JobOutcome | { error: Error });

/**
 * A lane on the calling thread: `run` does the whole job before it returns. Give it its jobs after the
 * other lanes have theirs, or they wait for it. It watches `signal` itself, since a busy thread cannot
 * take a message, and keeps its working memory from job to job, whatever its size, until `release`.
 */
export function inThreadLane(signal?: AbortFlag): ChannelLane {
  let stopped = false;
  let ws: Workspace | null = null;
  return {
    run(job, params, onProgress) {
      stopped = false;
      const arrays = jobArrays(job);
      ws ??= new Workspace();
      try {
        const outcome = runChannelJob(job, params, (f) => {
          if (stopped || signal?.aborted) throw abortError();
          onProgress(f);
        }, ws);
        return Promise.resolve({ arrays, ...outcome });
      } catch (e) {
        return Promise.resolve({ arrays, error: e instanceof Error ? e : new Error(String(e)) });
      }
    },
    abort() {
      stopped = true;
    },
    release() {
      ws?.free();
      ws = null;
    },
  };
}

/**
 * Recording → Analysis with the channels spread over `lanes`, each phase's channels at once; the result
 * is the one `analyseRecording` gives, bit for bit, since each channel's detection is the same function
 * on the same samples and the pooling is done here in channel order. Each lane is handed its share of a
 * phase up front, largest channels first to the least loaded lane, so a lane on a busy thread never
 * waits for that thread to hand it the next job; lanes on this thread go last in `lanes`.
 */
export async function analyseInParallel(rec: Recording, opts: AnalyseOptions, lanes: readonly ChannelLane[]): Promise<Analysis> {
  if (lanes.length === 0) throw new Error('analyseInParallel needs at least one lane');
  // Channels sharing one buffer cannot each be transferred to a thread of their own.
  if (sharesBuffers(rec)) return analyseRecording(rec, opts);
  const plan = new AnalysisPlan(rec, opts);
  // Long channels on fewer lanes: each holds a channel's working memory while it runs.
  const used = lanes.slice(0, lanesWithin(lanes.length, Math.max(0, ...plan.weights.values())));
  const partial = new Map<string, number>();
  let done = 0;
  const report = (): void => {
    let f = done;
    for (const [id, p] of partial) f += p * plan.weights.get(id)!;
    opts.onProgress?.(f / plan.totalWeight);
  };
  abortIfAsked(opts);
  for (const kind of ['accel', 'emg'] as const) {
    const jobs: Array<{ c: AnalysedChannel; job: ChannelJob }> = [];
    for (const c of plan.phase(kind)) {
      const job = plan.job(c);
      if (job) jobs.push({ c, job });
      else done += plan.weights.get(c.id)!;
    }
    const results = new Map<string, ChannelResult>();
    let failure: unknown = null;
    const runOne = async (l: ChannelLane, { c, job }: { c: AnalysedChannel; job: ChannelJob }): Promise<void> => {
      try {
        const outcome = await l.run(job, plan.params, (f) => {
          partial.set(c.id, f);
          report();
        });
        restoreArrays(rec, c.id, job, outcome.arrays);
        if ('error' in outcome) {
          failure ??= outcome.error;
          plan.givenBack(job, outcome.arrays);
        } else {
          plan.keep(job, outcome);
          results.set(c.id, outcome.result);
        }
      } catch (e) {
        failure ??= e;
      }
      partial.delete(c.id);
      done += plan.weights.get(c.id)!;
      if (failure === null) report();
      else used.forEach((other) => other.abort());
    };
    const stopWatching = whenAborted(opts.signal, () => used.forEach((l) => l.abort()));
    try {
      const shares = shareOut(jobs, used.length, (j) => plan.weights.get(j.c.id)!);
      await Promise.all(shares.flatMap((share, k) => share.map((j) => runOne(used[k], j))));
    } finally {
      stopWatching();
      if (kind === 'emg') used.forEach((l) => l.release());
    }
    if (opts.signal?.aborted) failure ??= abortError();
    if (failure !== null) throw failure;
    // In file order, as the accelerometers' movement spans are pooled in that order.
    for (const c of plan.phase(kind)) {
      const r = results.get(c.id);
      if (r) plan.done(c, r);
    }
  }
  opts.onProgress?.(1);
  return plan.analysis();
}

/** Longest processing time first (Graham 1969): each item, largest first, to the least loaded of `n` shares. */
export function shareOut<T>(items: readonly T[], n: number, weight: (item: T) => number): T[][] {
  const shares: T[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  for (const item of [...items].sort((a, b) => weight(b) - weight(a))) {
    const k = load.indexOf(Math.min(...load));
    shares[k].push(item);
    load[k] += weight(item);
  }
  return shares;
}

/** A job's arrays sent away by transfer came back as new objects: the recording holds them again. */
function restoreArrays(rec: Recording, id: string, job: ChannelJob, arrays: Float32Array[]): void {
  const sent = jobArrays(job);
  const parts = channelsOf(rec, id);
  parts.forEach((ch, i) => {
    if (ch.data === sent[i] && arrays[i] !== sent[i]) ch.data = arrays[i];
  });
}

/** Whether two channels' samples lie in one buffer (they cannot then each be moved to a thread of their own). */
export function sharesBuffers(rec: Recording): boolean {
  const seen = new Set<ArrayBufferLike>();
  for (const ch of rec.channels) {
    if (!(ch.data.buffer instanceof ArrayBuffer)) continue;
    if (seen.has(ch.data.buffer)) return true;
    seen.add(ch.data.buffer);
  }
  return false;
}
