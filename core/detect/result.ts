import type { DetectedEvent } from '../analysis/types';

/** What detection found on one analysed channel, before it is summarised. */
export interface ChannelResult {
  events: DetectedEvent[];
  /** Signal present (not a gap), seconds. */
  analyzedS: number;
  restS: number;
  /** Time in gap, artifact or movement spans, seconds. */
  excludedS: number;
  noiseFloor: number;
  mainsHz: 50 | 60 | null;
  minDetectable?: number;
  notes: string[];
}

/** Called between stages: reports progress within the channel (0..1) and throws if cancelled. */
export type Checkpoint = (fraction: number) => void;
