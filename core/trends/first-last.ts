/** "Is it getting worse?": per site, the latest recording compared with the first, in plain words. */
import { compareRates, type RateComparison } from './compare-words';
import { dayLabel } from './calendar';
import type { SiteSeries, RatePoint } from './series';

export interface SiteChange {
  site: string;
  first: RatePoint;
  latest: RatePoint;
  comparison: RateComparison;
}

/** Sites recorded at least twice; the earliest and the latest recording of each, compared. */
export function firstToLatest(series: readonly SiteSeries<RatePoint>[]): SiteChange[] {
  return series
    .filter((s) => s.points.length >= 2)
    .map((s) => {
      const first = s.points[0];
      const latest = s.points[s.points.length - 1];
      const comparison = compareRates(
        { label: `the recording of ${dayLabel(first.timeMs)}`, twitchCount: first.twitchCount, restS: first.restS },
        { label: `the recording of ${dayLabel(latest.timeMs)}`, twitchCount: latest.twitchCount, restS: latest.restS },
      );
      return { site: s.site, first, latest, comparison };
    });
}
