import type { TrendRecording } from '../../core/trends/series';

/** A trend recording with site figures given as [twitches, rest minutes, sustained]. */
export function rec(name: string, startTime: string | null, sites: Record<string, [number, number, number?]>, tags: string[] = []): TrendRecording {
  return {
    fingerprint: `fp-${name}`,
    name,
    startTime,
    durationS: 1200,
    sites: Object.entries(sites).map(([site, [count, restMin, sustained]]) => ({
      site,
      restS: restMin * 60,
      twitchCount: count,
      twitchesPerMinute: restMin > 0 ? count / restMin : 0,
      sustainedCount: sustained ?? 0,
      analysedS: 1200,
    })),
    tags,
  };
}

/** Three weeks of one person: the left calf rises, the right calf starts twitching in week 3. */
export const weeks: TrendRecording[] = [
  rec('week3.csv', '2026-01-19T08:00:00', { 'left calf': [200, 18, 1], 'right calf': [30, 18] }, ['caffeine']),
  rec('week1.csv', '2026-01-05T08:00:00', { 'left calf': [90, 18], 'right calf': [0, 18] }),
  rec('undated.csv', null, { 'left calf': [40, 10] }),
  rec('week2.csv', '2026-01-12T08:00:00', { 'left calf': [100, 18], 'right calf': [0, 18] }, ['poor sleep', 'caffeine']),
];
