import { describe, expect, it } from 'vitest';
import { leadingSite, siteLead } from '../../core/trends/leading-site';
import { placeInTime } from '../../core/trends/series';
import { buildTrendReportHtml } from '../../core/report/trend';
import { rec } from './fixtures';

const dated = (...recs: ReturnType<typeof rec>[]) => placeInTime(recs).dated;

/** Five weekly recordings of both calves: the left calf clearly busier in four of them. */
const leftLeads = dated(
  rec('w1.csv', '2026-02-02T08:00:00', { 'left calf': [60, 15], 'right calf': [10, 15] }),
  rec('w2.csv', '2026-02-09T08:00:00', { 'left calf': [70, 15], 'right calf': [12, 15] }),
  rec('w3.csv', '2026-02-16T08:00:00', { 'left calf': [40, 15], 'right calf': [35, 15] }),
  rec('w4.csv', '2026-02-23T08:00:00', { 'left calf': [80, 15], 'right calf': [9, 15] }),
  rec('w5.csv', '2026-03-02T08:00:00', { 'left calf': [66, 15], 'right calf': [14, 15] }),
);

describe('the same site leading in most recordings over weeks (issue 20 point 6)', () => {
  it('finds the site that leads in most recordings, counting only clear leads', () => {
    const lead = leadingSite(leftLeads);
    expect(lead.leads.map((l) => l.leader)).toEqual(['left calf', 'left calf', null, 'left calf', 'left calf']);
    expect(lead).toMatchObject({ site: 'left calf', count: 4, consistent: true });
    expect(lead.text).toBe(
      'Left calf led in 4 of 5 recordings that compared two or more sites (2 Feb 2026 to 2 Mar 2026): its rate\'s 95% interval lay above every other site\'s. Twitching that keeps to one muscle group over weeks is worth showing a clinician.',
    );
  });

  it('a site must stand clear of every other, each with enough rest, to lead a recording', () => {
    const [close] = dated(rec('a.csv', '2026-02-02T08:00:00', { 'left calf': [30, 15], 'right calf': [22, 15] }));
    expect(siteLead(close)?.leader).toBeNull();
    const [shortRest] = dated(rec('b.csv', '2026-02-02T08:00:00', { 'left calf': [60, 15], 'right calf': [0, 1] }));
    expect(siteLead(shortRest)).toBeNull();
  });

  it('does not call it consistent when leaders differ, with few recordings, or within days', () => {
    const mixed = leadingSite(
      dated(
        rec('w1.csv', '2026-02-02T08:00:00', { 'left calf': [60, 15], 'right calf': [10, 15] }),
        rec('w2.csv', '2026-02-09T08:00:00', { 'left calf': [10, 15], 'right calf': [60, 15] }),
        rec('w3.csv', '2026-02-16T08:00:00', { 'left calf': [30, 15], 'right calf': [28, 15] }),
      ),
    );
    expect(mixed.consistent).toBe(false);
    expect(mixed.text).toBe('No one site led in most of the 3 recordings that compared two or more sites (2 Feb 2026 to 16 Feb 2026). Sites that led: left calf (1) and right calf (1).');
    expect(leadingSite(leftLeads.slice(0, 2)).consistent).toBe(false);
    const sameWeek = leadingSite(dated(...[1, 2, 3, 4].map((d) => rec(`d${d}.csv`, `2026-02-0${d}T08:00:00`, { 'left calf': [60, 15], 'right calf': [10, 15] }))));
    expect(sameWeek.consistent).toBe(false);
    expect(sameWeek.text).toMatch(/^Whether one site leads over weeks needs at least 3 recordings .* spread over 14 days or more; there are 4\.$/);
  });

  it('the trend report states it among its key findings and in its methods', () => {
    const html = buildTrendReportHtml({ recordings: leftLeads.map((d) => d.recording), software: { name: 'TwitchScope', version: '0' }, generatedAt: '2026-03-03T00:00:00Z' });
    const key = html.match(/<ol class="key"[\s\S]*?<\/ol>/)![0];
    expect(key).toContain('Left calf led in 4 of 5 recordings that compared two or more sites');
    expect(html).toContain('<b>One site leading:</b>');
    expect(html).toContain('assume independent events');
  });
});
