import type { DetectedEvent } from './events';

/** What detection found on one analysed channel, before it is summarised. */
export interface ChannelResult {
  events: DetectedEvent[];
  /** Signal present (not a gap), seconds. */
  analysedS: number;
  restS: number;
  /** Time in gap, artifact or movement spans, seconds. */
  excludedS: number;
  noiseFloor: number;
  mainsHz: 50 | 60 | null;
  /** Smallest twitch the channel could have shown (peak of the conditioned signal, in its unit); none smaller is counted. */
  minDetectable?: number;
  /** Why this channel cannot tell whether twitches happened (too noisy, hum left over): then no rate is given. */
  cannotTell?: string;
  notes: string[];
}

/** A channel nothing could be measured on: all of it excluded, with the reason as its note. */
export function notAnalysed(durationS: number, note: string): ChannelResult {
  return { events: [], analysedS: 0, restS: 0, excludedS: durationS, noiseFloor: 0, mainsHz: null, notes: [note] };
}

/** Called between stages: reports progress within the channel (0..1) and throws if cancelled. */
export type Checkpoint = (fraction: number) => void;
