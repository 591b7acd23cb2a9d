/**
 * What detection reports: one event per twitch, span of activity, artifact or movement. Serialised in the
 * `twitchscope.analysis` document (see `core/analysis/json.ts`); field names are that schema's and must not
 * be renamed. `core/analysis/types.ts` re-exports these for the layers above.
 */

/**
 * `twitch`: a brief, isolated potential (or brief movement at rest on an accelerometer).
 * `sustained`: dense activity for seconds with no sign of voluntary firing: cramp-like.
 * `activity`: a muscle in use: voluntary firing or tremor (see `ActivityPattern`); never rest, never twitches.
 * `artifact` and `movement`: time that cannot show twitches.
 */
export type EventType = 'twitch' | 'sustained' | 'activity' | 'artifact' | 'movement';

export type ArtifactReason = 'clipping' | 'flat' | 'gap' | 'motion' | 'ecg' | 'noise';

/**
 * How an `activity` span looks, as a clinician would name it: `tonic`, one or a few motor units firing
 * regularly (a light voluntary contraction); `tremor`, rhythmic bursts at about 3-12 Hz; `contraction`, many
 * units firing together with the regular discharge of voluntary use.
 */
export type ActivityPattern = 'tonic' | 'tremor' | 'contraction';

export const ACTIVITY_PATTERNS: readonly ActivityPattern[] = ['tonic', 'tremor', 'contraction'];

export interface DetectedEvent {
  /** Id of an analysed channel: an EMG channel id or an accelerometer sensor id. */
  channel: string;
  type: EventType;
  /** Seconds from the recording's first sample. */
  startS: number;
  endS: number;
  peakS: number;
  /**
   * Peak absolute amplitude of the conditioned (band-passed) signal, in the channel's unit (µV or g). For an
   * accelerometer twitch, the movement's own peak: the band's peak over what the band and the sampling leave
   * of a reference twitch.
   */
  amplitude: number;
  /** Peak over the local noise floor (robust sigma). */
  snr: number;
  /** Twitch made of 2+ potentials within tens of ms (doublet = 2). */
  multiplet?: number;
  /** Sustained and activity: RMS over the span, in the channel's unit. */
  rms?: number;
  /** Sustained and activity: mean density of spikes inside the span, per second. */
  density?: number;
  /** Activity: how it looks. */
  pattern?: ActivityPattern;
  /** Activity: the rhythm found (firing rate of the regular units, or the tremor frequency), Hz. */
  rhythmHz?: number;
  /** Artifact: what it is. */
  reason?: ArtifactReason;
  /** Set by review in the app or by the sidecar: not produced by detection. */
  review?: 'confirmed' | 'rejected' | 'added';
}
