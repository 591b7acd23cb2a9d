import type { ImportWarning } from '../recording';
import { GrowableF32, GrowableF64 } from './growable';
import { parseNumberText } from './numbers';
import type { TablePlan } from './plan';
import { CELL_EMPTY, CELL_NUMBER, CELL_TEXT, type RowSink, type ScanBuffers } from './scan';
import { parseIsoMs, toSeconds } from './time';

interface ColumnProblems {
  count: number;
  firstLine: number;
  firstText: string;
}

/**
 * Turns scanned rows into per-signal sample columns and per-clock time columns, following a TablePlan.
 * Cells that are missing or not numbers become NaN and are counted per column for the warnings.
 */
export class TableCollector implements RowSink {
  readonly signals: GrowableF32[];
  readonly times: (GrowableF64 | null)[];
  /** Per signal: number of data rows seen by its clock (rate clocks count their own samples). */
  rows = 0;
  firstLine = -1;
  lastLine = -1;
  private readonly took: Uint8Array;
  private readonly problems = new Map<number, ColumnProblems>();
  private readonly timeProblems = new Map<number, ColumnProblems>();

  constructor(
    private readonly plan: TablePlan,
    private readonly buffers: () => ScanBuffers,
    estimatedRows: number,
  ) {
    this.signals = plan.signals.map((s) =>
      new GrowableF32(plan.clocks[s.clock].type === 'rate' && s.presence === 'cell' ? 1024 : estimatedRows),
    );
    this.times = plan.clocks.map((c) => (c.type === 'column' ? new GrowableF64(estimatedRows) : null));
    this.took = new Uint8Array(plan.clocks.length);
  }

  row(line: number, _fieldCount: number): void {
    const { values, status, texts } = this.buffers();
    const plan = this.plan;
    if (this.firstLine < 0) this.firstLine = line;
    this.lastLine = line;
    this.rows++;
    const clocks = plan.clocks;
    for (let k = 0; k < clocks.length; k++) {
      const c = clocks[k];
      if (c.type !== 'column') continue;
      const st = status[c.column];
      if (c.presence === 'cell' && st === CELL_EMPTY) {
        this.took[k] = 0;
        continue;
      }
      this.took[k] = 1;
      let t = NaN;
      if (st === CELL_NUMBER) t = toSeconds(values[c.column], c.unit);
      else if (st === CELL_TEXT) {
        t = c.unit === 'iso' ? parseIsoMs(texts[c.column]) / 1e3 : NaN;
      }
      if (Number.isNaN(t)) this.note(this.timeProblems, c.column, line, st === CELL_TEXT ? texts[c.column] : '');
      this.times[k]!.push(t);
    }
    const signals = plan.signals;
    for (let j = 0; j < signals.length; j++) {
      const s = signals[j];
      const c = clocks[s.clock];
      const st = status[s.column];
      if (c.type === 'column') {
        if (!this.took[s.clock]) continue;
      } else if (s.presence === 'cell') {
        if (st === CELL_EMPTY) continue;
        if (st === CELL_TEXT && Number.isNaN(parseNumberText(texts[s.column], plan.decimalComma))) continue;
      }
      let v: number;
      if (st === CELL_NUMBER) v = values[s.column] * s.scale + s.offset;
      else if (st === CELL_TEXT) {
        v = parseNumberText(texts[s.column], plan.decimalComma) * s.scale + s.offset;
        if (Number.isNaN(v)) this.note(this.problems, j, line, texts[s.column]);
      } else {
        v = NaN;
        this.note(this.problems, j, line, '');
      }
      this.signals[j].push(v);
    }
  }

  private note(map: Map<number, ColumnProblems>, key: number, line: number, text: string): void {
    const p = map.get(key);
    if (p) p.count++;
    else map.set(key, { count: 1, firstLine: line, firstText: text });
  }

  /** One warning per column with missing or unreadable cells, naming the first line and column. */
  warnings(): ImportWarning[] {
    const out: ImportWarning[] = [];
    for (const [j, p] of this.problems) {
      const s = this.plan.signals[j];
      out.push({
        message: `${p.count} missing or non-numeric cell${p.count === 1 ? '' : 's'} in "${s.label}"${p.firstText ? ` (first: "${clip(p.firstText)}")` : ''}; analysis skips them as gaps`,
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
