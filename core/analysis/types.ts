/**
 * The analysis of one recording: events and summaries. Serialised as `twitchscope.analysis/2`
 * (see `core/analysis/json.ts`); field names here are that schema's and must not be renamed.
 */

import type { DetectedEvent } from '../detect/events';

export type { ActivityPattern, ArtifactReason, DetectedEvent, EventType } from '../detect/events';
export { ACTIVITY_PATTERNS } from '../detect/events';

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

/**
 * Why a channel or site has no twitch rate: `no-rest`, too little rest to count in (a muscle active
 * throughout, or a short recording); `cannot-tell`, the channel could not have shown typical twitches
 * (noise above their size, or mains hum left over).
 */
export type NoRate = 'no-rest' | 'cannot-tell';

export interface ChannelSummary {
  channel: string;
  site: string | null;
  /**
   * Seconds of signal analysed (channel duration less gaps). Spelt as the analysis JSON (format 2) writes it;
   * it becomes `analysedS` with the next format version (issue 19), so saved files keep reading.
   */
  analyzedS: number;
  /** Usable rest: analysed time not in sustained, artifact, movement or gap spans. */
  restS: number;
  twitchCount: number;
  /** Twitches per minute of rest, or null when there is no rate to give (see `noRate`). */
  twitchesPerMinute: number | null;
  /** Why `twitchesPerMinute` is null. */
  noRate?: NoRate;
  sustainedCount: number;
  sustainedS: number;
  /** Seconds in activity spans (voluntary activity or tremor). */
  activityS?: number;
  /** Robust noise floor (median of windowed sigma), in the channel's unit. */
  noiseFloor: number;
  /** Mains frequency found and removed (EMG), or null. */
  mainsHz: 50 | 60 | null;
  excludedS: number;
  /**
   * Smallest twitch the channel could have shown, on the scale of its twitches' `amplitude`: for EMG the peak
   * of the conditioned signal (µV) a twitch must reach where the channel is quietest, for an accelerometer the
   * peak of a reference twitch movement (g). No counted twitch is smaller.
   */
  minDetectable?: number;
  /** Plain statements about what this channel can and cannot show. */
  notes: string[];
}

export interface SiteSummary {
  site: string;
  /** Twitches and rest of the site's channels that can tell (channels that cannot are left out). */
  twitchCount: number;
  twitchesPerMinute: number | null;
  noRate?: NoRate;
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
