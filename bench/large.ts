import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { analyseRecording } from '../core/analysis/analyse';
import { importRecording, ImportCancelled } from '../core/import';
import { fileSource } from '../cli/node-source';
import { generatedCsv } from './generate';

/** What one child process measured; times in ms, memory in bytes. */
interface LargeResult {
  bytes: number;
  samples: number;
  floatBytes: number;
  importMs: number;
  importCpuMs: number;
  firstProgressMs: number;
  importPeakGrowth: number;
  analyseMs: number;
  analyseCpuMs: number;
  analysePeakGrowth: number;
  events: number;
}

interface CancelResult {
  importAbortAt: number;
  importLatencyMs: number;
  importCancelled: boolean;
  analyseAbortAt: number;
  analyseLatencyMs: number;
  analyseCancelled: boolean;
}

const MINUTES = 60;
const CHANNELS = 8;
const RATE_HZ = 2000;

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

/** Import then analyse, as the app's worker does, with the progress callbacks it passes. */
async function measure(file: string): Promise<LargeResult> {
  const source = await fileSource(file);
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let firstProgressMs = -1;
  const rec = await importRecording(source, {
    onProgress: () => {
      if (firstProgressMs < 0) firstProgressMs = performance.now() - t0;
    },
  });
  const importMs = performance.now() - t0;
  const importCpuMs = cpuMs(cpu0);
  const importPeak = maxRss();
  await source.close();

  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const analysis = analyseRecording(rec, { onProgress: () => undefined });
  const analyseMs = performance.now() - t1;
  const analyseCpuMs = cpuMs(cpu1);
  return {
    bytes: source.size,
    samples: rec.channels.reduce((s, c) => s + c.data.length, 0),
    floatBytes: rec.channels.reduce((s, c) => s + c.data.byteLength, 0),
    importMs,
    importCpuMs,
    firstProgressMs,
    importPeakGrowth: importPeak - rss0,
    analyseMs,
    analyseCpuMs,
    analysePeakGrowth: maxRss() - rss0,
    events: analysis.events.length,
  };
}

/** Presses Cancel partway through the import, then partway through the analysis, and times the answer. */
async function measureCancel(file: string): Promise<CancelResult> {
  const source = await fileSource(file);
  const signal = { aborted: false };
  let abortedAt = 0;
  let fraction = 0;
  let importAbortAt = 0;
  let importCancelled = false;
  // A timer, like a Cancel message, runs whenever the import yields between chunks.
  const timer = setTimeout(() => {
    signal.aborted = true;
    importAbortAt = fraction;
    abortedAt = performance.now();
  }, 2000);
  try {
    await importRecording(source, { signal, onProgress: (f) => (fraction = f) });
  } catch (e) {
    importCancelled = e instanceof ImportCancelled;
  }
  clearTimeout(timer);
  const importLatencyMs = performance.now() - abortedAt;
  await source.close();

  // Checkpoints fall between stages of one channel, so the hour-long channels give the honest (longest) wait.
  const again = await fileSource(file);
  const rec = await importRecording(again);
  await again.close();
  const aSignal = { aborted: false };
  let analyseAbortAt = 0;
  let analyseCancelled = false;
  try {
    analyseRecording(rec, {
      signal: aSignal,
      onProgress: (f) => {
        if (!aSignal.aborted && f >= 0.15) {
          analyseAbortAt = f;
          aSignal.aborted = true;
          abortedAt = performance.now();
        }
      },
    });
  } catch (e) {
    analyseCancelled = e instanceof Error && e.name === 'AbortError';
  }
  return { importAbortAt, importLatencyMs, importCancelled, analyseAbortAt, analyseLatencyMs: performance.now() - abortedAt, analyseCancelled };
}

function child(mode: 'measure' | 'cancel', file: string): unknown {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out);
}

/**
 * The large-file check: a generated 1-hour, 8-channel, 2 kHz CSV imported and analysed in a fresh process
 * (so its peak memory is the work's alone), then Cancel pressed partway through each stage.
 */
export async function run(): Promise<void> {
  const file = generatedCsv(MINUTES, CHANNELS, RATE_HZ);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`\n## Large file: ${path.basename(file)} (${mb.toFixed(0)} MB, ${MINUTES} min × ${CHANNELS} channels at ${RATE_HZ} Hz)`);
  console.log('Measured in Node with the functions the app\'s Web Worker runs (importRecording, analyseRecording), so these are the worker\'s figures less message passing.');
  const r = child('measure', file) as LargeResult;
  const c = child('cancel', file) as CancelResult;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`| measure | value |`);
  console.log(`|---|---|`);
  console.log(`| float32 data | ${(r.floatBytes / 1e6).toFixed(0)} MB (${r.samples.toLocaleString('en')} samples) |`);
  console.log(`| import wall / CPU time | ${s(r.importMs)} / ${s(r.importCpuMs)} |`);
  console.log(`| import throughput | ${(mb / (r.importMs / 1000)).toFixed(0)} MB/s, ${(r.samples / (r.importMs / 1000) / 1e6).toFixed(1)} M samples/s (CPU: ${(mb / (r.importCpuMs / 1000)).toFixed(0)} MB/s) |`);
  console.log(`| import peak memory growth | ${(r.importPeakGrowth / 1e6).toFixed(0)} MB = ${(r.importPeakGrowth / r.floatBytes).toFixed(2)}× the float32 data (aim ≤ 3×) |`);
  console.log(`| first progress report | ${r.firstProgressMs.toFixed(0)} ms after the import starts |`);
  console.log(`| analysis wall / CPU time | ${s(r.analyseMs)} / ${s(r.analyseCpuMs)} (${(r.samples / (r.analyseMs / 1000) / 1e6).toFixed(1)} M samples/s, ${r.events} events) |`);
  console.log(`| peak memory growth, import + analysis | ${(r.analysePeakGrowth / 1e6).toFixed(0)} MB = ${(r.analysePeakGrowth / r.floatBytes).toFixed(2)}× the float32 data |`);
  console.log(`| Cancel during import (at ${(c.importAbortAt * 100).toFixed(0)} % of the bytes) | ${c.importCancelled ? 'ImportCancelled' : 'NOT cancelled'} ${c.importLatencyMs.toFixed(0)} ms later |`);
  console.log(`| Cancel during analysis (at ${(c.analyseAbortAt * 100).toFixed(0)} %), through the abort signal | ${c.analyseCancelled ? 'AbortError' : 'NOT cancelled'} ${c.analyseLatencyMs.toFixed(0)} ms later (the next checkpoint) |`);
  console.log('The app\'s Cancel button terminates the worker, which frees the page at once; the abort-signal figures are what the in-thread client and the command line wait.');
}

if (require.main === module) {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'measure') void measure(file).then((r) => process.stdout.write(JSON.stringify(r)));
  else if (mode === 'cancel') void measureCancel(file).then((r) => process.stdout.write(JSON.stringify(r)));
  else void run();
}
