/** A hand-built overnight analysis with known twitches in each hour, for the hourly views and the report. */
import { HOUR_S } from '../../core/analysis/hourly-rest';
import { summariseSites } from '../../core/analysis/site-summary';
import type { Analysis, AnalysedChannel, ChannelSummary, DetectedEvent } from '../../core/analysis/types';

/** Twitches in each hour (spread evenly over its rest); one sustained span; channels recorded side by side. */
export function nightAnalysis(opts: { hoursS: number; perHour: number[]; sustained?: [number, number]; channels?: string[]; kind?: 'emg' | 'accel' }): Analysis {
  const ids = opts.channels ?? ['emg1'];
  const kind = opts.kind ?? 'emg';
  const [sFrom, sTo] = opts.sustained ?? [0, 0];
  const channels: AnalysedChannel[] = [];
  const summaries: ChannelSummary[] = [];
  const events: DetectedEvent[] = [];
  for (const id of ids) {
    channels.push({ id, label: id, kind, unit: kind === 'emg' ? 'uV' : 'g', sampleRateHz: 1000, site: 'left calf' });
    opts.perHour.forEach((n, h) => {
      const from = h * HOUR_S;
      const to = Math.min(opts.hoursS, from + HOUR_S);
      // Twitches only outside the sustained span: in the hour's rest.
      const restFrom = sTo > from && sFrom < to ? (sFrom > from ? from : sTo) : from;
      const restTo = sTo > from && sFrom < to && sFrom > from ? sFrom : to;
      for (let i = 0; i < n; i++) {
        const t = restFrom + ((i + 0.5) * (restTo - restFrom)) / n;
        events.push({ channel: id, type: 'twitch', startS: t - 0.005, endS: t + 0.005, peakS: t, amplitude: 80, snr: 12 });
      }
    });
    if (sTo > sFrom) events.push({ channel: id, type: 'sustained', startS: sFrom, endS: sTo, peakS: (sFrom + sTo) / 2, amplitude: 300, snr: 30 });
    const twitchCount = opts.perHour.reduce((a, b) => a + b, 0);
    const restS = opts.hoursS - (sTo - sFrom);
    summaries.push({
      channel: id,
      site: 'left calf',
      analyzedS: opts.hoursS,
      restS,
      twitchCount,
      twitchesPerMinute: (twitchCount * 60) / restS,
      sustainedCount: sTo > sFrom ? 1 : 0,
      sustainedS: sTo - sFrom,
      noiseFloor: 3,
      mainsHz: 50,
      excludedS: 0,
      notes: [],
    });
  }
  events.sort((a, b) => a.startS - b.startS);
  return { channels, events, summary: { channels: summaries, sites: summariseSites(summaries) }, parameters: {} };
}
