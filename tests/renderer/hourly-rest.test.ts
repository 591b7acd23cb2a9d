import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { hourlyRest } from '../../core/analysis/hourly-rest';
import { HourlyRest } from '../../renderer/results/HourlyRest';
import { Results } from '../../renderer/results/Results';
import { nightAnalysis } from '../support/night-analysis';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('Results: twitches per hour of rest, hour by hour', () => {
  const hours = hourlyRest(nightAnalysis({ hoursS: 6.5 * 3600, perHour: [10, 10, 60, 10, 2, 10, 5], sustained: [4 * 3600 + 120, 5 * 3600] }), '2026-03-14T23:30:00')!;
  const html = renderToStaticMarkup(createElement(HourlyRest, { hours }));

  it('draws one bar per hour, the busy hour tallest, and marks the hour without a figure in words, not colour', () => {
    const rates = [...html.matchAll(/data-testid="hourly-bar" data-rate="([^"]+)"/g)].map((m) => m[1]);
    expect(rates).toEqual(['10.000', '10.000', '60.000', '10.000', 'none', '10.000', '10.000']);
    expect(text(html)).toMatch(/03:30–04:30: no figure, too little rest \(2 twitches in 2 min of rest\)/);
    expect(text(html)).toContain('–: too little rest.');
  });

  it('has the same figures as a table behind a keyboard-reachable summary, and says how to read them', () => {
    expect(html).toMatch(/<details class="chart-table"><summary>Show the hours as a table<\/summary>/);
    expect(html).toMatch(/role="img" aria-label="Twitches per hour of rest for each hour; the figures are in the table below the chart"/);
    const rows = [...html.matchAll(/<tr data-testid="hourly-row">(.*?)<\/tr>/g)].map((m) => text(m[1]).trim());
    expect(rows[2]).toBe('01:30–02:30 60 60 min 60');
    expect(rows[4]).toBe('03:30–04:30 2 2 min too little rest');
    expect(text(html)).toContain('No figure (too little rest) for an hour with less than 10 min of rest');
  });
});

describe('Results shows the hours only for long recordings', () => {
  const results = (hoursS: number, perHour: number[]) =>
    renderToStaticMarkup(createElement(Results, { analysis: nightAnalysis({ hoursS, perHour }), durationS: hoursS, startTime: null }));

  it('for a 4.5-hour recording, after the twitches over time, named from the start when undated', () => {
    const html = results(4.5 * 3600, [5, 5, 20, 5, 2]);
    expect(html.indexOf('data-testid="hourly"')).toBeGreaterThan(html.indexOf('id="r-time"'));
    expect(text(html)).toContain('2–3 h 20 60 min 20');
  });

  it('not for a 10-minute one', () => {
    expect(results(600, [3])).not.toContain('hourly');
  });
});
