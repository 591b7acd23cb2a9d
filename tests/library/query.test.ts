import { describe, expect, it } from 'vitest';
import { queryLibrary } from '../../core/library/query';
import type { LibraryEntry } from '../../core/library/schema';
import { summaryCsv, summaryRows } from '../../core/library/summary-csv';

function entry(name: string, startTime: string | null, rates: Record<string, [number, number]>, tags: string[] = [], extra: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    fingerprint: `fp-${name}`,
    location: `/rec/${name}`,
    name,
    startTime,
    durationS: 600,
    format: 'generic-csv',
    formatName: 'Generic CSV',
    sizeBytes: 1,
    sites: Object.entries(rates).map(([site, [count, restS]]) => ({ site, restS, twitchCount: count, twitchesPerMinute: (count * 60) / restS, sustainedCount: 0, analysedS: 600 })),
    tags,
    analysedAt: '2026-01-20T00:00:00Z',
    addedAt: '2026-01-20T00:00:00Z',
    sensitivity: null,
    missing: false,
    ...extra,
  };
}

const entries = [
  entry('week2.csv', '2026-01-12T08:00:00', { 'left calf': [60, 600] }, ['caffeine']),
  entry('undated.csv', null, { 'right calf': [5, 600] }),
  entry('week1.csv', '2026-01-05T08:00:00', { 'left calf': [30, 600], 'right calf': [3, 600] }, ['poor sleep', 'caffeine']),
  entry('week10.csv', '2026-03-09T08:00:00', { 'left calf': [10, 600] }, [], { missing: true }),
];

describe('library list', () => {
  it('sorts by date with undated recordings last in both directions', () => {
    expect(queryLibrary(entries).map((e) => e.name)).toEqual(['week1.csv', 'week2.csv', 'week10.csv', 'undated.csv']);
    expect(queryLibrary(entries, { descending: true }).map((e) => e.name)).toEqual(['week10.csv', 'week2.csv', 'week1.csv', 'undated.csv']);
  });

  it('sorts names as people count and rates by the highest site', () => {
    expect(queryLibrary(entries, { sortBy: 'name' }).map((e) => e.name)).toEqual(['undated.csv', 'week1.csv', 'week2.csv', 'week10.csv']);
    expect(queryLibrary(entries, { sortBy: 'rate', descending: true }).map((e) => e.name)).toEqual(['week2.csv', 'week1.csv', 'week10.csv', 'undated.csv']);
  });

  it('searches every word across name, sites, tags and state, and filters by tag', () => {
    expect(queryLibrary(entries, { search: 'RIGHT calf' }).map((e) => e.name)).toEqual(['week1.csv', 'undated.csv']);
    expect(queryLibrary(entries, { search: 'missing' }).map((e) => e.name)).toEqual(['week10.csv']);
    expect(queryLibrary(entries, { search: '2026-01' }).map((e) => e.name)).toEqual(['week1.csv', 'week2.csv']);
    expect(queryLibrary(entries, { tags: ['Caffeine'] }).map((e) => e.name)).toEqual(['week1.csv', 'week2.csv']);
    expect(queryLibrary(entries, { tags: ['caffeine', 'poor sleep'] }).map((e) => e.name)).toEqual(['week1.csv']);
  });
});

describe('batch summary table', () => {
  it('has one row per recording and site, and a row for a recording without sites', () => {
    const rows = [...summaryRows('a,b.csv', entries[2]), ...summaryRows('none.csv', { startTime: null, sites: [] })];
    expect(summaryCsv(rows)).toBe(
      [
        'file,start_time,site,rest_min,twitch_count,twitches_per_min,no_rate,sustained_count',
        '"a,b.csv",2026-01-05T08:00:00,left calf,10.00,30,3.000,,0',
        '"a,b.csv",2026-01-05T08:00:00,right calf,10.00,3,0.300,,0',
        'none.csv,,,0.00,0,,,0',
        '',
      ].join('\n'),
    );
  });
});
