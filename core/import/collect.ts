import type { ImportWarning } from '../recording';
import { type Growable, sampleColumn, timeColumn } from './growable';
import { parseNumberText } from './numbers';
import type { TablePlan, TimeUnit } from './plan';
import { CELL_EMPTY as EMPTY_CELL, CELL_NUMBER as NUMBER_CELL, CELL_TEXT as TEXT_CELL, type RowSink, type ScanBuffers } from './scan';
import { parseIsoMs, parseTimeOfDay, timeScale, toSeconds } from './time';

// Module-local copies for the per-row loop: when this file runs as CommonJS (tsx, vitest) every use of an
// imported binding is a getter call, which cost a third of the import time.
const CELL_EMPTY = EMPTY_CELL;
const CELL_NUMBER = NUMBER_CELL;
const CELL_TEXT = TEXT_CELL;

/** The largest finite float32: samples are stored as float32. */
const F32_MAX = 3.4028234663852886e38;

/** Columns with missing cells listed one by one; the rest are summed up in one warning. */
const MAX_COLUMN_WARNINGS = 10;

interface ColumnProblems {
  count: number;
  firstLine: number;
  firstText: string;
}

/** Problems of one kind as a list, in the order they were first seen: key, count, first line, first text. */
export type ProblemList = Array<[key: number, count: number, firstLine: number, firstText: string]>;

/** Per signal and per clock (null for a clock without a time column), the array its values go to first. */
export interface ColumnSlots {
  signals: Float32Array[];
  times: (Float64Array | null)[];
}

/** What a collector counted, apart from its samples: enough to join ranges of a file scanned apart (ranges.ts). */
export interface CollectedCounts {
  rows: number;
  firstLine: number;
  lastLine: number;
  problems: ProblemList;
  timeProblems: ProblemList;
  outOfRange: ProblemList;
  /** Per clock, the first time cell written as text (see `firstTimeText`). */
  firstTimeText: (string | undefined)[];
}

/**
 * The last collector released, kept until the next one is so its map (and its parts' maps) stays alive between
 * files. Otherwise, with no collector alive, V8's next full collection frees those maps (then reachable only
 * through weak map transitions) and throws away the optimised code that checks for them (row, and the
 * scanner's scanRow, scanRows and push: "marking dependent code … reason: weak objects", 3–10 times in a
 * 20-file batch): the next file makes new maps and compiles that code again. See also DelimitedScanner.end.
 */
const kept: TableCollector[] = [];

/**
 * Turns scanned rows into per-signal sample columns and per-clock time columns, following a TablePlan.
 * Cells that are missing or not numbers become NaN and are counted per column for the warnings.
 */
export class TableCollector implements RowSink {
  readonly signals: Growable<Float32Array>[];
  readonly times: (Growable<Float64Array> | null)[];
  rows = 0;
  firstLine = -1;
  /** Per clock, the first time cell written as text (an ISO time keeps its zone there). */
  readonly firstTimeText: (string | undefined)[];
  lastLine = -1;
  private readonly took: Uint8Array;
  private readonly problems = new Map<number, ColumnProblems>();
  private readonly timeProblems = new Map<number, ColumnProblems>();
  private readonly outOfRange = new Map<number, ColumnProblems>();
  // The plan flattened into typed arrays: the per-row loop then reads no plan objects (whose shapes vary).
  private readonly sigColumn: Int32Array;
  private readonly sigClock: Int32Array;
  private readonly sigScale: Float64Array;
  private readonly sigOffset: Float64Array;
  /** 0: the clock's column decides; 1: every row (rate clock); 2: filled cells only (rate clock). */
  private readonly sigMode: Uint8Array;
  private readonly clockColumn: Int32Array;
  private readonly clockCellOnly: Uint8Array;
  private readonly clockUnits: TimeUnit[];
  /** Numeric time cell → seconds as one multiply-add (every numeric unit is linear). */
  private readonly clockScale: Float64Array;
  private readonly clockOffset: Float64Array;
  /** Clock-time columns: the last time read, and the days added as the clock passed midnight. */
  private readonly lastTimeOfDay: Float64Array;
  private readonly daysPassed: Float64Array;

  constructor(
    private readonly plan: TablePlan,
    estimatedRows: number,
    /** Arrays to fill first with each signal's samples and each time column: slots of shared arrays (ranges.ts). */
    slots?: ColumnSlots,
  ) {
    this.signals = plan.signals.map((s, j) =>
      sampleColumn(plan.clocks[s.clock].type === 'rate' && s.presence === 'cell' ? 1024 : estimatedRows, slots?.signals[j]),
    );
    this.times = plan.clocks.map((c, k) => {
      if (c.type !== 'column') return null;
      const slot = slots?.times[k];
      return timeColumn(estimatedRows, slot ?? undefined);
    });
    this.took = new Uint8Array(plan.clocks.length);
    const n = plan.signals.length;
    this.sigColumn = Int32Array.from(plan.signals, (s) => s.column);
    this.sigClock = Int32Array.from(plan.signals, (s) => s.clock);
    this.sigScale = Float64Array.from(plan.signals, (s) => s.scale);
    this.sigOffset = Float64Array.from(plan.signals, (s) => s.offset);
    this.sigMode = new Uint8Array(n);
    plan.signals.forEach((s, j) => {
      this.sigMode[j] = plan.clocks[s.clock].type === 'column' ? 0 : s.presence === 'cell' ? 2 : 1;
    });
    this.clockColumn = Int32Array.from(plan.clocks, (c) => (c.type === 'column' ? c.column : -1));
    this.clockCellOnly = Uint8Array.from(plan.clocks, (c) => (c.type === 'column' && c.presence === 'cell' ? 1 : 0));
    this.clockUnits = plan.clocks.map((c) => (c.type === 'column' ? c.unit : 's'));
    this.clockOffset = Float64Array.from(this.clockUnits, (u) => timeScale(u).offset);
    this.clockScale = Float64Array.from(this.clockUnits, (u) => timeScale(u).scale);
    this.lastTimeOfDay = new Float64Array(plan.clocks.length).fill(-Infinity);
    this.firstTimeText = plan.clocks.map(() => undefined);
    this.daysPassed = new Float64Array(plan.clocks.length);
  }

  /**
   * Lets go of the sample and time arrays (their filled parts were taken) and keeps this collector, small
   * now, until the next one is released: see `kept`.
   */
  release(): void {
    for (const g of this.signals) g.release();
    for (const g of this.times) g?.release();
    kept[0] = this;
  }

  /** A clock time, a day later each time it falls back by more than half a day (past midnight). */
  private timeOfDay(k: number, text: string): number {
    let t = parseTimeOfDay(text);
    if (t !== t) return t;
    if (t + this.daysPassed[k] < this.lastTimeOfDay[k] - 43_200) this.daysPassed[k] += 86_400;
    t += this.daysPassed[k];
    this.lastTimeOfDay[k] = t;
    return t;
  }

  /**
   * One row, read on its own: a large file's rows may be split into ranges collected apart and joined
   * (ranges.ts). A plan whose rows depend on the rows before them must be read by one scanner instead
   * (see `scanInRanges` in index.ts).
   */
  row(line: number, _fieldCount: number, { values, status, texts }: ScanBuffers): void {
    if (this.firstLine < 0) this.firstLine = line;
    this.lastLine = line;
    this.rows++;
    const took = this.took;
    const clockColumn = this.clockColumn;
    for (let k = 0; k < clockColumn.length; k++) {
      const col = clockColumn[k];
      if (col < 0) continue;
      const st = status[col];
      if (st === CELL_EMPTY && this.clockCellOnly[k] === 1) {
        took[k] = 0;
        continue;
      }
      took[k] = 1;
      const unit = this.clockUnits[k];
      let t = NaN;
      if (st === CELL_NUMBER) t = values[col] * this.clockScale[k] + this.clockOffset[k];
      else if (st === CELL_TEXT) {
        // A time written with the other decimal mark (a file edited in two locales) reads like a sample cell.
        if (this.firstTimeText[k] === undefined) this.firstTimeText[k] = texts[col];
        t =
          unit === 'iso'
            ? parseIsoMs(texts[col]) / 1e3
            : unit === 'time-of-day'
              ? this.timeOfDay(k, texts[col])
              : toSeconds(parseNumberText(texts[col], this.plan.decimalComma), unit);
      }
      if (t !== t) this.note(this.timeProblems, col, line, st === CELL_TEXT ? texts[col] : '');
      this.times[k]!.push(t);
    }
    const n = this.sigColumn.length;
    for (let j = 0; j < n; j++) {
      const col = this.sigColumn[j];
      const st = status[col];
      const mode = this.sigMode[j];
      if (mode === 0) {
        if (took[this.sigClock[j]] === 0) continue;
      } else if (mode === 2) {
        if (st === CELL_EMPTY) continue;
        if (st === CELL_TEXT && Number.isNaN(parseNumberText(texts[col], this.plan.decimalComma))) continue;
      }
      let v: number;
      if (st === CELL_NUMBER) v = values[col] * this.sigScale[j] + this.sigOffset[j];
      else if (st === CELL_TEXT) {
        v = parseNumberText(texts[col], this.plan.decimalComma) * this.sigScale[j] + this.sigOffset[j];
        if (v !== v) this.note(this.problems, j, line, texts[col]);
      } else {
        v = NaN;
        this.note(this.problems, j, line, '');
      }
      // Beyond float32's range the stored sample would be ±Infinity, which poisons every sum downstream.
      if (v > F32_MAX || v < -F32_MAX) {
        this.note(this.outOfRange, j, line, Number.isFinite(v) ? v.toPrecision(3) : `${v < 0 ? '-' : ''}1e309 or more`);
        v = NaN;
      }
      const g = this.signals[j];
      if (g.length === g.data.length) g.grow();
      g.data[g.length++] = v;
    }
  }

  counts(): CollectedCounts {
    const list = (m: Map<number, ColumnProblems>): ProblemList => [...m].map(([k, p]) => [k, p.count, p.firstLine, p.firstText]);
    return { rows: this.rows, firstLine: this.firstLine, lastLine: this.lastLine, problems: list(this.problems), timeProblems: list(this.timeProblems), outOfRange: list(this.outOfRange), firstTimeText: [...this.firstTimeText] };
  }

  /** Adds the counts of the next range of the file, whose line numbers start `lineOffset` lines further on. */
  addCounts(c: CollectedCounts, lineOffset: number): void {
    if (c.rows === 0) return;
    if (this.firstLine < 0) this.firstLine = c.firstLine + lineOffset;
    this.lastLine = c.lastLine + lineOffset;
    this.rows += c.rows;
    c.firstTimeText.forEach((text, k) => {
      if (this.firstTimeText[k] === undefined) this.firstTimeText[k] = text;
    });
    const add = (m: Map<number, ColumnProblems>, list: ProblemList): void => {
      for (const [k, count, firstLine, firstText] of list) {
        const p = m.get(k);
        if (p) p.count += count;
        else m.set(k, { count, firstLine: firstLine + lineOffset, firstText });
      }
    };
    add(this.problems, c.problems);
    add(this.timeProblems, c.timeProblems);
    add(this.outOfRange, c.outOfRange);
  }

  private note(map: Map<number, ColumnProblems>, key: number, line: number, text: string): void {
    const p = map.get(key);
    if (p) p.count++;
    else map.set(key, { count: 1, firstLine: line, firstText: text });
  }

  /** One warning per column with missing or unreadable cells, naming the first line and column. */
  warnings(): ImportWarning[] {
    const out: ImportWarning[] = [];
    let listed = 0;
    for (const [j, p] of this.problems) {
      // A header naming thousands of columns the rows never fill would otherwise bury the check in warnings.
      if (++listed === MAX_COLUMN_WARNINGS && this.problems.size > MAX_COLUMN_WARNINGS) {
        const rest = [...this.problems.values()].slice(listed - 1);
        out.push({
          message: `${rest.length} more columns have missing or non-numeric cells (${rest.reduce((a, r) => a + r.count, 0)} in all); analysis skips them as gaps`,
          line: rest.reduce((a, r) => Math.min(a, r.firstLine), Infinity),
        });
        break;
      }
      const s = this.plan.signals[j];
      out.push({
        message: `${p.count} missing or non-numeric cell${p.count === 1 ? '' : 's'} in "${s.label}"${p.firstText ? ` (first: "${clip(p.firstText)}")` : ''}; analysis skips them as gaps`,
        line: p.firstLine,
        column: s.column + 1,
      });
    }
    for (const [j, p] of this.outOfRange) {
      const s = this.plan.signals[j];
      out.push({
        message: `${p.count} value${p.count === 1 ? '' : 's'} in "${s.label}" too large to be a signal (first: ${clip(p.firstText)}); analysis skips them as gaps`,
        line: p.firstLine,
        column: s.column + 1,
      });
    }
    for (const [col, p] of this.timeProblems) {
      out.push({
        message: `${p.count} row${p.count === 1 ? '' : 's'} with a missing or unreadable time${p.firstText ? ` (first: "${clip(p.firstText)}")` : ''}; those samples are dropped`,
        line: p.firstLine,
        column: col + 1,
      });
    }
    return out;
  }
}

function clip(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
