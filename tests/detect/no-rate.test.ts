import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { toAnalysisJson } from '../../core/analysis/json';
import type { Recording } from '../../core/recording';
import { buildReportHtml } from '../../core/report/index';
import { Prng } from '../../core/simulate/prng';
import { addPotential } from '../../core/simulate/shapes';
import { describeAnalysis } from '../../cli/print';
import { emgRecording, spike } from './helpers';

/** A light voluntary contraction: one unit firing at 9 Hz (interval CV 0.15) from `from` to `to` seconds. */
function tonic(y: Float64Array, fs: number, from: number, to: number): void {
  const rng = new Prng(5);
  for (let t = from; t < to; t += Math.max(0.4, 1 + 0.15 * rng.gaussian()) / 9) addPotential(y, fs, t, 'triphasic', 0.003, 40);
}

const report = (rec: Recording): string =>
  buildReportHtml({ recording: rec, analysis: analyseRecording(rec), answers: {}, software: { name: 'TwitchScope', version: 'test' }, generatedAt: '2026-01-01T00:00:00Z' });

describe('no rest, no rate', () => {
  const active = (): Recording => emgRecording(2000, 120, 3, 1, (y) => tonic(y, 2000, 0.5, 119.5));

  it('a muscle active throughout has no twitch rate, one plain note, and null in the JSON', () => {
    const rec = active();
    const a = analyseRecording(rec);
    const ch = a.summary.channels[0];
    expect(ch.twitchesPerMinute).toBeNull();
    expect(ch.noRate).toBe('no-rest');
    expect(ch.notes.filter((n) => /rest/i.test(n))).toEqual(['Active throughout: no rest to count twitches in.']);
    expect(a.summary.sites[0]).toMatchObject({ site: 'left calf', twitchesPerMinute: null, noRate: 'no-rest' });
    const json = JSON.parse(JSON.stringify(toAnalysisJson(rec, a, 'test')));
    expect(json.schema).toBe('twitchscope.analysis/2');
    expect(json.summary.channels[0].twitchesPerMinute).toBeNull();
    expect(json.events.some((e: { type: string; pattern?: string }) => e.type === 'activity' && e.pattern === 'tonic')).toBe(true);
  });

  it('the CLI and the report say "no rest" and never print a rate or "rough figure" for it', () => {
    const rec = active();
    const text = describeAnalysis(rec, analyseRecording(rec));
    expect(text).toMatch(/left calf: no rest: no twitch rate/);
    expect(text).not.toMatch(/rough figure|0\.00/);
    const html = report(rec);
    expect(html).toMatch(/No rate of twitch-like events: no rest/);
    expect(html).toMatch(/<td[^>]*>no rest<\/td>/);
  });

  it('a short recording says how much rest it had, with no rate and no rounding contradiction', () => {
    const rec = emgRecording(2000, 45, 3, 2, (y) => spike(y, 2000, 20, 80));
    const ch = analyseRecording(rec).summary.channels[0];
    expect(ch.twitchesPerMinute).toBeNull();
    expect(ch.notes).toContain('Only 45 s of rest: a twitch rate needs at least 60 s, so none is given.');
  });

  it('a rate from 1-2 min of rest is given and called rough, with the seconds kept', () => {
    const rec = emgRecording(2000, 110, 3, 3, (y) => spike(y, 2000, 50, 80));
    const ch = analyseRecording(rec).summary.channels[0];
    expect(ch.twitchesPerMinute).toBeGreaterThan(0);
    expect(ch.notes.some((n) => /^Only 1 min 49 s of rest: the rate is a rough figure \(2 min or more/.test(n))).toBe(true);
  });
});

describe('say when it cannot tell', () => {
  it('a channel with 60 µV of noise cannot show 150 µV twitches: it states its floor and gives no rate', () => {
    const rec = emgRecording(2000, 180, 60, 4, (y) => {
      for (let t = 5; t < 175; t += 4.3) spike(y, 2000, t, 150);
    });
    const a = analyseRecording(rec);
    const ch = a.summary.channels[0];
    expect(ch.minDetectable).toBeGreaterThan(150);
    expect(ch.twitchesPerMinute).toBeNull();
    expect(ch.noRate).toBe('cannot-tell');
    expect(ch.notes.some((n) => n.startsWith('Too noisy to tell'))).toBe(true);
    expect(a.summary.sites[0].noRate).toBe('cannot-tell');
    const html = report(rec);
    expect(html).toContain('No rate of twitch-like events: cannot tell: on every channel, noise or left-over mains hum could hide twitch-like events or pass for them (each channel&#39;s note says which).');
    expect(html).toContain('Cannot tell: on every channel, noise or left-over mains hum could hide');
    expect(html).toMatch(/Too noisy to tell/);
    // The by-site table shows no count and no rest for a site that cannot tell (a 0 would read as none found),
    // and the guidance says the recording could not be judged, not that it had too little rest.
    const row = html.match(/<tr><td>[^<]*<\/td><td class="num">1<\/td>(.*?)<\/tr>/)?.[1];
    expect(row).toMatch(/^<td class="num">–<\/td><td class="num">–<\/td><td class="num">cannot tell<\/td>/);
    expect(html).toContain('Twitch-like events could not be judged here');
    expect(html).not.toContain('Too little quiet time');
  });

  it('a quiet channel states a floor in µV a few times its noise, and no counted twitch is below it', () => {
    const rec = emgRecording(2000, 150, 3, 5, (y) => {
      for (let t = 5; t < 145; t += 3.1) spike(y, 2000, t, 12 + (t % 40));
    });
    const a = analyseRecording(rec);
    const ch = a.summary.channels[0];
    expect(ch.minDetectable).toBeGreaterThan(10);
    expect(ch.minDetectable).toBeLessThan(25);
    const counted = a.events.filter((e) => e.type === 'twitch');
    expect(counted.length).toBeGreaterThan(20);
    for (const e of counted) expect(e.amplitude).toBeGreaterThanOrEqual(ch.minDetectable!);
  });
});
