/**
 * A dated 4.5-hour recording of one calf EMG channel at 1 kHz for the overnight scenario of `3-files.e2e.mjs`:
 * about 1 twitch a minute, 4 a minute in the third hour, and ten minute-long cramp-like stretches in the fourth
 * (about 10 min less rest there). Written an hour at a time: 16 M rows.
 *
 *   tsx tests/e2e/night-recording.ts <out dir>
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { simulateEmg } from '../../core/simulate/emg';

export const NIGHT_FILE = 'night-calf.csv';
const FS = 1000;
const HOURS: ReadonlyArray<{ durationS: number; perMinute: number; cramps: boolean }> = [
  { durationS: 3600, perMinute: 1, cramps: false },
  { durationS: 3600, perMinute: 1, cramps: false },
  { durationS: 3600, perMinute: 4, cramps: false },
  { durationS: 3600, perMinute: 1, cramps: true },
  { durationS: 1800, perMinute: 1, cramps: false },
];

const file = join(process.argv[2], NIGHT_FILE);
const fd = openSync(file, 'w');
writeSync(fd, `# start_time = 2026-03-14T23:30:00\n# rate_hz = ${FS}\nleft calf EMG (uV)\n`);
HOURS.forEach((h, i) => {
  const cramps = h.cramps ? Array.from({ length: 10 }, (_, k) => ({ startS: 20 + k * 355, durationS: 60 })) : [];
  const { data } = simulateEmg({ id: 'emg1', fs: FS, durationS: h.durationS, seed: 40 + i, noise: 4, twitchesPerMinute: h.perMinute, snr: [8, 60], doubletFraction: 0.1, cramps });
  const lines: string[] = [];
  for (let k = 0; k < data.length; k++) {
    lines.push(data[k].toFixed(1));
    if (lines.length === 100_000) {
      writeSync(fd, lines.join('\n') + '\n');
      lines.length = 0;
    }
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
});
closeSync(fd);
console.log(NIGHT_FILE);
