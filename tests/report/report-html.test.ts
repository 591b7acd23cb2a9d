import { describe, expect, it } from 'vitest';
import { DISCLAIMER } from '../../core/guidance';
import { buildReportHtml, type ReportInput } from '../../core/report';
import { binWidthS, twitchHistogram } from '../../core/report/charts/timeline';
import { nightAnalysis } from '../support/night-analysis';
import { calfSession, threeSiteSession } from './simulated';

const calf = calfSession();
const software = { name: 'TwitchScope', version: '0.1.0' };
const base: ReportInput = { ...calf, answers: { weakness: 'no', caffeine: 'yes' }, software, generatedAt: '2026-03-15T08:12:00Z' };

function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
}

describe('buildReportHtml', () => {
  const html = buildReportHtml(base);

  it('is one self-contained document: no scripts, no outside resources, a strict CSP', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=|javascript:/i);
    const urls = html.match(/https?:\/\/[^\s"')]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html.match(/url\((?!#)/g)).toBeNull();
  });

  it('puts the sections in the agreed order and ends with the disclaimer', () => {
    const order = ['<header', 'class="key"', 'id="limits"', 'id="rates"', 'id="timeline"', 'id="sustained"', 'id="snippets"', 'id="checklist"', 'id="guidance"', 'id="quality"', 'id="methods"', 'id="disclaimer"'];
    const at = order.map((m) => html.indexOf(m));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(textOf(html)).toContain(DISCLAIMER);
  });

  it('states the simulated counts and per-site rates with exact intervals', () => {
    const twitches = calf.analysis.events.filter((e) => e.type === 'twitch').length;
    const text = textOf(html);
    // The wrist accelerometer shares the forearm site: its brief movements are counted apart from the EMG.
    const emgTwitches = calf.analysis.events.filter((e) => e.type === 'twitch' && e.channel.startsWith('emg')).length;
    expect(text).toContain(`${emgTwitches} twitch-like events in 2 of 2 sites over`);
    expect(text).toContain(`The accelerometer found ${twitches - emgTwitches} brief movements at rest, counted apart.`);
    for (const c of calf.analysis.summary.channels) {
      const name = c.channel === 'acc1' ? `${c.site} \\(accelerometer\\)` : c.site;
      expect(text).toMatch(new RegExp(`${name} 1 [\\d.]+ ${c.twitchCount} `));
    }
    expect(text).toContain('2 stretches of sustained activity, 65 s in total, longest 40 s, in left calf; the signal cannot tell whether each was a cramp or ordinary muscle use.');
    expect(text).toMatch(/95% interval \d/);
  });

  it('shows three to six waveform snippets with scale bars, including a sustained onset', () => {
    const figures = html.match(/<figure class="snippet">/g) ?? [];
    expect(figures.length).toBeGreaterThanOrEqual(3);
    expect(figures.length).toBeLessThanOrEqual(6);
    expect(textOf(html)).toContain('Sustained activity, onset');
    expect(textOf(html)).toContain('Twitch-like event');
    expect(html).toMatch(/>\d+ ms</);
    expect(html).toMatch(/>\d+ µV</);
  });

  it('lists checklist answers and the guidance with reasons and sources', () => {
    const text = textOf(html);
    expect(text).toMatch(/weakness where it twitches No/);
    expect(text).toMatch(/poor sleep not answered/);
    expect(text).toContain('Why: You answered yes to: caffeine or stimulants;');
    expect(text).toContain('Source: Everyday things that set off twitches');
  });

  it('escapes the file name and the subject', () => {
    const nasty = buildReportHtml({
      ...base,
      recording: { ...calf.recording, file: '<img src=x onerror=alert(1)>.csv' },
      subject: 'A & <b>B</b>',
    });
    expect(nasty).not.toContain('<img');
    expect(nasty).toContain('&#60;img src=x onerror=alert(1)&#62;.csv');
    expect(nasty).toContain('A &#38; &#60;b&#62;B&#60;/b&#62;');
  });

  it('shows the name only when one is given', () => {
    expect(textOf(html)).not.toContain('Name:');
    expect(textOf(buildReportHtml({ ...base, subject: 'J.D.' }))).toMatch(/Name J\.D\./);
  });

  it('cites Garwood always and the methods the parameters name', () => {
    const text = textOf(html);
    expect(text).toContain('Garwood F. Fiducial limits for the Poisson distribution');
    expect(text).toContain('Hermens HJ');
    expect(text).not.toContain('Kleine BU');
  });
});

describe('twitches over time', () => {
  it('bins every twitch once, in at most 60 bins on round widths', () => {
    const three = threeSiteSession();
    expect(binWidthS(600)).toBe(10);
    expect(binWidthS(1800)).toBe(30);
    expect(binWidthS(8 * 3600)).toBe(600);
    // Days, or a clock that jumped months ahead (npm run fuzz found a report overflowing the stack on 10^5 bins).
    for (const days of [3, 30, 400]) {
      const bin = binWidthS(days * 86400);
      expect(bin % 3600).toBe(0);
      expect(Math.ceil((days * 86400) / bin)).toBeLessThanOrEqual(60);
    }
    const hist = twitchHistogram(three.analysis, 1800, 30);
    expect(hist.length).toBe(60);
    const total = hist.reduce((a, b) => a + b, 0);
    expect(total).toBe(three.analysis.events.filter((e) => e.type === 'twitch').length);
  });
});

describe('a file detection cannot run on', () => {
  it('still gives a whole report that says why', () => {
    const html = buildReportHtml({
      ...base,
      recording: { ...calf.recording, channels: [], sensors: [], notRaw: 'the file holds 60 s activity counts, not raw samples.' },
      analysis: { channels: [], events: [], summary: { channels: [], sites: [] }, parameters: {} },
      answers: {},
    });
    const text = textOf(html);
    expect(text).toContain('Detection could not run on this file: the file holds 60 s activity counts, not raw samples.');
    expect(text).toContain('Nothing here could be searched for twitches');
    expect(text).toContain(DISCLAIMER);
  });
});

describe('data quality notes', () => {
  it('says a note shared by many channels once, naming them', () => {
    const a = calfSession();
    a.analysis.summary.channels.forEach((c) => (c.notes = ['Heartbeat found and removed.']));
    const text = textOf(buildReportHtml({ ...base, ...a }));
    expect(text.match(/Heartbeat found and removed/g)).toHaveLength(1);
    expect(text).toContain('left calf EMG (uV), right forearm EMG (uV) and wrist acc: Heartbeat found and removed.');
  });
});

describe('twitches per hour of rest, hour by hour', () => {
  const night = nightAnalysis({ hoursS: 6.5 * 3600, perHour: [10, 10, 60, 10, 2, 10, 5], sustained: [4 * 3600 + 120, 5 * 3600] });
  const overnight = (startTime: string | null): ReportInput => ({
    ...base,
    recording: { ...calf.recording, file: 'night.csv', durationS: 6.5 * 3600, startTime, channels: [], sensors: [] },
    analysis: night,
  });

  it('appears for an overnight recording, after the timeline, with each hour on its own clock', () => {
    const html = buildReportHtml(overnight('2026-03-14T23:30:00'));
    expect(html.indexOf('id="hourly"')).toBeGreaterThan(html.indexOf('id="timeline"'));
    expect(html.indexOf('id="hourly"')).toBeLessThan(html.indexOf('id="sustained"'));
    const hourly = textOf(/<section id="hourly">[\s\S]*?<\/section>/.exec(html)![0]);
    expect(hourly).toContain('Twitch-like events per hour of rest, hour by hour');
    expect(hourly).toMatch(/01:30–02:30 60 60 min 60 /);
    expect(hourly).toMatch(/00:30–01:30 10 60 min 10 /);
    expect(hourly).toMatch(/03:30–04:30 2 2 min too little rest/);
    expect(hourly).toMatch(/05:30–06:00 5 30 min 10 /);
    expect(hourly).toContain('less than 10 min of rest');
  });

  it('names hours from the start when the file is undated', () => {
    const hourly = textOf(/<section id="hourly">[\s\S]*?<\/section>/.exec(buildReportHtml(overnight(null)))![0]);
    expect(hourly).toMatch(/From the start/);
    expect(hourly).toMatch(/2–3 h 60 60 min 60 /);
  });

  it('is left out of a 10-minute recording', () => {
    expect(calf.recording.durationS).toBeLessThanOrEqual(600);
    expect(buildReportHtml(base)).not.toContain('id="hourly"');
  });
});
