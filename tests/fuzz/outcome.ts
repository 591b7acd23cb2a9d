import Papa from 'papaparse';
import { describeAnalysis, describeRecording } from '../../cli/print';
import { printable } from '../../cli/terminal';
import { analyseRecording } from '../../core/analysis/analyse';
import { eventsToCsv } from '../../core/analysis/events-csv';
import type { Analysis } from '../../core/analysis/types';
import { summaryCsv, summaryRows } from '../../core/library/summary-csv';
import { toAnalysisJson } from '../../core/analysis/json';
import { buildReportHtml } from '../../core/report/index';
import { displaySignal } from '../../core/view/display-signal';
import { buildPyramid, queryWindow } from '../../core/view/pyramid';
import { bytesSource, importRecording, ImportError, type ImportOptions } from '../../core/import/index';
import type { Recording } from '../../core/recording';

/** What became of one fuzzed file: read (perhaps with warnings) or refused with a clear error. */
export type Outcome =
  | { kind: 'imported'; warnings: number; samples: number; events: number | null; ms: number }
  | { kind: 'error'; message: string; ms: number };

/** A file that crashed, hung or broke an invariant: the test fails with this. */
export class FuzzFailure extends Error {
  constructor(
    readonly what: string,
    readonly detail: unknown,
  ) {
    super(`${what}: ${detail instanceof Error ? `${detail.name}: ${detail.message}\n${detail.stack ?? ''}` : String(detail)}`);
    this.name = 'FuzzFailure';
  }
}

/**
 * Work is timed in CPU time, not on the clock: tests and fuzz runs share the machine, and a case waiting for a
 * core is not a slow case. (Process-wide, so an import's worker threads count too.)
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Generous: the importer reads ~100 MB/s; this only catches runaway work, never measures speed. */
export function timeBoundMs(bytes: number): number {
  return 2000 + bytes / 2000;
}

/**
 * Sample slots a recording may hold for a file of this size, however its time column jumps: 4 per cell
 * (every cell takes at least a byte) or the importer's budget of 2^24 per clock, for up to two clocks.
 */
export function sampleBound(bytes: number): number {
  return 4 * bytes + 2 * (1 << 24);
}

/** Imports (and, when `analyse`, analyses) one file; throws FuzzFailure on anything but a result or an ImportError. */
export async function runCase(name: string, bytes: Uint8Array, options: ImportOptions = {}, analyse = true): Promise<Outcome> {
  const t0 = cpuMs();
  let rec: Recording;
  try {
    rec = await importRecording(bytesSource(name, bytes), options);
  } catch (err) {
    const ms = cpuMs() - t0;
    if (!(err instanceof ImportError)) throw new FuzzFailure('import crashed', err);
    if (!err.message.startsWith(`${name}`)) throw new FuzzFailure('error does not name the file', err.message);
    if (err.line !== undefined && !(Number.isInteger(err.line) && err.line >= 1)) throw new FuzzFailure('error names an impossible line', err.message);
    if (ms > timeBoundMs(bytes.length)) throw new FuzzFailure('import too slow', `${ms.toFixed(0)} ms of CPU time for ${bytes.length} bytes`);
    return { kind: 'error', message: err.message, ms };
  }
  const ms = cpuMs() - t0;
  if (ms > timeBoundMs(bytes.length)) throw new FuzzFailure('import too slow', `${ms.toFixed(0)} ms of CPU time for ${bytes.length} bytes`);
  checkRecording(rec, bytes.length);
  let events: number | null = null;
  if (analyse) {
    try {
      // What the app's worker does next: the drawn signal and its zoom pyramid, then a full-width view.
      for (const ch of rec.channels) {
        const shown = displaySignal(ch);
        const p = buildPyramid(shown.data, ch.sampleRateHz, ch.startS);
        const w = queryWindow(p, 0, rec.durationS, 1200);
        if (w.x.length !== w.y.length || w.x.some((t) => !Number.isFinite(t))) throw new Error(`view of ${ch.id}: ${w.x.length} times for ${w.y.length} values`);
      }
    } catch (err) {
      throw new FuzzFailure('view crashed', err);
    }
    try {
      const a = analyseRecording(rec);
      events = a.events.length;
      for (const e of a.events) {
        if (!Number.isFinite(e.startS) || !Number.isFinite(e.endS) || e.endS < e.startS) throw new Error(`event with bad times ${e.startS}..${e.endS}`);
        if (!Number.isFinite(e.amplitude) || !Number.isFinite(e.snr)) throw new Error(`${e.type} event with amplitude ${e.amplitude}, snr ${e.snr}`);
      }
      for (const s of a.summary.channels) {
        for (const [k, v] of Object.entries(s)) if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`summary ${k} is ${v}`);
      }
      // The clinician's report is what the user sees of all this: it must build, and never print NaN.
      const html = buildReportHtml({ recording: rec, analysis: a, answers: {}, software: { name: 'TwitchScope', version: 'fuzz' }, generatedAt: '2026-01-01T00:00:00Z' });
      // Quoted file text ("first: "NaN"") and "rows are NaN" (OpenSignals' padding cells) are the file's own
      // words; any other NaN, Infinity or undefined is a number we failed to compute.
      const text = html
        .replace(/<style[\s\S]*?<\/style>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\(first: &#34;[\s\S]*?&#34;\)/g, '')
        .replace(/&#34;[\s\S]*?&#34;/g, '""')
        .replace(/rows are NaN/g, '');
      const bad = /\b(NaN|undefined|Infinity)\b/.exec(text);
      if (bad) throw new Error(`report shows "${bad[0]}": …${text.slice(Math.max(0, bad.index - 80), bad.index + 40)}…`);
      JSON.stringify(toAnalysisJson(rec, a, 'fuzz'));
      checkExports(rec, a);
    } catch (err) {
      throw new FuzzFailure(err instanceof FuzzFailure ? err.what : 'analysis crashed', err instanceof FuzzFailure ? err.detail : err);
    }
  }
  const samples = rec.channels.reduce((s, c) => s + c.data.length, 0);
  // Analysis and exports of these small files take milliseconds; this only catches runaway work.
  const total = cpuMs() - t0;
  if (total > 3 * timeBoundMs(bytes.length)) throw new FuzzFailure('case too slow', `${total.toFixed(0)} ms of CPU time for ${bytes.length} bytes`);
  return { kind: 'imported', warnings: rec.warnings.length, samples, events, ms };
}

const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * What leaves the app must be safe whatever the file held: no CSV cell a spreadsheet would run as a formula,
 * and nothing the command line prints that a terminal would act on.
 */
function checkExports(rec: Recording, a: Analysis): void {
  // Labels stand in for the site names a user types or a shipped sidecar brings, so the file's text reaches the CSV.
  const labelled = { ...a, channels: a.channels.map((c) => ({ ...c, site: c.label })) };
  const sites = a.channels.map((c) => ({ site: c.label, restS: 60, twitchCount: 1, twitchesPerMinute: 1, sustainedCount: 0, analysedS: 60 }));
  const tables = [eventsToCsv(labelled, rec), summaryCsv(summaryRows(rec.file, { startTime: rec.startTime, sites }))];
  const cells = tables.flatMap((t) => Papa.parse<string[]>(t.replace(/\n$/, ''), { delimiter: ',', newline: '\n' }).data.flat());
  for (const cell of cells) {
    if (FORMULA.test(cell) && !PLAIN_NUMBER.test(cell)) throw new FuzzFailure('CSV cell runs as a formula', JSON.stringify(cell));
  }
  const printed = printable(`${describeRecording(rec)}\n${describeAnalysis(rec, a)}`);
  const control = CONTROL.exec(printed);
  if (control) throw new FuzzFailure('printout holds a control character', `U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What every Recording promises downstream code, whatever file it came from. */
function checkRecording(rec: Recording, bytes: number): void {
  const fail = (why: string): never => {
    throw new FuzzFailure('recording breaks its contract', why);
  };
  if (rec.channels.length === 0) fail('no channels');
  if (!(rec.durationS >= 0 && Number.isFinite(rec.durationS))) fail(`duration ${rec.durationS}`);
  let slots = 0;
  const ids = new Set<string>();
  for (const c of rec.channels) {
    if (ids.has(c.id)) fail(`duplicate channel id ${c.id}`);
    ids.add(c.id);
    if (!(c.data instanceof Float32Array)) fail(`${c.id} data is not a Float32Array`);
    if (!(c.sampleRateHz > 0 && Number.isFinite(c.sampleRateHz))) fail(`${c.id} rate ${c.sampleRateHz}`);
    if (!Number.isFinite(c.startS)) fail(`${c.id} start ${c.startS}`);
    for (let i = 0; i < c.data.length; i++) {
      const v = c.data[i];
      if (v === Infinity || v === -Infinity) fail(`${c.id}[${i}] is ${v}: out-of-range values must become gaps`);
    }
    slots += c.data.length;
  }
  if (slots > sampleBound(bytes)) fail(`${slots} sample slots from ${bytes} bytes`);
  for (const s of rec.sensors) for (const id of s.channelIds) if (!ids.has(id)) fail(`sensor ${s.id} names missing channel ${id}`);
  for (const w of rec.warnings) if (typeof w.message !== 'string' || w.message.length === 0) fail('empty warning');
}
