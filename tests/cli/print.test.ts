import { describe, expect, it } from 'vitest';
import { describeAnalysis, describeRecording } from '../../cli/print';
import { describeTrend } from '../../cli/trend';
import { analyseRecording } from '../../core/analysis/analyse';
import { formatAmount, formatHz, formatNumber, formatRate } from '../../core/format';
import { emgRecording, spike } from '../detect/helpers';
import { rec } from '../trends/fixtures';

describe('CLI summary text', () => {
  it('prints the twitch rate as the app and report do: the table cell and the by-site line agree', () => {
    // A spike every 14 s over about 4 minutes of rest: 4.33 per minute, which the table once printed as "4.33"
    // while its by-site line said "4.3/min".
    const rec = emgRecording(2000, 250, 3, 7, (y) => {
      for (let t = 5; t < 245; t += 14) spike(y, 2000, t, 80);
    });
    const a = analyseRecording(rec);
    const ch = a.summary.channels[0];
    expect(ch.twitchesPerMinute).toBeGreaterThan(0);
    const text = describeAnalysis(rec, a);
    const row = text.split('\n').find((l) => l.trimStart().startsWith(`${ch.channel} (`))!;
    const cells = row.trim().split(/\s{2,}/);
    expect(cells[4]).toBe(formatNumber(ch.twitchesPerMinute!));
    expect(cells[4]).not.toBe(ch.twitchesPerMinute!.toFixed(2));
    expect(text).toContain(`= ${formatRate(a.summary.sites[0].twitchesPerMinute!)}`);
    // Noise floor and smallest twitch as the app's Results table prints them (they had three significant digits
    // and the file's "uV" here).
    expect(cells[7]).toBe(formatAmount(ch.noiseFloor, rec.channels[0].unit));
    expect(cells[8]).toBe(formatAmount(ch.minDetectable!, rec.channels[0].unit));
    expect(cells[7]).not.toBe(`${ch.noiseFloor.toPrecision(3)} ${rec.channels[0].unit}`);
  });

  it('prints sample rates as the import check and the report do', () => {
    const rec = emgRecording(2000, 10, 3, 7, () => undefined);
    const row = describeRecording(rec).split('\n').find((l) => l.trimStart().startsWith(`${rec.channels[0].id} `))!;
    expect(row.trim().split(/\s{2,}/)[4]).toBe(formatHz(2000));
    expect(formatHz(2000)).toBe('2000 Hz');
  });

  it('prints the rates of a trend as the app and report do', () => {
    // 13 in 3 min of rest is 4.33 per minute, printed "4.33/min" before the shared format.
    const text = describeTrend([rec('a.csv', '2026-01-05T08:00:00', { calf: [13, 3] }), rec('b.csv', '2026-01-12T08:00:00', { calf: [20, 3] })]);
    expect(text).toContain(`calf: ${formatRate(13 / 3)} → ${formatRate(20 / 3)}`);
    expect(text).toContain('calf: 4.3/min → 6.7/min');
  });
});
