import { detectAccel, type AccelResult } from '../detect/accel';
import { detectEmg } from '../detect/emg';
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
}

export function runChannelJob(job: ChannelJob, params: DetectionParams, checkpoint: Checkpoint, ws: Workspace): ChannelResult | AccelResult {
  if (job.kind === 'accel') {
    const { id, axes, fs, startS } = job;
    return detectAccel({ id, axes, fs, startS, ...(job.resolution ? { resolution: job.resolution } : {}) }, params.accel, checkpoint, ws);
  }
  const { id, data, fs, startS, unit } = job;
  const r = detectEmg(
    { id, data, fs, startS, unit, ...(job.range ? { range: job.range } : {}), movement: job.movement.filter((s) => s.end > s.start) },
    params.emg,
    checkpoint,
    ws,
  );
  if (job.movement.length > 0) r.notes.push('Time when the accelerometer showed movement is left out of the rest time.');
  return r;
}

/** The sample arrays a job reads, in a fixed order (what a thread must be given, and gives back). */
export function jobArrays(job: ChannelJob): Float32Array[] {
  return job.kind === 'accel' ? job.axes : [job.data];
}

/** The job reading `arrays` instead (the same samples, received in another thread). */
export function withArrays<J extends ChannelJob>(job: J, arrays: Float32Array[]): J {
  return job.kind === 'accel' ? { ...job, axes: arrays } : { ...job, data: arrays[0] };
}
