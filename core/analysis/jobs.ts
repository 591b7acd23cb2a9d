import { detectAccel, type AccelResult } from '../detect/accel';
import { conditionEmg, conditioningKey, thresholdEmg, type EmgConditioning } from '../detect/emg';
import type { DetectionParams } from '../detect/params';
import type { Checkpoint, ChannelResult } from '../detect/result';
import type { Span } from '../detect/spans';
import type { Workspace } from '../detect/workspace';

/**
 * One analysed channel's detection as a job that needs nothing else: its samples and settings, no
 * Recording, no other channel. Jobs of one phase run in any order, on any thread, with the same result.
 */
export type ChannelJob = AccelJob | EmgJob;

export interface AccelJob {
  kind: 'accel';
  id: string;
  axes: Float32Array[];
  fs: number;
  startS: number;
  resolution?: number;
}

export interface EmgJob {
  kind: 'emg';
  id: string;
  data: Float32Array;
  fs: number;
  startS: number;
  unit: string;
  range?: { min: number; max: number };
  /** Movement from the recording's accelerometers, in this channel's samples (empty spans included). */
  movement: Span[];
  /** The channel's conditioning kept from an earlier run: used when made with these parameters. */
  conditioning?: EmgConditioning;
  /** Hand the conditioning back with the result, for the caller to keep. */
  keep?: boolean;
}

/** A job's result, and the EMG channel's conditioning when the job asked to keep it. */
export interface JobOutcome {
  result: ChannelResult;
  conditioning?: EmgConditioning;
}

export function runChannelJob(job: ChannelJob, params: DetectionParams, checkpoint: Checkpoint, ws: Workspace): JobOutcome {
  if (job.kind === 'accel') {
    const { id, axes, fs, startS } = job;
    return { result: detectAccel({ id, axes, fs, startS, ...(job.resolution ? { resolution: job.resolution } : {}) }, params.accel, checkpoint, ws) };
  }
  const { id, data, fs, startS, unit } = job;
  const input = { id, data, fs, startS, unit, ...(job.range ? { range: job.range } : {}), movement: job.movement.filter((s) => s.end > s.start) };
  const kept = job.conditioning?.key === conditioningKey(params.emg, fs) ? job.conditioning : null;
  const c = kept ?? conditionEmg(input, params.emg, checkpoint, ws, job.keep === true);
  const result = 'events' in c ? c : thresholdEmg(input, c, params.emg, checkpoint, ws);
  if (job.movement.length > 0) result.notes.push('Time when the accelerometer showed movement is left out of the rest time.');
  return { result, ...(job.keep && !('events' in c) ? { conditioning: c } : {}) };
}

/**
 * The sample arrays a job reads, in a fixed order (what a thread must be given, and gives back): the
 * recording's, then a kept conditioned signal.
 */
export function jobArrays(job: ChannelJob): Float32Array[] {
  if (job.kind === 'accel') return job.axes;
  return job.conditioning ? [job.data, job.conditioning.conditioned.x] : [job.data];
}

/** The job reading `arrays` instead (the same samples, received in another thread). */
export function withArrays<J extends ChannelJob>(job: J, arrays: Float32Array[]): J {
  if (job.kind === 'accel') return { ...job, axes: arrays };
  const c = (job as EmgJob).conditioning;
  return { ...job, data: arrays[0], ...(c ? { conditioning: withSignal(c, arrays[1]) } : {}) };
}

/** The conditioning with its conditioned signal read from `x` (the same samples, moved between threads). */
export function withSignal(c: EmgConditioning, x: Float32Array): EmgConditioning {
  return { ...c, conditioned: { ...c.conditioned, x } };
}
