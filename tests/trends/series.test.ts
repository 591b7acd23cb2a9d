import { describe, expect, it } from 'vitest';
import { calendarMs, dayLabel } from '../../core/trends/calendar';
import { compareRecordings, recordingsWithSite } from '../../core/trends/compare-entries';
import { firstToLatest, recordingLabels } from '../../core/trends/first-last';
import { filterByTags, placeInTime, rateSeries, spreadSeries, sustainedSeries } from '../../core/trends/series';
import { weeks } from './fixtures';

describe('recordings over calendar time', () => {
  it('reads start times without a zone as written, on every machine', () => {
    expect(calendarMs('2026-01-05T08:00:00')).toBe(Date.UTC(2026, 0, 5, 8));
    expect(calendarMs('2026-01-05 08:00')).toBe(Date.UTC(2026, 0, 5, 8));
    expect(calendarMs('2026-01-05T08:00:00+02:00')).toBe(Date.UTC(2026, 0, 5, 6));
    expect(calendarMs('2026-01-05')).toBe(Date.UTC(2026, 0, 5));
    expect(calendarMs(null)).toBeNaN();
    expect(calendarMs('last tuesday')).toBeNaN();
    expect(dayLabel(Date.UTC(2026, 0, 5, 8))).toBe('5 Jan 2026');
  });

  it('orders dated recordings and keeps undated ones apart', () => {
    const { dated, undated } = placeInTime(weeks);
    expect(dated.map((d) => d.recording.name)).toEqual(['week1.csv', 'week2.csv', 'week3.csv']);
    expect(undated.map((r) => r.name)).toEqual(['undated.csv']);
  });

  it('gives each site its rates with exact intervals, in time order', () => {
    const series = rateSeries(placeInTime(weeks).dated);
    expect(series.map((s) => s.site)).toEqual(['left calf', 'right calf']);
    const left = series[0].points;
    expect(left.map((p) => p.rate)).toEqual([5, 100 / 18, 200 / 18]);
    // Garwood limits for 90 twitches (72.34 to 110.6) over 18 minutes.
    expect(left[0].lower).toBeCloseTo(72.34 / 18, 2);
    expect(left[0].upper).toBeCloseTo(110.6 / 18, 1);
    expect(series[1].points[0]).toMatchObject({ rate: 0, lower: 0 });
    expect(series[1].points[0].upper).toBeCloseTo(3.689 / 18, 3);
  });

  it('counts sustained episodes per hour of analysed signal', () => {
    const left = sustainedSeries(placeInTime(weeks).dated)[0].points;
    expect(left.map((p) => p.perHour)).toEqual([0, 0, 3]);
    expect(left[2].lower).toBeCloseTo(0.0253 * 3, 3);
    expect(left[2].upper).toBeCloseTo(5.5716 * 3, 3);
  });

  it('counts the sites with twitches in each recording ("spreading")', () => {
    expect(spreadSeries(placeInTime(weeks).dated).map((p) => [p.recorded.length, p.withTwitches])).toEqual([
      [2, ['left calf']],
      [2, ['left calf']],
      [2, ['left calf', 'right calf']],
    ]);
  });

  it('filters by tags, either way', () => {
    expect(filterByTags(weeks, { with: ['Caffeine'] }).map((r) => r.name)).toEqual(['week3.csv', 'week2.csv']);
    expect(filterByTags(weeks, { without: ['poor sleep'] }).map((r) => r.name)).toEqual(['week3.csv', 'week1.csv', 'undated.csv']);
  });

  it('compares the latest recording of each site with its first', () => {
    const changes = firstToLatest(rateSeries(placeInTime(weeks).dated));
    expect(changes.map((c) => [c.site, c.comparison.verdict])).toEqual([
      ['left calf', 'higher'],
      ['right calf', 'higher'],
    ]);
    expect(changes[0].comparison.text).toMatch(/^Higher in the 19 Jan recording: 11 twitch-like events per minute of rest, against 5 in the 5 Jan recording\./);
  });

  it('names recordings by day, adding the year or the time only when needed', () => {
    expect(recordingLabels(Date.UTC(2025, 11, 29, 8), Date.UTC(2026, 0, 5, 8))).toEqual(['the 29 Dec 2025 recording', 'the 5 Jan 2026 recording']);
    expect(recordingLabels(Date.UTC(2026, 0, 5, 8), Date.UTC(2026, 0, 5, 21, 30))).toEqual(['the 5 Jan 08:00 recording', 'the 5 Jan 21:30 recording']);
  });
});

describe('comparing two chosen recordings', () => {
  it('compares one site of two recordings, named by date, and lists the recordings a site can be compared in', () => {
    const [week3, week1, undated, week2] = weeks;
    expect(recordingsWithSite(weeks, 'right calf').map((r) => r.name)).toEqual(['week3.csv', 'week1.csv', 'week2.csv']);
    expect(compareRecordings(week1, week2, 'left calf')!.text).toBe(
      'About the same: 5.6 twitch-like events per minute of rest in the 12 Jan recording, 5 in the 5 Jan recording. The rate in the 12 Jan recording is 1.1 times that in the 5 Jan recording (95% interval 0.83 to 1.5 times), a range that includes no change.',
    );
    expect(compareRecordings(undated, week3, 'left calf')!.text).toMatch(/^Higher in week3\.csv: 11 twitch-like events per minute of rest, against 4 in undated\.csv\./);
    expect(compareRecordings(undated, week3, 'right calf')).toBeNull();
  });
});
