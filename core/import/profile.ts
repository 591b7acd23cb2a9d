import { splitFields, unquotedCell, type Head } from './head';
import { parseNumberText } from './numbers';
import { COMMENT, tableShape, type TableShape } from './shape';
import type { TimeUnit } from './plan';
import { isIsoDateTime, parseTimeOfDay } from './time';

/**
 * What a column's content says it is, read from the data rows of the head whatever its header says:
 * `time` (a clock: epoch, ISO, time of day or relative seconds), `counter` (sample index, packet number),
 * `text`, or `values` (a signal, or something else numeric).
 */
export type ColumnRole =
  | {
      kind: 'time';
      unit: TimeUnit;
      how: 'epoch' | 'iso' | 'time-of-day' | 'relative';
      /** Relative times with even steps from near zero: a clock wherever the column stands. */
      fromZero?: boolean;
    }
  | { kind: 'counter' }
  | { kind: 'text' }
  | { kind: 'values' };

export interface ColumnProfile {
  column: number;
  /** The sampled rows' cells, trimmed and unquoted. */
  cells: string[];
  /** Numeric cells among the sampled rows (NaN where a cell is not a number). */
  values: number[];
  role: ColumnRole;
}

/** Epoch magnitudes of 1973–2096 in each unit: a monotonic column in one of these ranges is a clock. */
const EPOCH_RANGES: ReadonlyArray<[TimeUnit, number, number]> = [
  ['epoch-s', 1e8, 4e9],
  ['epoch-ms', 1e11, 4e12],
  ['epoch-us', 1e14, 4e15],
  ['epoch-ns', 1e17, 4e18],
];

const SAMPLE_ROWS = 300;

/** The data rows the profiles look at, split into trimmed cells. */
export function sampleCells(head: Head, firstDataLine: number, delimiter: string): string[][] {
  const rows: string[][] = [];
  for (let l = firstDataLine; l < head.lines.length && rows.length < SAMPLE_ROWS; l++) {
    const line = head.lines[l];
    if (line.trim() === '' || COMMENT.test(line)) continue;
    rows.push(splitFields(line, delimiter).map(unquotedCell));
  }
  return rows;
}

export function profileColumns(rows: readonly string[][], width: number, decimalComma: boolean): ColumnProfile[] {
  const out: ColumnProfile[] = [];
  for (let c = 0; c < width; c++) {
    const cells = columnCells(rows, c);
    const values = numbersOf(cells, decimalComma);
    out.push({ column: c, cells, values, role: roleOf(cells, values) });
  }
  return out;
}

// Loops and functions declared once rather than arrows written in place, for the reason given in head.ts.

/** Column `c` of each row ('' where a row is shorter). */
function columnCells(rows: readonly string[][], c: number): string[] {
  const out: string[] = [];
  for (const r of rows) out.push(r[c] ?? '');
  return out;
}

function numbersOf(cells: readonly string[], decimalComma: boolean): number[] {
  const out: number[] = [];
  for (const t of cells) out.push(parseNumberText(t, decimalComma));
  return out;
}

function isNotEmpty(text: string): boolean {
  return text !== '';
}

function isTimeOfDay(text: string): boolean {
  return !Number.isNaN(parseTimeOfDay(text));
}

function isNumber(v: number): boolean {
  return !Number.isNaN(v);
}

function roleOf(cells: readonly string[], values: readonly number[]): ColumnRole {
  const filled = cells.filter(isNotEmpty);
  if (filled.length === 0) return { kind: 'values' };
  if (filled.every(isIsoDateTime)) return { kind: 'time', unit: 'iso', how: 'iso' };
  if (filled.every(isTimeOfDay)) return { kind: 'time', unit: 'time-of-day', how: 'time-of-day' };
  const nums = values.filter(isNumber);
  if (nums.length < filled.length / 2) return { kind: 'text' };
  const steps = stepsOf(nums);
  if (isCounter(nums, steps)) return { kind: 'counter' };
  if (isClockLike(steps)) return clockReading(nums, steps);
  return { kind: 'values' };
}

const SCALE: Partial<Record<TimeUnit, number>> = { 'epoch-s': 1, 'epoch-ms': 1e-3, 'epoch-us': 1e-6, 'epoch-ns': 1e-9, us: 1e-6, ns: 1e-9 };
const FINER: Partial<Record<TimeUnit, TimeUnit[]>> = { 'epoch-s': ['us', 'ns'], 'epoch-ms': ['us', 'ns'], 'epoch-us': ['ns'] };

/**
 * What a rising numeric column counts. A Unix-time magnitude is epoch time in that unit, unless that reading
 * puts the samples below 1 Hz while a finer unit gives a usual rate and no date: then it is a device's uptime
 * (Android stamps sensor events in ns since boot, 1.25e15 after two weeks, which in µs would read as 2009).
 */
function clockReading(nums: readonly number[], steps: readonly number[]): ColumnRole {
  const positive = steps.filter((d) => d > 0).sort((a, b) => a - b);
  const median = positive[positive.length >> 1];
  const a = Math.abs(nums[0]);
  for (const [unit, lo, hi] of EPOCH_RANGES) {
    if (!(a >= lo && a < hi)) continue;
    if (1 / (median * SCALE[unit]!) >= 1) return { kind: 'time', unit, how: 'epoch' };
    const uptime = FINER[unit]?.find((u) => {
      const rate = 1 / (median * SCALE[u]!);
      return rate >= 1 && rate <= 1e5 && !EPOCH_RANGES.some(([e, l, h]) => e === `epoch-${u}` && a >= l && a < h);
    });
    return uptime ? { kind: 'time', unit: uptime, how: 'relative' } : { kind: 'time', unit, how: 'epoch' };
  }
  const q10 = positive[Math.floor(positive.length * 0.1)];
  const q90 = positive[Math.floor(positive.length * 0.9)];
  return { kind: 'time', unit: 's', how: 'relative', fromZero: a <= 10 * median && (q90 - q10) / median < 0.5 };
}

function stepsOf(nums: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < nums.length; i++) out.push(nums[i] - nums[i - 1]);
  return out;
}

/**
 * Times never go back (one glitch in a hundred is forgiven), and most of them move on: packets stamped
 * in bursts repeat a time a few rows at a time, so a fifth of the steps moving is enough.
 */
function isClockLike(steps: readonly number[]): boolean {
  if (steps.length < 4) return false;
  const back = steps.filter((d) => d < 0).length;
  const ahead = steps.filter((d) => d > 0).length;
  return back <= steps.length / 100 && ahead >= steps.length / 5;
}

/**
 * Sample indices and packet numbers: whole numbers that rise by one (or repeat), wrapping to the start
 * after a run of at least eight. A 0/1 digital line is not one: it never climbs past 1.
 */
function isCounter(nums: readonly number[], steps: readonly number[]): boolean {
  if (steps.length < 8 || !nums.every((v) => Number.isInteger(v) && v >= 0)) return false;
  const max = Math.max(...nums);
  if (max < 7) return false;
  let ones = 0;
  let wraps = 0;
  for (const d of steps) {
    if (d === 1 || d === 2) ones++;
    else if (d < 0) wraps++;
    else if (d !== 0) return false;
  }
  return ones >= steps.length / 3 && wraps <= steps.length / 8;
}

/** A table's shape with its sampled rows and a profile of every column: what vendor modules and the generic path read. */
export interface TableView {
  shape: TableShape;
  /** Header labels, or `column N` when the file has no header. */
  labels: string[];
  /** True when the file has a header line. */
  named: boolean;
  rows: string[][];
  profiles: ColumnProfile[];
}

export function viewTable(head: Head, from = 0): TableView {
  const shape = tableShape(head, from);
  const rows = sampleCells(head, shape.firstDataLine, shape.delimiter);
  const named = shape.labels.length > 0;
  const filled = Math.max(0, ...rows.slice(0, 50).map((r) => r.length));
  const width = Math.max(shape.labels.length, filled);
  const labels = Array.from({ length: width }, (_, c) => (named && shape.labels[c] ? shape.labels[c] : `column ${c + 1}`));
  // Columns a header names past the end of every row hold nothing to profile (and may number thousands).
  const profiles = profileColumns(rows, filled, shape.decimalComma);
  for (let c = filled; c < width; c++) profiles.push({ column: c, cells: [], values: [], role: { kind: 'values' } });
  return { shape, labels, named, rows, profiles };
}
