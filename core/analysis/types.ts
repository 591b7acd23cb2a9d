/**
 * The analysis of one recording: events and summaries. Serialised as `twitchscope.analysis/1`
 * (see `core/analysis/json.ts`); field names here are that schema's and must not be renamed.
 */

export type EventType = 'twitch' | 'sustained' | 'artifact' | 'movement';

export type ArtifactReason = 'clipping' | 'flat' | 'gap' | 'motion' | 'ecg' | 'noise';

export interface DetectedEvent {
  /** Id of an analysed channel: an EMG channel id or an accelerometer sensor id. */
  channel: string;
  type: EventType;
  /** Seconds from the recording's first sample. */
  startS: number;
  endS: number;
  peakS: number;
  /** Peak absolute amplitude of the conditioned signal, in the channel's unit (µV or g). */
  amplitude: number;
  /** Peak over the local noise floor (robust sigma). */
  snr: number;
  /** Twitch made of 2+ potentials within tens of ms (doublet = 2). */
  multiplet?: number;
  /** Sustained: RMS over the episode, in the channel's unit. */
  rms?: number;
  /** Sustained: mean density of spikes inside the episode, per second. */
  density?: number;
  /** Artifact: what it is. */
  reason?: ArtifactReason;
  /** Set by review in the app or by the sidecar: not produced by detection. */
  review?: 'confirmed' | 'rejected' | 'added';
}

export interface AnalysedChannel {
  /** EMG channel id, or accelerometer sensor id. */
  id: string;
  label: string;
  kind: 'emg' | 'accel';
  /** `uV` for EMG, `g` for accelerometers; `a.u.` for EMG devices without a volt calibration (Myo). */
  unit: string;
  sampleRateHz: number;
  site: string | null;
  /** For accelerometer sensors: the axes analysed together. */
  axes?: string[];
}

export interface ChannelSummary {
  channel: string;
  site: string | null;
  /** Seconds of signal analysed (channel duration less gaps). */
  analyzedS: number;
  /** Usable rest: analysed time not in sustained, artifact, movement or gap spans. */
  restS: number;
  twitchCount: number;
  twitchesPerMinute: number;
  sustainedCount: number;
  sustainedS: number;
  /** Robust noise floor (median of windowed sigma), in the channel's unit. */
  noiseFloor: number;
  /** Mains frequency found and removed (EMG), or null. */
  mainsHz: 50 | 60 | null;
  excludedS: number;
  /** Smallest transient the channel could have shown, in its unit (accelerometer), when computed. */
  minDetectable?: number;
  /** Plain statements about what this channel can and cannot show. */
  notes: string[];
}

export interface SiteSummary {
  site: string;
  twitchCount: number;
  twitchesPerMinute: number;
  restS: number;
  sustainedCount: number;
}

export interface Analysis {
  channels: AnalysedChannel[];
  events: DetectedEvent[];
  summary: { channels: ChannelSummary[]; sites: SiteSummary[] };
  /** The parameters used, with their values (`core/detect/params.ts`). */
  parameters: Record<string, unknown>;
}
