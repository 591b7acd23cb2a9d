import type { Recording } from '../recording';
import type { Analysis } from './types';
import { analysedChannels, gapSeconds } from './channels';
import { summariseSites } from './site-summary';

export interface AnalyzeOptions {
  /** Site per analysed channel id (EMG channel id or accelerometer sensor id); missing = from the label. */
  sites?: Record<string, string | null>;
  /** Detection parameters to override (see `core/detect/params.ts`). */
  params?: Record<string, unknown>;
  /** Fraction done, 0..1. */
  onProgress?: (fraction: number) => void;
  signal?: { readonly aborted: boolean };
}

/**
 * Recording → Analysis. Until detection lands this fills channels and time fields only;
 * events stay empty.
 */
export function analyzeRecording(rec: Recording, opts: AnalyzeOptions = {}): Analysis {
  const channels = analysedChannels(rec, opts.sites ?? {});
  const summaries = channels.map((c) => {
    const durationS = channelDurationS(rec, c.id);
    const analyzedS = durationS - gapSeconds(rec, c.id);
    return {
      channel: c.id,
      site: c.site,
      analyzedS,
      restS: analyzedS,
      twitchCount: 0,
      twitchesPerMinute: 0,
      sustainedCount: 0,
      sustainedS: 0,
      noiseFloor: 0,
      mainsHz: null,
      excludedS: durationS - analyzedS,
      notes: [],
    };
  });
  opts.onProgress?.(1);
  return { channels, events: [], summary: { channels: summaries, sites: summariseSites(summaries) }, parameters: {} };
}

function channelDurationS(rec: Recording, id: string): number {
  const ch = rec.channels.find((c) => c.id === id) ?? rec.channels.find((c) => c.sensor === id);
  return ch ? ch.data.length / ch.sampleRateHz : 0;
}
