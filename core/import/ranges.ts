/**
 * A large file's data lines read as several byte ranges at once (one per thread), split at line ends and
 * joined back in file order: the same samples, counts, problems and line numbers as one scanner reading
 * the whole file, which `tests/import/ranges.test.ts` checks on split points chosen at random.
 */
import { TableCollector, type CollectedCounts, type ColumnSlots } from './collect';
import { ImportCancelled } from './errors';
import { fieldSplitter } from './head';
import type { TablePlan } from './plan';
import { DelimitedScanner } from './scan';
import type { ByteSource } from './source';
import { createDecoder } from './text';

const CHUNK = 1 << 20;

/**
 * Bytes to read at `offset` of a scan starting at `start`: the first read is short, so the scanner's
 * `push` runs to its end once before V8 compiles its loop (compiled during a first megabyte, the loop
 * stopped at the code after it for want of type feedback, file after file).
 */
export function chunkAt(offset: number, start: number): number {
  return offset === start ? 16 << 10 : CHUNK;
}
/** Bytes looked through for a line end after a nominal split point, per read. */
const SEEK = 64 * 1024;

/** One range of data lines to scan: bytes [from, to), starting at a line start and ending at a line end. */
export interface RangeTask {
  plan: TablePlan;
  /** How many columns the scanner keeps. */
  columns: number;
  from: number;
  to: number;
  estimatedRows: number;
  /** Where this range's samples and times go first: rows [at, at + length) of the file's shared columns. */
  slot?: SharedColumns & { at: number; length: number };
}

/** A scanned range: its samples and times, its counts with line numbers from 0 at its first line. */
export interface RangeScan {
  /** Each signal's samples; empty for a signal whose samples all fitted in the task's slot. */
  signals: Float32Array[];
  /** Each clock's times, likewise; null for a clock without a time column. */
  times: (Float64Array | null)[];
  /** Per signal: how many samples the slot holds, or -1 when they outgrew it. */
  inSlot: number[];
  /** Per clock: how many times the slot holds, or -1 when they outgrew it (or the clock has no column). */
  timesInSlot: number[];
  counts: CollectedCounts;
  lines: number;
  /** Lines read as quoted fields: one may run on past a line end, so ranges cannot be trusted then. */
  quotedLines: number;
}

/** A file's columns in shared memory, which every range's thread writes its rows into. */
export type SharedColumns = ColumnSlots;

/**
 * Shared arrays for the samples and times of a file read in ranges, one per signal and one per time
 * column, sized like one scanner's (`rows`), with a slot per range in proportion to its bytes; null where
 * threads cannot share memory. The samples become the recording's. The ranges are joined by moving each
 * slot's rows down in place, so no column is ever held twice (a time column, 8 bytes a row, joined into a
 * new array was the import's peak). A thread that scanned a range holds the arrays until it next
 * collects its garbage, which it should do then (see cli/recording-worker.ts).
 */
export function sharedColumns(plan: TablePlan, rows: number): SharedColumns | null {
  if (typeof SharedArrayBuffer !== 'function') return null;
  return {
    signals: plan.signals.map(() => new Float32Array(new SharedArrayBuffer(4 * rows))),
    times: plan.clocks.map((c) => (c.type === 'column' ? new Float64Array(new SharedArrayBuffer(8 * rows)) : null)),
  };
}

/** Scans a range somewhere (a worker thread, a Web Worker), reporting bytes done as it goes. */
export interface RangeLane {
  scan(task: RangeTask, onBytes: (bytes: number) => void): Promise<RangeScan>;
  /** Stops the running scan at its next chunk; it then rejects with ImportCancelled. */
  abort(): void;
}

/** Reads and scans one range of `source` in 1 MiB chunks. */
export async function scanRange(source: ByteSource, task: RangeTask, onBytes?: (bytes: number) => void, signal?: { readonly aborted: boolean }): Promise<RangeScan> {
  const { plan, slot } = task;
  const slots = slot && {
    signals: slot.signals.map((a) => a.subarray(slot.at, slot.at + slot.length)),
    times: slot.times.map((a) => a?.subarray(slot.at, slot.at + slot.length) ?? null),
  };
  const collector = new TableCollector(plan, task.estimatedRows, slots);
  const scanner = new DelimitedScanner(plan.delimiter, plan.decimalComma, task.columns, 0, collector, fieldSplitter(plan.delimiter), createDecoder('utf-8'));
  const buffer = new Uint8Array(CHUNK);
  for (let offset = task.from; offset < task.to; ) {
    if (signal?.aborted) throw new ImportCancelled();
    const chunk = await source.read(offset, Math.min(chunkAt(offset, task.from), task.to - offset), buffer);
    if (chunk.length === 0) break;
    scanner.push(chunk);
    offset += chunk.length;
    onBytes?.(offset - task.from);
  }
  scanner.end();
  // A column still writing into its slot stays there; one that outgrew it comes back as its own array.
  const inSlot = collector.signals.map((g, j) => (slots && g.data === slots.signals[j] ? g.length : -1));
  const timesInSlot = collector.times.map((g, k) => (g && slots && g.data === slots.times[k] ? g.length : -1));
  const scan = {
    signals: collector.signals.map((g, j) => (inSlot[j] >= 0 ? new Float32Array(0) : g.trimmed())),
    times: collector.times.map((g, k) => (!g ? null : timesInSlot[k] >= 0 ? new Float64Array(0) : g.view())),
    inSlot,
    timesInSlot,
    counts: collector.counts(),
    lines: scanner.nextLine,
    quotedLines: scanner.quotedLines,
  };
  collector.release();
  return scan;
}

/** The byte after the first line end at or after `at` (a CR LF pair counts as one), or -1 before `limit`. */
async function lineStartAfter(source: ByteSource, at: number, limit: number): Promise<number> {
  const buffer = new Uint8Array(SEEK + 1);
  for (let pos = at; pos < limit; pos += SEEK) {
    // One byte more than is searched, to see whether a CR is followed by LF.
    const bytes = await source.read(pos, Math.min(SEEK + 1, limit - pos), buffer);
    for (let i = 0; i < Math.min(SEEK, bytes.length); i++) {
      const b = bytes[i];
      if (b === 10) return pos + i + 1;
      if (b === 13) return i + 1 < bytes.length ? pos + i + (bytes[i + 1] === 10 ? 2 : 1) : -1;
    }
  }
  return -1;
}

/** Up to `parts` ranges [from, to) covering [start, end), each but the last ending at a line end. */
export async function splitAtLines(source: ByteSource, start: number, end: number, parts: number): Promise<Array<[number, number]>> {
  const bounds = [start];
  for (let k = 1; k < parts; k++) {
    const at = Math.max(bounds[bounds.length - 1], Math.round(start + ((end - start) * k) / parts));
    const cut = await lineStartAfter(source, at, end);
    if (cut < 0 || cut >= end) break;
    if (cut > bounds[bounds.length - 1]) bounds.push(cut);
  }
  bounds.push(end);
  return bounds.slice(1).map((to, k) => [bounds[k], to]);
}

/**
 * The ranges joined as one collector, as if one scanner had read them in order from line `firstLine`
 * (1-based); null when a range met a quoted line, which the caller must then read whole. Rows in their
 * slots of `shared` are moved down in place to follow the range before; a column that outgrew a slot is
 * copied into an array of its own, each range's part let go as soon as it is copied.
 */
export function joinRanges(plan: TablePlan, tasks: readonly RangeTask[], scans: RangeScan[], firstLine: number, shared: SharedColumns | null): TableCollector | null {
  if (scans.some((s) => s.quotedLines > 0)) return null;
  const joined = new TableCollector(plan, 0);
  plan.signals.forEach((_, j) => {
    const g = joined.signals[j];
    g.data = joinColumn(Float32Array, tasks, scans.map((s) => ({ part: s.signals[j], inSlot: s.inSlot[j] })), shared?.signals[j]);
    g.length = g.data.length;
    for (const s of scans) s.signals[j] = new Float32Array(0);
  });
  joined.times.forEach((g, k) => {
    if (!g) return;
    g.data = joinColumn(Float64Array, tasks, scans.map((s) => ({ part: s.times[k]!, inSlot: s.timesInSlot[k] })), shared?.times[k] ?? undefined);
    g.length = g.data.length;
    for (const s of scans) s.times[k] = new Float64Array(0);
  });
  let line = firstLine;
  for (const s of scans) {
    joined.addCounts(s.counts, line);
    line += s.lines;
  }
  return joined;
}

type Column = Float32Array | Float64Array;

function joinColumn<T extends Column>(Kind: { new (n: number): T }, tasks: readonly RangeTask[], parts: Array<{ part: T; inSlot: number }>, shared: T | undefined): T {
  if (shared && parts.every((p) => p.inSlot >= 0)) {
    // Each range filled the start of its slot, so its values only ever move down, over slack or over
    // values already moved: copyWithin is a memmove.
    let at = 0;
    parts.forEach((p, k) => {
      const from = tasks[k].slot!.at;
      if (from !== at) shared.copyWithin(at, from, from + p.inSlot);
      at += p.inSlot;
    });
    return shared.subarray(0, at) as T;
  }
  const lengths = parts.map((p, k) => (p.inSlot >= 0 ? p.inSlot : p.part.length));
  const out = new Kind(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  parts.forEach((p, k) => {
    out.set(p.inSlot >= 0 ? shared!.subarray(tasks[k].slot!.at, tasks[k].slot!.at + p.inSlot) : p.part, at);
    at += lengths[k];
  });
  return out;
}
