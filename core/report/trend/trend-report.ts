/**
 * The trend report: several recordings of the same person over weeks, answering "is it getting worse, and
 * is it spreading?" with rates by site over time, their exact intervals, and careful comparisons. The same
 * self-contained HTML (inline CSS and SVG, no scripts) and print style as the single-recording report.
 */
import { hasRate, tells } from '../../analysis/site-summary';
import { DISCLAIMER } from '../../guidance/content';
import { capitalise, formatDuration, formatNumber, listInWords, plural } from '../../format';
import { dayLabel } from '../../trends/calendar';
import { firstToLatest } from '../../trends/first-last';
import { leadingSite, MIN_COMPARING_RECORDINGS, MIN_SPAN_DAYS } from '../../trends/leading-site';
import { MIN_REST_S } from '../../guidance/findings';
import { placeInTime, rateSeries, spreadSeries, sustainedSeries, type DatedRecording, type TagFilter, type TrendRecording } from '../../trends/series';
import { readableTime } from '../header';
import { esc, reportDocument, section, table } from '../html';
import { trendLimitsSection } from '../limits-section';
import { rateInterval } from '../../stats/poisson';
import { REPORT_CSS } from '../style';
import { overTimeChart, type TagMark } from './over-time-chart';
import { sitesOverTimeChart } from './sites-chart';

export interface TrendReportInput {
  recordings: readonly TrendRecording[];
  /** Name or initials the user chose to add. */
  subject?: string;
  software: { name: string; version: string };
  /** ISO 8601 time the report was made. */
  generatedAt: string;
  /** The tag filter the recordings were chosen with, said in the header. */
  filter?: TagFilter;
}


const TREND_CSS = `
p.tag-key { font-size: 7.8pt; color: #222; }
table.trend td:nth-child(-n+3) { white-space: nowrap; }
.tags { font-size: 7.4pt; }
`;


export function buildTrendReportHtml(input: TrendReportInput): string {
  const { dated, undated } = placeInTime(input.recordings);
  const rates = rateSeries(dated);
  const tagList = [...new Set(dated.flatMap((d) => d.recording.tags))];
  const tagMarks: TagMark[] = dated
    .filter((d) => d.recording.tags.length > 0)
    .map((d) => ({ timeMs: d.timeMs, codes: d.recording.tags.map((t) => tagList.indexOf(t) + 1).sort((a, b) => a - b).join(',') }));
  const tagKey = tagList.length ? `<p class="tag-key">Tags (numbers along the top of the chart): ${esc(tagList.map((t, i) => `${i + 1} ${t}`).join(' · '))}.</p>` : '';

  const rateChart = rates.some((s) => s.points.length)
    ? `<figure>${overTimeChart(
        rates.map((s) => ({ name: s.site, points: s.points.map((p) => ({ timeMs: p.timeMs, value: p.rate, lower: p.lower, upper: p.upper, weight: p.restS })) })),
        { yLabel: 'twitch-like events per minute of rest (mark area: rest time; whisker: exact 95% interval)', ariaLabel: 'Twitch-like events per minute of rest by site over time', tags: tagMarks },
      )}</figure>${tagKey}`
    : '<p class="muted">No recording has dated rest time at any site.</p>';

  // Only sites with an episode get a line: a row of zeros with wide whiskers would hide the ones that matter.
  const sustained = sustainedSeries(dated);
  const withEpisodes = sustained.filter((s) => s.points.some((p) => p.sustainedCount > 0));
  const without = sustained.filter((s) => !withEpisodes.includes(s)).map((s) => s.site);
  const sustainedBody = withEpisodes.length
    ? `<figure>${overTimeChart(
        withEpisodes.map((s) => ({ name: s.site, points: s.points.map((p) => ({ timeMs: p.timeMs, value: p.perHour, lower: p.lower, upper: p.upper, weight: p.analysedS })) })),
        { yLabel: 'sustained episodes per hour recorded (whisker: exact 95% interval)', ariaLabel: 'Sustained episodes per hour by site over time', plotH: 110 },
      )}</figure>${without.length ? `<p class="muted">No sustained episodes at ${esc(listInWords(without))} in any recording.</p>` : ''}`
    : '<p>No sustained activity in any of these recordings.</p>';

  const spread = spreadSeries(dated);
  const body = [
    headerHtml(input, dated, undated),
    `<ol class="key" aria-label="Key findings">${keyPoints(dated, undated, rates).map((l) => `<li>${esc(l)}</li>`).join('')}</ol>`,
    trendLimitsSection(),
    section('trend-rates', 'Twitch-like events per minute of rest, by site, over time', rateChart),
    section('trend-sustained', 'Sustained activity per hour, over time', sustainedBody),
    section('trend-sites', 'Body sites with twitch-like events in each recording', spread.length ? `<figure>${sitesOverTimeChart(spread)}</figure>` : '<p class="muted">No dated recordings.</p>'),
    recordingsTable(dated, undated),
    methods(input.software),
    `<p class="disclaimer" id="disclaimer">${esc(DISCLAIMER)}</p>`,
  ].join('\n');
  return reportDocument(`TwitchScope trend report – ${plural(input.recordings.length, 'recording')}`, REPORT_CSS + TREND_CSS, body);
}

function headerHtml(input: TrendReportInput, dated: readonly DatedRecording[], undated: readonly TrendRecording[]): string {
  const sites = [...new Set(input.recordings.flatMap((r) => r.sites.map((s) => s.site)))];
  const restS = input.recordings.reduce((sum, r) => sum + r.sites.reduce((s, x) => s + x.restS, 0), 0);
  const span = dated.length ? (dated.length === 1 ? dayLabel(dated[0].timeMs) : `${dayLabel(dated[0].timeMs)} to ${dayLabel(dated[dated.length - 1].timeMs)}`) : 'no dates stated';
  const facts: Array<[string, string]> = [
    ['Recordings', `${input.recordings.length}${undated.length ? ` (${undated.length} undated)` : ''}`],
    ['Recorded', span],
    ['Sites', sites.length ? listInWords(sites) : 'none assigned'],
    ['Rest time in all', formatDuration(restS)],
  ];
  const f = input.filter;
  if (f && ((f.with ?? []).length || (f.without ?? []).length)) {
    const parts = [...(f.with ?? []).map((t) => `with "${t}"`), ...(f.without ?? []).map((t) => `without "${t}"`)];
    facts.push(['Recordings shown', `only those ${parts.join(' and ')}`]);
  }
  if (input.subject?.trim()) facts.unshift(['Name', input.subject.trim()]);
  return [
    '<header>',
    '<div class="title-row">',
    '<h1>Muscle twitch trend report</h1>',
    `<div class="generated">${esc(input.software.name)} ${esc(input.software.version)} · ${esc(readableTime(input.generatedAt))}</div>`,
    '</div>',
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`,
    '</header>',
  ].join('');
}

function keyPoints(dated: readonly DatedRecording[], undated: readonly TrendRecording[], rates: ReturnType<typeof rateSeries>): string[] {
  const lines: string[] = [];
  for (const change of firstToLatest(rates)) lines.push(`${capitalise(change.site)}, latest against first: ${change.comparison.text}`);
  const once = rates.filter((s) => s.points.length === 1).map((s) => s.site);
  if (once.length) lines.push(`Recorded once only: ${listInWords(once)}. A trend needs two recordings of the same site.`);
  const spread = spreadSeries(dated);
  if (spread.length >= 2) {
    const a = spread[0];
    const b = spread[spread.length - 1];
    const same = a.recorded.length === b.recorded.length && a.recorded.every((s) => b.recorded.includes(s));
    lines.push(
      `Twitch-like events were found at ${a.withTwitches.length} of ${plural(a.recorded.length, 'site')} recorded in the first recording and at ${b.withTwitches.length} of ${plural(b.recorded.length, 'site')} in the latest.` +
        (same ? '' : ' Different sites were recorded, so these numbers are not directly comparable.'),
    );
  }
  // Only where two sites were recorded together does "one site leading" mean anything.
  if (dated.some((d) => d.recording.sites.filter((s) => s.restS > 0).length >= 2)) lines.push(leadingSite(dated).text);
  if (undated.length) lines.push(`${plural(undated.length, 'recording')} ${undated.length === 1 ? 'does' : 'do'} not state a date: listed in the table, not placed in time.`);
  if ([...dated.map((d) => d.recording), ...undated].every((r) => r.sites.length === 0)) {
    lines.push('No channel in these recordings is assigned to a body site, so rates cannot be followed by site. Assign sites to the channels and analyse again.');
  } else if (lines.length === 0) {
    lines.push('No site has rest time in two dated recordings, so there is no trend to show.');
  }
  return lines;
}

function recordingsTable(dated: readonly DatedRecording[], undated: readonly TrendRecording[]): string {
  const all: Array<{ r: TrendRecording; when: string }> = [
    ...dated.map((d) => ({ r: d.recording, when: d.recording.startTime ? readableTime(d.recording.startTime).replace(/(\d{2}:\d{2}):\d{2}/, '$1') : '' })),
    ...undated.map((r) => ({ r, when: 'date not stated' })),
  ];
  const rows = all.flatMap(({ r, when }) => {
    const sites = r.sites.length ? r.sites : [null];
    return sites.map((s, k) => {
      const ci = s && hasRate(s) ? rateInterval(s.twitchCount, s.restS) : null;
      return [
        k === 0 ? esc(when) : '',
        k === 0 ? esc(r.name) : '',
        s ? esc(s.site) : '<span class="muted">no site assigned</span>',
        s && tells(s) ? formatNumber(s.restS / 60) : '–',
        s && tells(s) ? String(s.twitchCount) : '–',
        s && hasRate(s) ? formatNumber((s.twitchCount * 60) / s.restS) : s?.noRate === 'cannot-tell' ? 'cannot tell' : s ? 'no rest' : '–',
        ci ? `${formatNumber(ci.lower)}–${formatNumber(ci.upper)}` : '–',
        s ? String(s.sustainedCount) : '–',
        k === 0 ? `<span class="tags">${esc(r.tags.join(', '))}</span>` : '',
      ];
    });
  });
  return section(
    'trend-table',
    'Recordings',
    table(['Recorded', 'File', 'Site', 'Rest (min)', 'Events', 'Per min', '95% interval', 'Sustained', 'Tags'], rows, new Set([3, 4, 5, 6, 7]), 'trend'),
  );
}

function methods(software: { name: string; version: string }): string {
  const items = [
    `<li><b>Software:</b> ${esc(software.name)} ${esc(software.version)}; each recording analysed on its own with the settings it was analysed with.</li>`,
    '<li><b>Rates:</b> twitch-like events ÷ minutes of usable rest at each site (the time the program kept, not confirmed relaxation); 95% intervals are exact Poisson (Garwood) and assume independent events, so they can be too narrow when events come in runs. Sustained episodes are counted per hour of analysed signal, with the same exact interval.</li>',
    `<li><b>One site leading:</b> a site leads a recording when its rate\'s 95% interval lies above every other site\'s, each with at least ${MIN_REST_S / 60} minutes of rest; "most recordings" means more than half of at least ${MIN_COMPARING_RECORDINGS} such recordings spread over ${MIN_SPAN_DAYS} days or more.</li>`,
    '<li><b>Comparisons:</b> the latest recording of a site against its first, as a ratio of rates with an exact 95% interval by the conditional binomial method (Clopper–Pearson limits for the share of events in one recording, turned into a rate ratio). "Higher" or "lower" is said only when the whole interval lies above or below no change; with fewer than 5 events in both, no comparison is made.</li>',
    '<li><b>Sites with twitch-like events:</b> sites with usable rest and at least one event; a site not recorded cannot count.</li>',
  ];
  const refs = [
    'Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437–442.',
    'Clopper CJ, Pearson ES. The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika 1934;26:404–413.',
    'Breslow NE, Day NE. Statistical Methods in Cancer Research, vol. II: The design and analysis of cohort studies. IARC 1987, section 2.3.',
  ];
  return section('methods', 'Methods', `<ul class="methods">${items.join('')}</ul><ol class="refs">${refs.map((r) => `<li>${esc(r)}</li>`).join('')}</ol>`);
}
