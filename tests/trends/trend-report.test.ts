import { describe, expect, it } from 'vitest';
import { DISCLAIMER } from '../../core/guidance/content';
import { buildTrendReportHtml } from '../../core/report';
import { filterByTags } from '../../core/trends/series';
import { rec, weeks } from './fixtures';

const software = { name: 'TwitchScope', version: '9.9.9' };
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/\s+/g, ' ');

describe('trend report', () => {
  const html = buildTrendReportHtml({ recordings: weeks, subject: 'S. M.', software, generatedAt: '2026-01-20T10:00:00Z' });
  const words = text(html);

  it('is one self-contained document: inline style and SVG, no scripts or outside resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/i);
    expect(html).toContain("default-src 'none'");
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
  });

  it('heads the report like the single one, with the span of dates and sites', () => {
    expect(words).toContain('Muscle twitch trend report');
    expect(words).toContain('Name S. M.');
    expect(words).toContain('Recordings 4 (1 undated)');
    expect(words).toContain('Recorded 5 Jan 2026 to 19 Jan 2026');
    expect(words).toContain('Sites left calf and right calf');
  });

  it('answers "worse?" per site and "spreading?" in its key findings', () => {
    expect(words).toContain(
      'Left calf, latest against first: Higher in the 19 Jan recording: 11 twitch-like events per minute of rest, against 5 in the 5 Jan recording. The rate in the 19 Jan recording is 2.2 times that in the 5 Jan recording (95% interval 1.7 to 2.9 times), all of it above no change.',
    );
    expect(words).toContain('Right calf, latest against first: Higher in the 19 Jan recording: 1.7 twitch-like events per minute of rest, against none in the 5 Jan recording.');
    expect(words).toContain('Twitch-like events were found at 1 of 2 sites recorded in the first recording and at 2 of 2 sites in the latest.');
    expect(words).toContain('1 recording does not state a date: listed in the table, not placed in time.');
  });

  it('states what the figures cannot tell before them, and calls the events twitch-like (issue 20 point 3)', () => {
    const limits = text(html.slice(html.indexOf('id="limits"'), html.indexOf('id="trend-rates"')));
    expect(limits).toContain('What these figures cannot tell');
    expect(limits).toContain('Every event counted here is twitch-like');
    expect(limits).toContain('Neither replaces an examination or needle EMG.');
    expect(limits).toContain('not validated against expert-annotated clinical recordings');
    expect(limits).toContain('nobody confirmed the muscle was relaxed');
    expect(html.indexOf('id="limits"')).toBeLessThan(html.indexOf('id="trend-rates"'));
    const headings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toContain('Twitch-like events per minute of rest, by site, over time');
    expect(headings.filter((h) => /twitches/i.test(h))).toEqual([]);
  });

  it('marks tags on the rate chart with a numbered key', () => {
    expect(words).toContain('Tags (numbers along the top of the chart): 1 poor sleep · 2 caffeine.');
    const rateSvg = html.slice(html.indexOf('id="trend-rates"'), html.indexOf('id="trend-sustained"'));
    // Week 2 has both tags, week 3 only caffeine.
    expect(rateSvg).toMatch(/>1,2<\/text>/);
    expect(rateSvg).toMatch(/font-size="8">2<\/text>/);
  });

  it('lists every recording and site with its interval, undated last', () => {
    const table = text(html.slice(html.indexOf('id="trend-table"'), html.indexOf('id="methods"')));
    expect(table).toMatch(/2026-01-05 08:00 week1\.csv left calf 18 90 5 4–6\.1 0/);
    expect(table).toMatch(/date not stated undated\.csv left calf 10 40 4 2\.9–5\.4 0/);
    expect(table.indexOf('week1.csv')).toBeLessThan(table.indexOf('week2.csv'));
    expect(table.indexOf('week3.csv')).toBeLessThan(table.indexOf('undated.csv'));
  });

  it('shows sustained episodes when there are any, and ends with the disclaimer', () => {
    expect(html).toContain('aria-label="Sustained episodes per hour by site over time"');
    expect(words).toContain(DISCLAIMER);
    const none = buildTrendReportHtml({ recordings: filterByTags(weeks, { without: ['caffeine'] }), software, generatedAt: '2026-01-20T10:00:00Z', filter: { without: ['caffeine'] } });
    expect(text(none)).toContain('No sustained activity in any of these recordings.');
    expect(text(none)).toContain('Recordings shown only those without "caffeine"');
  });

  it('does not over-read small counts or sites recorded once', () => {
    const small = buildTrendReportHtml({
      recordings: [rec('a.csv', '2026-02-01T08:00:00', { 'left calf': [2, 5], tongue: [1, 5] }), rec('b.csv', '2026-02-08T08:00:00', { 'left calf': [4, 5] })],
      software,
      generatedAt: '2026-02-09T10:00:00Z',
    });
    const w = text(small);
    expect(w).toContain('Left calf, latest against first: Too few twitch-like events to compare: 2 in the 1 Feb recording and 4 in the 8 Feb recording.');
    expect(w).toContain('Recorded once only: tongue. A trend needs two recordings of the same site.');
    expect(w).toContain('Different sites were recorded, so these numbers are not directly comparable.');
  });
});

describe('trend report without sites', () => {
  it('says that channels need a body site before rates can be followed', () => {
    const html = buildTrendReportHtml({
      recordings: [rec('a.csv', '2026-02-01T08:00:00', {}), rec('b.csv', '2026-02-08T08:00:00', {})],
      software,
      generatedAt: '2026-02-09T10:00:00Z',
    });
    expect(text(html)).toContain('No channel in these recordings is assigned to a body site, so rates cannot be followed by site.');
    expect(text(html)).toContain('No recording has dated rest time at any site.');
  });
});
