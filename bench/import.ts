import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generatedCsv } from './generate';

/** What bench/import-child.ts prints for one import. */
export interface ChildResult {
  bytes: number;
  readMs: number;
  importMs: number;
  cpuMs: number;
  samples: number;
  floatBytes: number;
  rss0: number;
  maxBefore: number;
  peak: number;
}

/**
 * Import throughput and peak memory on a generated 30-minute, 4-channel, 2 kHz CSV (issue: ≥ 100 MB/s,
 * peak ≤ 3× the float32 data), beside the time to merely read the file's bytes.
 */
export async function run(): Promise<void> {
  const file = generatedCsv(30, 4, 2000);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`\n## Import: ${path.basename(file)} (${mb.toFixed(1)} MB)`);
  const runs: ChildResult[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'import-child.ts'), file], { encoding: 'utf8' });
    runs.push(JSON.parse(out) as ChildResult);
  }
  const best = runs.reduce((a, b) => (b.importMs < a.importMs ? b : a));
  const peakGrowth = Math.max(...runs.map((r) => r.peak - Math.max(r.rss0, r.maxBefore)));
  const peakOverRss0 = Math.max(...runs.map((r) => r.peak - r.rss0));
  const data = best.floatBytes;
  console.log(`| measure | value |`);
  console.log(`|---|---|`);
  console.log(`| read bytes only | ${(best.readMs / 1000).toFixed(2)} s (${(mb / (best.readMs / 1000)).toFixed(0)} MB/s) |`);
  console.log(`| import (best of 3) | ${(best.importMs / 1000).toFixed(2)} s |`);
  console.log(`| import throughput | ${(mb / (best.importMs / 1000)).toFixed(0)} MB/s, ${(best.samples / (best.importMs / 1000) / 1e6).toFixed(1)} M samples/s |`);
  // On a shared machine wall time includes waiting for a core; CPU time is what the import itself costs.
  console.log(`| import CPU time | ${(best.cpuMs / 1000).toFixed(2)} s = ${(mb / (best.cpuMs / 1000)).toFixed(0)} MB/s of CPU |`);
  console.log(`| float32 data | ${(data / 1e6).toFixed(1)} MB (${best.samples.toLocaleString('en')} samples) |`);
  console.log(`| peak memory growth during import | ${(peakOverRss0 / 1e6).toFixed(1)} MB = ${(peakOverRss0 / data).toFixed(2)}× the float32 data (aim ≤ 3×) |`);
  if (peakGrowth !== peakOverRss0) console.log(`| (above the process's earlier peak) | ${(peakGrowth / 1e6).toFixed(1)} MB |`);
}
