/** The app's "compare two recordings": one site in two recordings, named by date when both have one. */
import { hasRate } from '../analysis/site-summary';
import { calendarMs } from './calendar';
import { compareRates, type RateComparison } from './compare-words';
import { recordingLabels } from './first-last';
import type { TrendRecording } from './series';

/** Recordings with a rate at `site`, the ones a comparison of that site can pick from. */
export function recordingsWithSite<R extends TrendRecording>(recs: readonly R[], site: string): R[] {
  return recs.filter((r) => r.sites.some((s) => s.site === site && hasRate(s)));
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
  // A site without a rate (too little rest, or a channel that could not tell) compares as having no rest.
  const rest = (s: typeof sa): number => (hasRate(s) ? s.restS : 0);
  return compareRates({ label: la, twitchCount: sa.twitchCount, restS: rest(sa) }, { label: lb, twitchCount: sb.twitchCount, restS: rest(sb) });
}
