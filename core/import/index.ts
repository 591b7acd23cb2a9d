import { whenAborted } from '../abort';
import type { Recording } from '../recording';
import { buildRecording } from './build';
import { TableCollector, type ColumnSlots } from './collect';
import { ImportCancelled, ImportError } from './errors';
import { fingerprint } from './fingerprint';
import { layoutOf, type Layout } from './layout';
import { fieldSplitter, readHead, splitFields, type Head } from './head';
import type { ImportOptions } from './options';
import type { FormatDef } from './formats/format';
import { columnKey } from './formats/plan-builder';
import { BINARY_FORMATS, binaryFormatById, FORMATS, formatById } from './formats/registry';
import type { TablePlan } from './plan';
import { chunkAt, joinRanges, sharedColumns, splitAtLines, type RangeLane, type RangeScan, type RangeTask } from './ranges';
import { DelimitedScanner, LineTooLong, LONGEST_DATA_LINE } from './scan';
import type { ByteSource } from './source';
import { createDecoder, encodeUtf8 } from './text';

export { ImportError, ImportCancelled } from './errors';
export type { ImportOptions } from './options';
export { ALL_FORMATS, FORMATS } from './formats/registry';
export type { ByteSource } from './source';
export type { RangeLane } from './ranges';
export type { Layout } from './layout';
export type { ImportTemplate } from './templates';
export { bytesSource, blobSource, textSource } from './source';

const CHUNK = 1 << 20;
/** A line this long among the first few cannot be a header or the first rows: the head would not hold the table. */
const LONGEST_HEADER_LINE = 128 * 1024;

function pickFormat(head: Head, forced?: string) {
  if (!forced) return detectFormat(head);
  const def = formatById(forced);
  if (!def) throw new ImportError(head.name, `unknown format "${forced}"`, `run "twitchscope formats" for the list of ids`);
  return def;
}

/** The format whose signature the head fits best (the generic table last). */
function detectFormat(head: Head): FormatDef {
  let best = FORMATS[FORMATS.length - 1];
  let bestScore = -1;
  for (const f of FORMATS) {
    const s = f.detect(head);
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Bytes → Recording. Streams the file in 1 MiB chunks (memory stays near the size of the samples),
 * reports progress as the fraction of bytes read, and stops with ImportCancelled when `signal` aborts.
 * With `parallel` (threads that can read the same source), a large file's lines are read in ranges at once.
 */
export async function importRecording(source: ByteSource, options: ImportOptions = {}, parallel?: ParallelRead): Promise<Recording> {
  if (source.size === 0) throw new ImportError(source.name, 'the file is empty', 'choose the exported recording, not an empty file');
  if (options.rateHz !== undefined && !(options.rateHz > 0 && options.rateHz < 1e6)) {
    throw new ImportError(source.name, `the sample rate ${options.rateHz} Hz is not usable`, 'give a rate between 0 and 1,000,000 Hz');
  }
  const binary = await binaryFormatOf(source, options.format);
  if (binary) return binary.read(source, options);
  const head = await readHead(source);
  if (looksBinary(head)) {
    throw new ImportError(source.name, 'this is not a text file', 'TwitchScope reads CSV/TSV/TXT exports and EDF/BDF files; export the recording as text or EDF from the device software', 1);
  }
  if (head.tailBytes > LONGEST_HEADER_LINE && head.lines.length < 10) {
    throw new ImportError(source.name, `line ${head.lines.length + 1} is over ${LONGEST_HEADER_LINE / 1024} KB long, which no export's header is`, 'this does not look like a table of samples; open the exported CSV or TXT file', head.lines.length + 1);
  }
  const def = pickFormat(head, options.format);
  const plan = withoutUnfilledColumns(planWith(def, head, options), head);
  checkColumnNames(plan, options, head.name);
  if (plan.signals.some((s) => plan.clocks[s.clock] === undefined)) {
    throw new ImportError(source.name, 'no sample rate: the file has no time column and states no rate', 'pass the rate with --rate HZ, or set it in the import check', undefined, undefined, 'rate');
  }
  // The bytes read are most of the progress; placing the columns on their grids and checking them for signal
  // (whole-channel passes, about half a second for an hour of 8 channels) is the rest.
  const progress = options.onProgress;
  const reading = progress ? { ...options, onProgress: (f: number) => progress(READ_SHARE * f) } : options;
  const read = async (): Promise<TableCollector> => (parallel ? await scanInRanges(source, head, plan, reading, parallel) : null) ?? (await scanTable(source, head, plan, reading));
  const collector = await read().catch((e: unknown) => {
    if (!(e instanceof LineTooLong)) throw e;
    const problem = `line ${e.line} is over ${LONGEST_DATA_LINE >> 20} MB long, which no row of samples is${e.openQuote ? ' (it holds a quote mark that is never closed, so the rest of the file reads as one line)' : ''}`;
    throw new ImportError(source.name, problem, 'the file is damaged or is not a table of samples; export the recording again', e.line);
  });
  try {
    const fp = await fingerprint(source);
    // Cancel pressed as the last chunk was read still cancels: placing an hour on its grid takes seconds.
    if (options.signal?.aborted) throw new ImportCancelled();
    // Cancel is heard between these steps too.
    const building = (f: number): void => {
      progress?.(READ_SHARE + (1 - READ_SHARE) * f);
      if (options.signal?.aborted) throw new ImportCancelled();
    };
    return { ...buildRecording(plan, collector, source.name, source.size, fp, building), layout: layoutOf(head, detectFormat(head).id) };
  } finally {
    // The recording holds what it needs of the columns; the collector is kept, small, for its maps.
    collector.release();
  }
}

const READ_SHARE = 0.9;

/**
 * The file's layout (what templates are keyed by), read from its first lines only: known before an import
 * that needs the template's corrections to succeed. Binary files have none yet.
 */
export async function readLayout(source: ByteSource): Promise<Layout | null> {
  if (source.size === 0 || (await binaryFormatOf(source))) return null;
  const head = await readHead(source);
  return looksBinary(head) ? null : layoutOf(head, detectFormat(head).id);
}

/** The binary format the user forced, or whose signature the file starts with; null for text. */
async function binaryFormatOf(source: ByteSource, forced?: string) {
  if (forced) return binaryFormatById(forced) ?? null;
  const first = await source.read(0, Math.min(8, source.size));
  return BINARY_FORMATS.find((f) => f.sniff(first)) ?? null;
}

/**
 * A format the user forced on a file without its signature: its plan may trip over lines it expects
 * (TypeError and the like), which means "not this layout", so say that. Detected formats never get here.
 */
function planWith(def: FormatDef, head: Head, options: ImportOptions): TablePlan {
  if (!options.format || def.detect(head) > 0) return def.plan(head, options);
  try {
    return def.plan(head, options);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(head.name, `this file does not have the layout of ${def.name}`, 'leave the format to be detected, or choose the one that wrote the file', 1, undefined, 'format');
  }
}

/** A column the user names (by number or header text) that the file does not have: say which columns it has. */
function checkColumnNames(plan: TablePlan, options: ImportOptions, file: string): void {
  const columns = plan.columnNames?.map((name, i) => ({ index: i + 1, name })) ?? plan.signals.map((s) => ({ index: s.column + 1, name: s.header ?? s.label }));
  const width = Math.max(0, ...columns.map((c) => c.index));
  const known = new Set([...columns.map((c) => c.name), ...plan.signals.flatMap((s) => [s.label, s.header ?? ''])].map(columnKey));
  for (const key of Object.keys(options.columns ?? {})) {
    const index = Number(key);
    if (Number.isInteger(index) ? index >= 1 && index <= width : known.has(columnKey(key))) continue;
    const list = columns.slice(0, 30).map((c) => `${c.index} "${c.name}"`).join(', ');
    throw new ImportError(file, `there is no column "${key}" to mark (columns: ${list}${columns.length > 30 ? ', …' : ''})`, 'name a column by its header text or its number from 1');
  }
}

/**
 * A header naming columns that no row of the head reaches: each would still cost a float per row, so a
 * 100 KB header over a file of short rows could ask for gigabytes. Those columns are left out.
 */
function withoutUnfilledColumns(plan: TablePlan, head: Head): TablePlan {
  const rows = head.lines.slice(plan.firstDataLine);
  if (rows.length < 50 && !head.complete) return plan;
  let widest = 0;
  for (const l of rows) widest = Math.max(widest, splitFields(l, plan.delimiter).length);
  const kept = plan.signals.filter((s) => s.column < widest);
  if (kept.length === plan.signals.length || kept.length === 0) return plan;
  const dropped = plan.signals.length - kept.length;
  return {
    ...plan,
    signals: kept,
    warnings: [...plan.warnings, { message: `the header names ${dropped} column${dropped === 1 ? '' : 's'} past the end of every row: left out`, line: plan.firstDataLine }],
  };
}

function looksBinary(head: Head): boolean {
  const text = head.lines.slice(0, 50).join('\n');
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return text.length > 0 && bad / text.length > 0.05;
}

/** A clock time of day counts the days it passed midnight from the rows before: one scanner must read it. */
function passesMidnight(c: TablePlan['clocks'][number]): boolean {
  return c.type === 'column' && c.unit === 'time-of-day';
}

/** How many columns the scanner keeps: up to the last one the plan reads. */
function columnsOf(plan: TablePlan): number {
  return 1 + Math.max(0, ...plan.signals.map((s) => s.column), ...plan.clocks.map((c) => (c.type === 'column' ? c.column : 0)));
}

/** Rows `bytes` of data will hold, from the head's rows, with room to spare. */
function estimateRows(head: Head, plan: TablePlan, bytes: number): number {
  const sample = head.lines.slice(plan.firstDataLine, plan.firstDataLine + 200);
  const bytesPerLine = Math.max(2, sample.reduce((a, l) => a + l.length + 1, 0) / Math.max(1, sample.length));
  return Math.ceil((bytes / bytesPerLine) * 1.02) + 1024;
}

/**
 * Rows the file holds at most, judged from its last lines with a 10 % margin. Its first lines are often
 * shorter (the time column has fewer digits), so judged from them alone an hour's columns were made 20-26 %
 * too long, and their trimming then copied every column once more: 1.2 GB for a day of two channels.
 */
async function rowsFromTail(source: ByteSource): Promise<number> {
  const from = Math.max(0, source.size - TAIL_BYTES);
  const tail = await source.read(from, source.size - from);
  const lines = countLineFeeds(tail);
  const first = tail.indexOf(10);
  // Whole lines only: from the first line end on. Too few of them say nothing.
  if (lines < 16) return Infinity;
  const bytesPerLine = (tail.length - 1 - first) / (lines - 1 + (tail[tail.length - 1] === 10 ? 0 : 1));
  return Math.ceil((source.size / bytesPerLine) * 1.1) + 1024;
}

const TAIL_BYTES = 64 << 10;

/**
 * A function of its own: in rowsFromTail the loop was compiled on the stack and thrown out at the code
 * after it, which had not run yet (a deoptimisation and a recompile in each thread of a batch).
 */
function countLineFeeds(bytes: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
  return lines;
}

/** Threads that scan ranges of the source, and the fewest bytes worth giving one. */
export interface ParallelRead {
  lanes: readonly RangeLane[];
  /** Below this many bytes per range one scanner reads the file: a thread would cost more than it saves. */
  minRangeBytes?: number;
}

const MIN_RANGE_BYTES = 4 << 20;

/**
 * The data lines read in byte ranges on `lanes` at once and joined; null when the file is too small,
 * not UTF-8, holds a quoted line (which may run across a range's end) or a line too long to be a row,
 * for `scanTable` to read whole.
 */
async function scanInRanges(source: ByteSource, head: Head, plan: TablePlan, options: ImportOptions, { lanes, minRangeBytes = MIN_RANGE_BYTES }: ParallelRead): Promise<TableCollector | null> {
  const start = head.lineOffsets[plan.firstDataLine];
  const parts = Math.min(lanes.length, Math.floor((source.size - (start ?? source.size)) / Math.max(1, minRangeBytes)));
  if (head.encoding !== 'utf-8' || start === undefined || parts < 2 || plan.clocks.some(passesMidnight)) return null;
  const columns = columnsOf(plan);
  const ranges = await splitAtLines(source, start, source.size, parts);
  const rows = estimateRows(head, plan, source.size);
  const shared = sharedColumns(plan, rows);
  let at = 0;
  const tasks: RangeTask[] = ranges.map(([from, to], k) => {
    const length = k === ranges.length - 1 ? rows - at : Math.floor((rows * (to - from)) / (source.size - start));
    const task: RangeTask = { plan, columns, from, to, estimatedRows: estimateRows(head, plan, to - from), ...(shared ? { slot: { ...shared, at, length } } : {}) };
    at += length;
    return task;
  });
  const done = ranges.map(() => 0);
  const stopWatching = whenAborted(options.signal, () => lanes.forEach((l) => l.abort()));
  const settled = await Promise.allSettled(
    tasks.map((task, k) =>
      lanes[k].scan(task, (bytes) => {
        done[k] = bytes;
        options.onProgress?.((start + done.reduce((a, b) => a + b, 0)) / source.size);
      }),
    ),
  );
  stopWatching();
  if (options.signal?.aborted) throw new ImportCancelled();
  const failed = settled.find((r) => r.status === 'rejected');
  // A range's line numbers start at its own first line: one scanner reads the file again to name the line.
  if (failed && (failed.reason as Error)?.name === 'LineTooLong') return null;
  if (failed) throw failed.reason;
  return joinRanges(plan, tasks, settled.map((r) => (r as PromiseFulfilledResult<RangeScan>).value), plan.firstDataLine + 1, shared);
}

/** A shared-memory slot per signal for `estimatedRows` samples; a column that outgrows its slot goes on in memory of its own. */
function sharedSignals(plan: TablePlan, estimatedRows: number): ColumnSlots {
  const rows = Math.max(16, estimatedRows);
  return { signals: plan.signals.map(() => new Float32Array(new SharedArrayBuffer(4 * rows))), times: plan.clocks.map(() => null) };
}

async function scanTable(source: ByteSource, head: Head, plan: TablePlan, options: ImportOptions): Promise<TableCollector> {
  const columns = columnsOf(plan);
  const estimatedRows = Math.min(estimateRows(head, plan, source.size), await rowsFromTail(source));
  const decoder = createDecoder('utf-8');
  const collector = new TableCollector(plan, estimatedRows, options.sharedSamples ? sharedSignals(plan, estimatedRows) : undefined);
  const scanner = new DelimitedScanner(
    plan.delimiter,
    plan.decimalComma,
    columns,
    plan.firstDataLine + 1,
    collector,
    fieldSplitter(plan.delimiter),
    decoder,
  );
  if (head.encoding === 'utf-8') {
    let offset = head.lineOffsets[plan.firstDataLine];
    if (offset === undefined) throw new ImportError(source.name, 'the header is longer than expected', 'the data should start within the first 400 lines', plan.firstDataLine + 1);
    const buffer = new Uint8Array(CHUNK);
    const start = offset;
    while (offset < source.size) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const chunk = await source.read(offset, Math.min(chunkAt(offset, start), source.size - offset), buffer);
      if (chunk.length === 0) break;
      scanner.push(chunk);
      offset += chunk.length;
      options.onProgress?.(offset / source.size);
    }
  } else {
    // UTF-16 text is re-encoded as UTF-8 line by line for the byte scanner.
    const dec = createDecoder(head.encoding);
    let offset = head.bomLength;
    let pending = '';
    let line = 0;
    while (offset < source.size) {
      if (options.signal?.aborted) throw new ImportCancelled();
      const len = Math.min(CHUNK, source.size - offset) & ~1;
      const chunk = await source.read(offset, len || source.size - offset);
      if (chunk.length === 0) break;
      offset += chunk.length;
      pending += dec.decode(chunk, { stream: offset < source.size });
      // A CR ending the chunk may be half of a CR LF: split it off with the next chunk, or the LF would
      // count as a blank line and every later line number would be one off.
      const heldCR = pending.endsWith('\r') && offset < source.size;
      const parts = (heldCR ? pending.slice(0, -1) : pending).split(/\r\n|\r|\n/);
      pending = (parts.pop() ?? '') + (heldCR ? '\r' : '');
      if (pending.length > LONGEST_DATA_LINE) throw new LineTooLong(line + parts.length + 1, pending.includes('"'));
      const keep: string[] = [];
      for (const p of parts) {
        if (line >= plan.firstDataLine) keep.push(p);
        line++;
      }
      if (keep.length) scanner.push(encodeUtf8(keep.join('\n') + '\n'));
      options.onProgress?.(offset / source.size);
    }
    if (pending && line >= plan.firstDataLine) scanner.push(encodeUtf8(pending));
  }
  scanner.end();
  return collector;
}
