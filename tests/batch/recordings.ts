/** Simulated recordings of known twitch rates on chosen dates, written as generic CSVs the importer reads. */
import fs from 'node:fs';
import path from 'node:path';
import { genericCsv } from '../../core/simulate/csv';
import { simulate } from '../../core/simulate/recording';

export interface SessionSpec {
  file: string;
  /** Written as `# start_time = ...`, which the generic importer reads as the recording's start. */
  start: string;
  seed: number;
  /** Twitches per minute per channel label, e.g. { 'left calf EMG': 12 }. */
  rates: Record<string, number>;
  durationS?: number;
}

export function writeSession(dir: string, s: SessionSpec): string {
  const { recording } = simulate({
    name: s.file,
    description: 'trend test session',
    seed: s.seed,
    durationS: s.durationS ?? 180,
    emg: {
      fs: 1000,
      channels: Object.entries(s.rates).map(([label, rate], i) => ({
        id: `emg${i + 1}`,
        label,
        noise: 3,
        twitchesPerMinute: rate,
        snr: [12, 60] as [number, number],
        doubletFraction: 0,
        cramps: [],
      })),
    },
  });
  const file = path.join(dir, s.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, genericCsv(recording.channels, { start_time: s.start }));
  return file;
}
