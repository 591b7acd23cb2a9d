import type { ChannelSummary, SiteSummary } from './types';

/** Pools channel summaries by site: counts and rest time add, the rate is recomputed from the sums. */
export function summariseSites(channels: readonly ChannelSummary[]): SiteSummary[] {
  const bySite = new Map<string, SiteSummary>();
  for (const c of channels) {
    if (c.site === null) continue;
    const s = bySite.get(c.site) ?? {
      site: c.site,
      twitchCount: 0,
      twitchesPerMinute: 0,
      restS: 0,
      sustainedCount: 0,
    };
    s.twitchCount += c.twitchCount;
    s.restS += c.restS;
    s.sustainedCount += c.sustainedCount;
    bySite.set(c.site, s);
  }
  for (const s of bySite.values()) s.twitchesPerMinute = ratePerMinute(s.twitchCount, s.restS);
  return [...bySite.values()];
}

export function ratePerMinute(count: number, restS: number): number {
  return restS > 0 ? (count * 60) / restS : 0;
}
