/**
 * Three simulated resting recordings of one site on three dates, as generic CSV, for the library and trends
 * scenarios of `4-library.e2e.mjs` and `1-start.e2e.mjs`: the first two at one twitch rate, the third at six
 * times it.
 *
 *   tsx tests/e2e/trend-recordings.ts <out dir>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { genericCsv } from '../../core/simulate/csv';
import { simulate } from '../../core/simulate/recording';

export const TREND_SITE = 'right shin';

const RECORDINGS = [
  { file: 'shin-week1.csv', start: '2026-01-05T08:00:00', twitchesPerMinute: 6, seed: 11 },
  { file: 'shin-week2.csv', start: '2026-01-12T08:00:00', twitchesPerMinute: 6, seed: 12 },
  { file: 'shin-week3.csv', start: '2026-01-19T08:00:00', twitchesPerMinute: 36, seed: 13 },
];

const out = process.argv[2];
if (!out) throw new Error('usage: trend-recordings.ts <out dir>');
for (const r of RECORDINGS) {
  const { recording } = simulate({
    name: r.file,
    description: `resting ${TREND_SITE} EMG, ${r.twitchesPerMinute} twitches per minute`,
    seed: r.seed,
    durationS: 120,
    emg: {
      fs: 1000,
      channels: [{ id: 'emg1', label: `${TREND_SITE} EMG`, noise: 3, twitchesPerMinute: r.twitchesPerMinute, snr: [15, 40], doubletFraction: 0, cramps: [] }],
    },
  });
  writeFileSync(join(out, r.file), genericCsv(recording.channels, { start_time: r.start }));
}
console.log(RECORDINGS.map((r) => r.file).join('\n'));
