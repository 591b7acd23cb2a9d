import { useMemo, useState } from 'react';
import { formatDuration, formatNumber, listInWords, plural } from '../../core/format';
import { PRESET_TAGS, normaliseTags, type LibraryEntry } from '../../core/library';
import { dayLabel, filterByTags, leadingSite, placeInTime, rateSeries, spreadSeries, sustainedSeries, type TagFilter } from '../../core/trends';
import { usePlatform } from '../platform/context';
import { ComparePicker } from './ComparePicker';
import { OverTimeChart, type ChartSeries, type ChartTag } from './OverTimeChart';
import { saveTrendReport } from './trend-report';

/** "with:caffeine", "without:poor sleep" or "" for every recording. */
function parseFilter(v: string): TagFilter {
  const [mode, ...rest] = v.split(':');
  const tag = rest.join(':');
  if (!tag) return {};
  return mode === 'with' ? { with: [tag] } : { without: [tag] };
}

/** Twitch rate, sustained episodes and spread over calendar time, a tag filter, and a two-recording comparison. */
export function TrendsPanel({ entries, onMessage }: { entries: readonly LibraryEntry[]; onMessage(message: string): void }) {
  const platform = usePlatform();
  const [filter, setFilter] = useState('');
  const [saving, setSaving] = useState(false);
  const allTags = useMemo(() => normaliseTags([...PRESET_TAGS, ...entries.flatMap((e) => e.tags)]), [entries]);
  const shown = useMemo(() => filterByTags(entries, parseFilter(filter)), [entries, filter]);
  const { dated, undated } = useMemo(() => placeInTime(shown), [shown]);

  const tagMarks: ChartTag[] = dated.filter((d) => d.recording.tags.length > 0).map((d) => ({ timeMs: d.timeMs, tags: d.recording.tags }));
  const rate: ChartSeries[] = rateSeries(dated).map((s) => ({
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
  // As in the trend report: only sites with an episode get a line, since rows of zeros with the wide whiskers
  // of short recordings would hide the ones that matter.
  const sustainedAll = sustainedSeries(dated);
  const withEpisodes = sustainedAll.filter((s) => s.points.some((p) => p.sustainedCount > 0));
  const noEpisodes = sustainedAll.filter((s) => !withEpisodes.includes(s)).map((s) => s.site);
  const sustained: ChartSeries[] = withEpisodes.map((s) => ({
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
  const spread = spreadSeries(dated);
  const lead = useMemo(() => leadingSite(dated), [dated]);
  // "Recorded" is drawn first and larger, so the smaller "with twitches" mark stays visible where they agree.
  const spreadChart: ChartSeries[] = [
    {
      name: 'sites recorded',
      points: spread.map((p) => ({
        fingerprint: p.fingerprint,
        timeMs: p.timeMs,
        value: p.recorded.length,
        lower: p.recorded.length,
        upper: p.recorded.length,
        weight: 1,
        describe: `${plural(p.recorded.length, 'site')} recorded with rest time`,
      })),
    },
    {
      name: 'sites with twitches',
      points: spread.map((p) => ({
        fingerprint: p.fingerprint,
        timeMs: p.timeMs,
        value: p.withTwitches.length,
        lower: p.withTwitches.length,
        upper: p.withTwitches.length,
        weight: 0.3,
        describe: `${plural(p.withTwitches.length, 'site')} with twitches (${p.withTwitches.join(', ') || 'none'}) of ${p.recorded.length} recorded`,
      })),
    },
  ];

  return (
    <div className="trends" data-testid="trends">
      <div className="trend-filter">
        <label htmlFor="trend-filter">Show</label>
        <select id="trend-filter" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="trend-filter">
          <option value="">all recordings</option>
          {allTags.map((t) => (
            <option key={`with:${t}`} value={`with:${t}`}>
              only those tagged “{t}”
            </option>
          ))}
          {allTags.map((t) => (
            <option key={`without:${t}`} value={`without:${t}`}>
              all but those tagged “{t}”
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite">
          {plural(dated.length, 'recording')} on the charts
          {undated.length > 0 && `; ${plural(undated.length, 'recording')} without a start date cannot be placed in time`}
        </span>
        <span className="spacer" />
        <button
          disabled={saving || shown.length === 0}
          onClick={() => {
            setSaving(true);
            saveTrendReport(platform, shown, parseFilter(filter))
              .catch((err: unknown) => onMessage(`The trend report could not be saved: ${err instanceof Error ? err.message : String(err)}`))
              .finally(() => setSaving(false));
          }}
          title="A report of these recordings over time for your clinician"
          data-testid="trend-report"
        >
          {saving ? 'Saving report…' : 'Save trend report (PDF)…'}
        </button>
      </div>
      {dated.length === 0 ? (
        <p className="muted">No dated recordings to show. Trends need recordings whose files state when they started.</p>
      ) : (
        <>
          <OverTimeChart
            testid="trend-rate-chart"
            title="Twitches per minute of rest, by site"
            yLabel="twitches per minute of rest (bars: 95% interval; larger marks: more rest time)"
            series={rate}
            tags={tagMarks}
          />
          {tagMarks.length > 0 && (
            <ul className="tag-legend" aria-label="Tagged recordings">
              {tagMarks.map((t) => (
                <li key={t.timeMs}>
                  <span aria-hidden="true">▼</span> {dayLabel(t.timeMs)}: {t.tags.join(', ')}
                </li>
              ))}
            </ul>
          )}
          {spread.some((p) => p.recorded.length >= 2) && (
            <p className={lead.consistent ? 'trend-lead trend-lead-consistent' : 'trend-lead'} data-testid="trend-leading-site">
              {lead.consistent && <span aria-hidden="true">● </span>}
              {lead.text}
            </p>
          )}
          <div className="trend-pair">
            <div>
              {sustained.length > 0 ? (
                <OverTimeChart testid="trend-sustained-chart" title="Sustained episodes per hour, by site" yLabel="episodes per hour analysed (bars: 95% interval)" series={sustained} tags={tagMarks} />
              ) : (
                <figure className="trend-chart" data-testid="trend-sustained-chart">
                  <figcaption>Sustained episodes per hour, by site</figcaption>
                  <p>No sustained activity in any of these recordings.</p>
                </figure>
              )}
              {sustained.length > 0 && noEpisodes.length > 0 && <p className="muted">No sustained episodes at {listInWords(noEpisodes)} in any of these recordings.</p>}
            </div>
            <OverTimeChart testid="trend-spread-chart" title="Sites with twitches" yLabel="number of sites" series={spreadChart} tags={tagMarks} integer />
          </div>
        </>
      )}
      <ComparePicker entries={shown} />
    </div>
  );
}
