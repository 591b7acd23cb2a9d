/** "Is it getting worse?": per site, the latest recording compared with the first, in plain words. */
import { compareRates, type RateComparison } from './compare-words';
import { DAY_MS, dayLabel } from './calendar';
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
      const [labelA, labelB] = recordingLabels(first.timeMs, latest.timeMs);
      const comparison = compareRates(
        { label: labelA, twitchCount: first.twitchCount, restS: first.restS },
        { label: labelB, twitchCount: latest.twitchCount, restS: latest.restS },
      );
      return { site: s.site, first, latest, comparison };
    });
}

/** "the 5 Jan recording": the year only when the two differ in it, the clock time only when they share a day. */
export function recordingLabels(aMs: number, bMs: number): [string, string] {
  const a = new Date(aMs);
  const b = new Date(bMs);
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const sameDay = Math.floor(aMs / DAY_MS) === Math.floor(bMs / DAY_MS);
  const clock = (d: Date): string => (sameDay ? ` ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : '');
  return [`the ${dayLabel(aMs, !sameYear)}${clock(a)} recording`, `the ${dayLabel(bMs, !sameYear)}${clock(b)} recording`];
}
