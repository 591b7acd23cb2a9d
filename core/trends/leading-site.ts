/**
 * "Is the twitching consistently in the same muscle group?", asked across recordings: the same site leading
 * in most recordings over weeks. A site leads a recording only when its rate's 95 % interval lies above every
 * other site's, each with enough rest; one recording alone cannot show "consistently".
 */
import { MIN_REST_S } from '../guidance/findings';
import { capitalise, listInWords, plural } from '../format';
import { rateInterval } from '../stats/poisson';
import { DAY_MS, dayLabel } from './calendar';
import type { DatedRecording } from './series';

/** Recordings that compared two or more sites, fewer than this, and "most" means little. */
export const MIN_COMPARING_RECORDINGS = 3;
/** "Over weeks": the first and last comparing recordings at least this far apart. */
export const MIN_SPAN_DAYS = 14;

export interface SiteLead {
  fingerprint: string;
  timeMs: number;
  /** Sites with enough rest to compare. */
  compared: string[];
  /** The site whose interval lies above all the others', or null when none stands clear. */
  leader: string | null;
}

export interface LeadingSite {
  /** Recordings that compared two or more sites, in time order. */
  leads: SiteLead[];
  /** The site that led most often, and in how many recordings. */
  site: string | null;
  count: number;
  /** The same site led in more than half of at least three comparing recordings, over two weeks or more. */
  consistent: boolean;
  /** The finding in plain words. */
  text: string;
}

/** Who leads one recording. Intervals are exact Poisson: the library keeps counts, not their spread in time. */
export function siteLead(d: DatedRecording): SiteLead | null {
  const sites = d.recording.sites.filter((s) => s.restS >= MIN_REST_S);
  if (sites.length < 2) return null;
  const ranked = sites
    .map((s) => ({ site: s.site, rate: s.twitchCount / s.restS, ci: rateInterval(s.twitchCount, s.restS)! }))
    .sort((a, b) => b.rate - a.rate);
  const [top, ...others] = ranked;
  const clear = others.every((o) => top.ci.lower > o.ci.upper);
  return { fingerprint: d.recording.fingerprint, timeMs: d.timeMs, compared: ranked.map((r) => r.site), leader: clear ? top.site : null };
}

export function leadingSite(dated: readonly DatedRecording[]): LeadingSite {
  const leads = dated.map(siteLead).filter((l): l is SiteLead => l !== null);
  const counts = new Map<string, number>();
  for (const l of leads) if (l.leader) counts.set(l.leader, (counts.get(l.leader) ?? 0) + 1);
  const [site, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const spanDays = leads.length ? (leads[leads.length - 1].timeMs - leads[0].timeMs) / DAY_MS : 0;
  const enough = leads.length >= MIN_COMPARING_RECORDINGS && spanDays >= MIN_SPAN_DAYS;
  const consistent = enough && site !== null && count > leads.length / 2;
  return { leads, site, count, consistent, text: leadText(leads, site, count, enough, consistent) };
}

function leadText(leads: readonly SiteLead[], site: string | null, count: number, enough: boolean, consistent: boolean): string {
  const n = leads.length;
  if (!enough) {
    return `Whether one site leads over weeks needs at least ${MIN_COMPARING_RECORDINGS} recordings that compare two or more sites with ${MIN_REST_S / 60} minutes of rest each, spread over ${MIN_SPAN_DAYS} days or more; ${n === 0 ? 'there are none yet' : `there ${n === 1 ? 'is' : 'are'} ${n}`}.`;
  }
  const span = `${dayLabel(leads[0].timeMs)} to ${dayLabel(leads[n - 1].timeMs)}`;
  if (consistent) {
    return `${capitalise(site!)} led in ${count} of ${plural(n, 'recording')} that compared two or more sites (${span}): its rate's 95% interval lay above every other site's. Twitching that keeps to one muscle group over weeks is worth showing a clinician.`;
  }
  const others = [...new Set(leads.map((l) => l.leader).filter((l): l is string => l !== null))];
  const who = others.length ? ` Sites that led: ${listInWords(others.map((s) => `${s} (${leads.filter((l) => l.leader === s).length})`))}.` : '';
  return `No one site led in most of the ${n} recordings that compared two or more sites (${span}).${who}`;
}
