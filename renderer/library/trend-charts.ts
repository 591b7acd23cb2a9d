/** The Trends screen's three charts as chart series, from the dated recordings shown. */
import { hasRate, noRateWords } from '../../core/analysis/site-summary';
import { formatDuration, formatNumber, plural } from '../../core/format';
import { dayLabel, rateSeries, sustainedSeries, type DatedRecording, type SpreadPoint } from '../../core/trends';
import type { ChartSeries, ChartTag } from './over-time';

type Dated = readonly DatedRecording[];

export function tagMarks(dated: Dated): ChartTag[] {
  return dated.filter((d) => d.recording.tags.length > 0).map((d) => ({ timeMs: d.timeMs, tags: d.recording.tags }));
}

/** A line per site with a rate somewhere; sites that never had one are named by `unratedSites` instead. */
export function rateChart(dated: Dated): ChartSeries[] {
  return rateSeries(dated).filter((s) => s.points.length > 0).map((s) => ({
    name: s.site,
    points: s.points.map((p) => ({
      fingerprint: p.fingerprint,
      timeMs: p.timeMs,
      value: p.rate,
      lower: p.lower,
      upper: p.upper,
      weight: p.restS / 60,
      describe: `${formatNumber(p.rate)} twitches per minute (95% interval ${formatNumber(p.lower)} to ${formatNumber(p.upper)}), ${plural(p.twitchCount, 'twitch', 'twitches')} in ${formatDuration(p.restS)} of rest${p.tags.length ? `; tags: ${p.tags.join(', ')}` : ''}`,
    })),
  }));
}

/** What the rate chart leaves out, by recording: "active-calf.csv (2 Feb 2026): left calf, no rest". */
export function unratedSites(dated: Dated): string[] {
  return dated.flatMap(({ recording: r, timeMs }) => {
    const off = r.sites.filter((s) => !hasRate(s));
    return off.length > 0 ? [`${r.name} (${dayLabel(timeMs)}): ${off.map((s) => `${s.site}, ${noRateWords(s)}`).join('; ')}`] : [];
  });
}

/**
 * Sustained episodes per hour. As in the trend report, only sites with an episode get a line, since rows of zeros
 * with the wide whiskers of short recordings would hide the ones that matter; `noEpisodes` names the others.
 */
export function sustainedChart(dated: Dated): { series: ChartSeries[]; noEpisodes: string[] } {
  const all = sustainedSeries(dated);
  const withEpisodes = all.filter((s) => s.points.some((p) => p.sustainedCount > 0));
  const noEpisodes = all.filter((s) => !withEpisodes.includes(s)).map((s) => s.site);
  const series = withEpisodes.map((s) => ({
    name: s.site,
    points: s.points.map((p) => ({
      fingerprint: p.fingerprint,
      timeMs: p.timeMs,
      value: p.perHour,
      lower: p.lower,
      upper: p.upper,
      weight: p.analysedS / 60,
      describe: `${formatNumber(p.perHour)} sustained episodes per hour, ${p.sustainedCount} in ${formatDuration(p.analysedS)}`,
    })),
  }));
  return { series, noEpisodes };
}

/** How many sites were recorded and how many had twitches, per recording. */
export function spreadChart(spread: readonly SpreadPoint[]): ChartSeries[] {
  const count = (name: string, weight: number, pick: (p: SpreadPoint) => number, describe: (p: SpreadPoint) => string): ChartSeries => ({
    name,
    points: spread.map((p) => ({ fingerprint: p.fingerprint, timeMs: p.timeMs, value: pick(p), lower: pick(p), upper: pick(p), weight, describe: describe(p) })),
  });
  // "Recorded" is drawn first and larger, so the smaller "with twitches" mark stays visible where they agree.
  return [
    count('sites recorded', 1, (p) => p.recorded.length, (p) => `${plural(p.recorded.length, 'site')} recorded with rest time`),
    count('sites with twitches', 0.3, (p) => p.withTwitches.length, (p) => `${plural(p.withTwitches.length, 'site')} with twitches (${p.withTwitches.join(', ') || 'none'}) of ${p.recorded.length} recorded`),
  ];
}
