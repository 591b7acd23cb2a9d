import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeEdf } from '../core/export/edf/write';
import type { Recording } from '../core/recording';
import { BENCH_DIR } from './generate';
import type { ChildResult } from './import';


/**
 * An hour of 8 EMG channels at 2 kHz as EDF+ (16-bit) or BDF+ (24-bit), written by TwitchScope's own exporter
 * from noise-like samples. Cached in .bench/.
 */
function generatedEdf(family: 'edf' | 'bdf'): string {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `emg-60min-8ch-2000hz.${family}`);
  if (fs.existsSync(file)) return file;
  const rate = 2000;
  const n = 3600 * rate;
  let seed = 12345;
  const channels = Array.from({ length: 8 }, (_, c) => {
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      data[i] = (seed / 4294967296 - 0.5) * 200;
    }
    return { id: `emg${c + 1}`, label: `site${c + 1} EMG`, kind: 'emg' as const, unit: 'uV', sampleRateHz: rate, startS: 0, data };
  });
  const rec: Recording = {
    file: 'bench',
    format: family,
    formatName: family,
    startTime: '2024-01-01T08:00:00',
    durationS: 3600,
    channels,
    sensors: [],
    warnings: [],
    timing: [],
    sizeBytes: 0,
    fingerprint: 'bench',
    meta: {},
  };
  fs.writeFileSync(`${file}.tmp`, writeEdf(rec, null, { signals: 'raw', software: 'TwitchScope bench' }).bytes);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/** EDF/BDF import throughput (issue 17: aim ≥ 200 MB/s), beside the time to merely read the bytes. */
export async function run(): Promise<void> {
  console.log('\n## EDF/BDF import: one hour, 8 channels at 2 kHz');
  console.log('| file | size | read bytes only | import (best of 3) | import CPU time | samples/s |');
  console.log('|---|---|---|---|---|---|');
  for (const family of ['edf', 'bdf'] as const) {
    const file = generatedEdf(family);
    const mb = fs.statSync(file).size / 1e6;
    const runs: ChildResult[] = [];
    for (let i = 0; i < 3; i++) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'import-child.ts'), file], { encoding: 'utf8' });
      runs.push(JSON.parse(out) as ChildResult);
    }
    const best = runs.reduce((a, b) => (b.importMs < a.importMs ? b : a));
    const cpu = Math.min(...runs.map((r) => r.cpuMs));
    // On a shared machine wall time includes waiting for a core; CPU time is what the import itself costs.
    console.log(
      `| ${path.basename(file)} | ${mb.toFixed(0)} MB | ${(mb / (best.readMs / 1000)).toFixed(0)} MB/s | ${(best.importMs / 1000).toFixed(2)} s = ${(mb / (best.importMs / 1000)).toFixed(0)} MB/s | ${(cpu / 1000).toFixed(2)} s = ${(mb / (cpu / 1000)).toFixed(0)} MB/s of CPU | ${(best.samples / (cpu / 1000) / 1e6).toFixed(0)} M per CPU-second |`,
    );
  }
}
