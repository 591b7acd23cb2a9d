import fs from 'node:fs';
import path from 'node:path';

export const BENCH_DIR = path.resolve(__dirname, '../.bench');

/**
 * A generic-CSV recording of `minutes` at `rateHz` with `channels` EMG columns of noise-like values
 * (µV, two decimals) and a time column in seconds: the shape of a research EMG export. Cached in .bench/.
 */
export function generatedCsv(minutes: number, channels: number, rateHz: number): string {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `emg-${minutes}min-${channels}ch-${rateHz}hz.csv`);
  if (fs.existsSync(file)) return file;
  const n = Math.round(minutes * 60 * rateHz);
  const fd = fs.openSync(`${file}.tmp`, 'w');
  const header = ['time_s', ...Array.from({ length: channels }, (_, c) => `site${c + 1} EMG (uV)`)].join(',');
  fs.writeSync(fd, header + '\n');
  let seed = 12345;
  const rand = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let line = (i / rateHz).toFixed(4);
    for (let c = 0; c < channels; c++) line += ',' + ((rand() + rand() + rand() - 1.5) * 12).toFixed(2);
    lines.push(line);
    if (lines.length === 20000) {
      fs.writeSync(fd, lines.join('\n') + '\n');
      lines.length = 0;
    }
  }
  if (lines.length) fs.writeSync(fd, lines.join('\n') + '\n');
  fs.closeSync(fd);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
