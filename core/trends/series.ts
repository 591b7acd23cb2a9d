/**
 * Recordings over calendar time, per body site: the twitch rate with its exact interval, sustained episodes
 * per hour, and how many sites showed twitches ("spreading"). Undated recordings cannot be placed in time
 * and are returned apart.
 */
import { hasRate } from '../analysis/site-summary';
import { garwoodInterval, rateInterval } from '../stats/poisson';
import type { LibraryEntry } from '../library/schema';
import { hasTag } from '../library/tags';
import { calendarMs } from './calendar';

/** The part of a library entry trends read; CLI results and tests build it directly. */
export type TrendRecording = Pick<LibraryEntry, 'fingerprint' | 'name' | 'startTime' | 'durationS' | 'sites' | 'tags'>;

export interface DatedRecording<R extends TrendRecording = TrendRecording> {
  recording: R;
  timeMs: number;
}

export interface RatePoint {
  fingerprint: string;
  name: string;
  timeMs: number;
  twitchCount: number;
  restS: number;
  /** Twitches per minute of rest, and its exact (Garwood) 95 % interval. */
  rate: number;
  lower: number;
  upper: number;
  tags: readonly string[];
}

export interface SustainedPoint {
  fingerprint: string;
  timeMs: number;
  sustainedCount: number;
  analysedS: number;
  /** Episodes per hour of analysed time, with an exact 95 % interval. */
  perHour: number;
  lower: number;
  upper: number;
}

export interface SiteSeries<P> {
  site: string;
  points: P[];
}

export interface SpreadPoint {
  fingerprint: string;
  timeMs: number;
  /** Sites recorded with a rate (enough rest, and a channel that could tell). */
  recorded: string[];
  /** Of those, the sites with at least one twitch. */
  withTwitches: string[];
}

export interface TagFilter {
  /** Keep recordings with every one of these tags. */
  with?: readonly string[];
  /** Drop recordings with any of these tags. */
  without?: readonly string[];
}

export function filterByTags<R extends TrendRecording>(recs: readonly R[], f: TagFilter): R[] {
  return recs.filter((r) => (f.with ?? []).every((t) => hasTag(r.tags, t)) && !(f.without ?? []).some((t) => hasTag(r.tags, t)));
}

/** Dated recordings in time order (ties by name), and the undated ones. */
export function placeInTime<R extends TrendRecording>(recs: readonly R[]): { dated: DatedRecording<R>[]; undated: R[] } {
  const dated: DatedRecording<R>[] = [];
  const undated: R[] = [];
  for (const r of recs) {
    const t = calendarMs(r.startTime);
    if (Number.isFinite(t)) dated.push({ recording: r, timeMs: t });
    else undated.push(r);
  }
  dated.sort((a, b) => a.timeMs - b.timeMs || a.recording.name.localeCompare(b.recording.name));
  return { dated, undated };
}

/** Site names in order of first appearance over time, so lines and legends keep a stable order. */
export function sitesOf(dated: readonly DatedRecording[]): string[] {
  const out: string[] = [];
  for (const d of dated) for (const s of d.recording.sites) if (!out.includes(s.site)) out.push(s.site);
  return out;
}

export function rateSeries(dated: readonly DatedRecording[]): SiteSeries<RatePoint>[] {
  return sitesOf(dated).map((site) => ({
    site,
    points: dated.flatMap(({ recording: r, timeMs }) => {
      const s = r.sites.find((x) => x.site === site);
      const ci = s && hasRate(s) ? rateInterval(s.twitchCount, s.restS) : null;
      if (!s || !ci) return [];
      return [{ fingerprint: r.fingerprint, name: r.name, timeMs, twitchCount: s.twitchCount, restS: s.restS, rate: (s.twitchCount * 60) / s.restS, lower: ci.lower, upper: ci.upper, tags: r.tags }];
    }),
  }));
}

export function sustainedSeries(dated: readonly DatedRecording[]): SiteSeries<SustainedPoint>[] {
  return sitesOf(dated).map((site) => ({
    site,
    points: dated.flatMap(({ recording: r, timeMs }) => {
      const s = r.sites.find((x) => x.site === site);
      if (!s || !(s.analysedS > 0)) return [];
      const hours = s.analysedS / 3600;
      // Garwood (1936): the same exact Poisson interval as for twitches, per hour of analysed time.
      const ci = garwoodInterval(s.sustainedCount);
      return [{ fingerprint: r.fingerprint, timeMs, sustainedCount: s.sustainedCount, analysedS: s.analysedS, perHour: s.sustainedCount / hours, lower: ci.lower / hours, upper: ci.upper / hours }];
    }),
  }));
}

export function spreadSeries(dated: readonly DatedRecording[]): SpreadPoint[] {
  return dated.map(({ recording: r, timeMs }) => {
    const usable = r.sites.filter(hasRate);
    return { fingerprint: r.fingerprint, timeMs, recorded: usable.map((s) => s.site), withTwitches: usable.filter((s) => s.twitchCount > 0).map((s) => s.site) };
  });
}
