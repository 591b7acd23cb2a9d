/**
 * The analysis of one recording: events and summaries. Serialised as `twitchscope.analysis/1`
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
