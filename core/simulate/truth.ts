import type { ArtifactReason, DetectedEvent } from '../detect/events';

/**
 * One simulated event with its known position: what a perfect detector would report, in the detector's own
 * fields. `amplitude` is as generated (µV or g) and `snr` is over the simulated noise σ.
 */
export interface TruthEvent extends Pick<DetectedEvent, 'channel' | 'type' | 'startS' | 'endS' | 'peakS' | 'amplitude' | 'snr' | 'multiplet' | 'pattern' | 'rhythmHz'> {
  reason?: ArtifactReason | 'walking' | 'posture' | 'knock' | 'fidget';
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
