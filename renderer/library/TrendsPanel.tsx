import { useMemo, useState } from 'react';
import { listInWords, plural } from '../../core/format';
import { PRESET_TAGS, normaliseTags, type LibraryEntry } from '../../core/library';
import { dayLabel, filterByTags, leadingSite, placeInTime, spreadSeries, type DatedRecording, type TagFilter } from '../../core/trends';
import { usePlatform } from '../platform/context';
import { ComparePicker } from './ComparePicker';
import { OverTimeChart } from './OverTimeChart';
import type { ChartTag } from './over-time';
import { rateChart, spreadChart, sustainedChart, tagMarks, unratedSites } from './trend-charts';
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
  const save = () => {
    setSaving(true);
    saveTrendReport(platform, shown, parseFilter(filter))
      .catch((err: unknown) => onMessage(`The trend report could not be saved: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => setSaving(false));
  };

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
        <button disabled={saving || shown.length === 0} onClick={save} title="A report of these recordings over time for your clinician" data-testid="trend-report">
          {saving ? 'Saving report…' : 'Save trend report (PDF)…'}
        </button>
      </div>
      {dated.length === 0 ? (
        <p className="muted">No dated recordings to show. Trends need recordings whose files state when they started.</p>
      ) : (
        <TrendCharts dated={dated} />
      )}
      <ComparePicker entries={shown} />
    </div>
  );
}

function TrendCharts({ dated }: { dated: readonly DatedRecording[] }) {
  const tags = tagMarks(dated);
  const sustained = sustainedChart(dated);
  const spread = spreadSeries(dated);
  const lead = useMemo(() => leadingSite(dated), [dated]);
  const unrated = unratedSites(dated);
  return (
    <>
      <OverTimeChart testid="trend-rate-chart" title="Twitches per minute of rest, by site" yLabel="twitches per minute of rest (bars: 95% interval; larger marks: more rest time)" series={rateChart(dated)} tags={tags} />
      {unrated.length > 0 && (
        <p className="muted" data-testid="trend-no-rate">
          Not on the rate chart, having no twitch rate: {unrated.join('; ')}.
        </p>
      )}
      {tags.length > 0 && <TagLegend tags={tags} />}
      {spread.some((p) => p.recorded.length >= 2) && (
        <p className={lead.consistent ? 'trend-lead trend-lead-consistent' : 'trend-lead'} data-testid="trend-leading-site">
          {lead.consistent && <span aria-hidden="true">● </span>}
          {lead.text}
        </p>
      )}
      <div className="trend-pair">
        <div>
          {sustained.series.length > 0 ? (
            <OverTimeChart testid="trend-sustained-chart" title="Sustained episodes per hour, by site" yLabel="episodes per hour analysed (bars: 95% interval)" series={sustained.series} tags={tags} />
          ) : (
            <figure className="trend-chart" data-testid="trend-sustained-chart">
              <figcaption>Sustained episodes per hour, by site</figcaption>
              <p>No sustained activity in any of these recordings.</p>
            </figure>
          )}
          {sustained.series.length > 0 && sustained.noEpisodes.length > 0 && <p className="muted">No sustained episodes at {listInWords(sustained.noEpisodes)} in any of these recordings.</p>}
        </div>
        <OverTimeChart testid="trend-spread-chart" title="Sites with twitches" yLabel="number of sites" series={spreadChart(spread)} tags={tags} integer />
      </div>
    </>
  );
}

function TagLegend({ tags }: { tags: readonly ChartTag[] }) {
  return (
    <ul className="tag-legend" aria-label="Tagged recordings">
      {tags.map((t) => (
        <li key={t.timeMs}>
          <span aria-hidden="true">▼</span> {dayLabel(t.timeMs)}: {t.tags.join(', ')}
        </li>
      ))}
    </ul>
  );
}
