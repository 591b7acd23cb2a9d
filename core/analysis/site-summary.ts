import { SUMMARY_DEFAULTS } from '../detect/params';
import type { ChannelSummary, NoRate, SiteSummary } from './types';

/** The least rest for a rate, as the analysis recorded it in its parameters (older analyses: the default). */
export function minRateRestOf(parameters: Record<string, unknown>): number {
  const summary = parameters.summary as Record<string, unknown> | undefined;
  const v = summary?.minRateRestS;
  return typeof v === 'number' && Number.isFinite(v) ? v : SUMMARY_DEFAULTS.minRateRestS.value;
}

/**
 * Pools channel summaries by site: counts and rest time add over the channels that can tell, and the rate
 * is recomputed from the sums. A site whose channels all cannot tell has no rate, nor one with less than
 * `minRestS` of rest.
 */
export function summariseSites(channels: readonly ChannelSummary[], minRestS: number = SUMMARY_DEFAULTS.minRateRestS.value): SiteSummary[] {
  const bySite = new Map<string, { s: SiteSummary; telling: number }>();
  for (const c of channels) {
    if (c.site === null) continue;
    const entry = bySite.get(c.site) ?? { s: { site: c.site, twitchCount: 0, twitchesPerMinute: null, restS: 0, sustainedCount: 0 }, telling: 0 };
    entry.s.sustainedCount += c.sustainedCount;
    if (c.noRate !== 'cannot-tell') {
      entry.telling++;
      entry.s.twitchCount += c.twitchCount;
      entry.s.restS += c.restS;
    }
    bySite.set(c.site, entry);
  }
  return [...bySite.values()].map(({ s, telling }) => {
    const noRate: NoRate | null = telling === 0 ? 'cannot-tell' : s.restS < minRestS ? 'no-rest' : null;
    return noRate ? { ...s, twitchesPerMinute: null, noRate } : { ...s, twitchesPerMinute: ratePerMinute(s.twitchCount, s.restS) };
  });
}

export function ratePerMinute(count: number, restS: number): number {
  return restS > 0 ? (count * 60) / restS : 0;
}

/** Whether a summary gives a rate: the one test every view of rates uses. */
export function hasRate<T extends { twitchesPerMinute: number | null; restS: number }>(s: T): s is T & { twitchesPerMinute: number } {
  return s.twitchesPerMinute !== null && s.restS > 0;
}

/**
 * Whether a site's counts and rest mean anything: one whose channels all cannot tell adds neither, so every
 * view shows "–" for them rather than a 0 that reads as "none found".
 */
export function tells(s: { noRate?: NoRate }): boolean {
  return s.noRate !== 'cannot-tell';
}

/** There are channels (or sites) and every one cannot tell: a count of 0 there would read as "none found". */
export function nothingTells(summaries: readonly { noRate?: NoRate }[]): boolean {
  return summaries.length > 0 && summaries.every((c) => c.noRate === 'cannot-tell');
}

/** How every view says there is no rate: "no rest" or "cannot tell". */
export function noRateWords(s: { noRate?: NoRate }): string {
  return s.noRate === 'cannot-tell' ? 'cannot tell' : 'no rest';
}

/**
 * Why no channel gives a rate when every one cannot tell. An EMG channel's reasons differ (too noisy, hum left
 * over), and each channel's own note names its own; an accelerometer cannot tell for one reason only: it moved
 * loosely, slower than its knocks' contact can be seen (core/detect/accel.ts `looseCannotTell`).
 */
export function cannotTellEverywhere(onlyAccelerometer: boolean, noun: string): string {
  if (onlyAccelerometer) return `on every channel the device moved loosely, and its knocks could pass for ${noun} (each channel's note says more)`;
  return `on every channel, noise or left-over mains hum could hide ${noun} or pass for them (each channel's note says which)`;
}
