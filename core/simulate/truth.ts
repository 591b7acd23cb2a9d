import type { ArtifactReason, EventType } from '../analysis/types';

/** One simulated event with its known position: what a perfect detector would report. */
export interface TruthEvent {
  /** Channel id in the simulated Recording (EMG channel id or accelerometer sensor id). */
  channel: string;
  type: EventType;
  startS: number;
  endS: number;
  peakS: number;
  /** Peak amplitude as generated, in µV (EMG) or g (accelerometer). */
  amplitude: number;
  /** Amplitude over the simulated noise σ (white noise for EMG, per-axis noise for accelerometers). */
  snr: number;
  multiplet?: number;
  reason?: ArtifactReason | 'walking' | 'posture';
}

export interface TruthChannel {
  id: string;
  label: string;
  kind: 'emg' | 'accel';
  sampleRateHz: number;
  /** Simulated noise σ in the channel's unit. */
  noise: number;
}

export interface Truth {
  schema: 'twitchscope.truth/1';
  seed: number;
  description: string;
  durationS: number;
  channels: TruthChannel[];
  events: TruthEvent[];
}
