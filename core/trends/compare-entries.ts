/** The app's "compare two recordings": one site in two recordings, named by date when both have one. */
import { calendarMs } from './calendar';
import { compareRates, type RateComparison } from './compare-words';
import { recordingLabels } from './first-last';
import type { TrendRecording } from './series';

/** Recordings that have rest time at `site`, the ones a comparison of that site can pick from. */
export function recordingsWithSite<R extends TrendRecording>(recs: readonly R[], site: string): R[] {
  return recs.filter((r) => r.sites.some((s) => s.site === site && s.restS > 0));
}

/** How `b` compares with `a` at `site`; null when either has no figures for that site. */
export function compareRecordings(a: TrendRecording, b: TrendRecording, site: string): RateComparison | null {
  const sa = a.sites.find((s) => s.site === site);
  const sb = b.sites.find((s) => s.site === site);
  if (!sa || !sb) return null;
  const ta = calendarMs(a.startTime);
  const tb = calendarMs(b.startTime);
  const [labelA, labelB] = Number.isFinite(ta) && Number.isFinite(tb) && a.name !== b.name ? recordingLabels(ta, tb) : [a.name, b.name];
  const [la, lb] = labelA === labelB ? [a.name, b.name] : [labelA, labelB];
  return compareRates({ label: la, twitchCount: sa.twitchCount, restS: sa.restS }, { label: lb, twitchCount: sb.twitchCount, restS: sb.restS });
}
