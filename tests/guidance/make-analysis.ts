/** Hand-built analyses with known counts, for guidance and report tests (detection is tested elsewhere). */
import { summariseSites } from '../../core/analysis/site-summary';
import type { Analysis, AnalysedChannel, ChannelSummary, DetectedEvent } from '../../core/analysis/types';

export interface ChannelSpec {
  id: string;
  site: string | null;
  label?: string;
  kind?: 'emg' | 'accel';
  restS: number;
  twitches: number;
  /** Durations of sustained episodes, seconds. */
  sustained?: number[];
  sampleRateHz?: number;
  /** The channel's note when it cannot tell: then it has no rate. */
  cannotTell?: string;
}

/** Twitches spread evenly over the rest time; sustained episodes after them. */
export function makeAnalysis(specs: ChannelSpec[]): Analysis {
  const channels: AnalysedChannel[] = [];
  const summaries: ChannelSummary[] = [];
  const events: DetectedEvent[] = [];
  for (const s of specs) {
    const kind = s.kind ?? 'emg';
    channels.push({
      id: s.id,
      label: s.label ?? `${s.site ?? 'unplaced'} ${kind === 'emg' ? 'EMG' : 'acc'}`,
      kind,
      unit: kind === 'emg' ? 'uV' : 'g',
      sampleRateHz: s.sampleRateHz ?? (kind === 'emg' ? 2000 : 100),
      site: s.site,
      ...(kind === 'accel' ? { axes: ['x', 'y', 'z'] } : {}),
    });
    for (let i = 0; i < s.twitches; i++) {
      const t = ((i + 0.5) * s.restS) / s.twitches;
      events.push({ channel: s.id, type: 'twitch', startS: t - 0.005, endS: t + 0.005, peakS: t, amplitude: 80, snr: 12 });
    }
    let t = s.restS;
    const sustained = s.sustained ?? [];
    for (const d of sustained) {
      events.push({ channel: s.id, type: 'sustained', startS: t + 5, endS: t + 5 + d, peakS: t + 5 + d / 2, amplitude: 300, snr: 30, rms: 90, density: 14 });
      t += d + 10;
    }
    const sustainedS = sustained.reduce((a, b) => a + b, 0);
    summaries.push({
      channel: s.id,
      site: s.site,
      analyzedS: s.restS + sustainedS,
      restS: s.restS,
      twitchCount: s.twitches,
      ...(s.cannotTell ? { twitchesPerMinute: null, noRate: 'cannot-tell' as const } : { twitchesPerMinute: s.restS > 0 ? (s.twitches * 60) / s.restS : 0 }),
      sustainedCount: sustained.length,
      sustainedS,
      noiseFloor: kind === 'emg' ? 3.2 : 0.002,
      mainsHz: kind === 'emg' ? 50 : null,
      excludedS: 12,
      notes: s.cannotTell ? [s.cannotTell] : [],
    });
  }
  events.sort((a, b) => a.startS - b.startS);
  return { channels, events, summary: { channels: summaries, sites: summariseSites(summaries) }, parameters: { k: 5 } };
}
