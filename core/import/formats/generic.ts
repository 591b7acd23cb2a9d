import type { ImportWarning } from '../../recording';
import { ImportError } from '../errors';
import { guessDecimalComma, guessDelimiter, looksNumeric, splitFields, type Head } from '../head';
import { guessColumn, sensorLabelOf } from '../labels';
import { isMissingText, parseNumberText } from '../numbers';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan, TimeUnit } from '../plan';
import { inferNumericTimeUnit, isIsoDateTime, isTimeLabel, parseIsoMs, timeUnitFromLabel } from '../time';
import type { FormatDef } from './format';
import { buildPlan, needRate, type ColumnSpec } from './plan-builder';

const COMMENT = /^\s*(#|%|\/\/)/;

export interface TableShape {
  delimiter: string;
  decimalComma: boolean;
  /** Index of the header line, or -1. */
  headerLine: number;
  firstDataLine: number;
  labels: string[];
  /** Lines before the header or data: comments and preamble. */
  preamble: string[];
  fieldCount: number;
}

/** Cells that look like data: numbers, ISO times, or the spellings of "missing". */
function dataLike(field: string): boolean {
  const t = field.trim().replace(/^"|"$/g, '');
  return t === '' || looksNumeric(t) || isIsoDateTime(t) || /^(nan|na|n\/a|-|null|inf|-inf)$/i.test(t) || /^\d{1,2}:\d{2}:\d{2}([.,]\d+)?$/.test(t);
}

function isDataLine(line: string, delimiter: string): boolean {
  if (line.trim() === '' || COMMENT.test(line)) return false;
  const fields = splitFields(line, delimiter);
  const filled = fields.filter((f) => f.trim() !== '');
  return filled.length > 0 && fields.every(dataLike);
}

/** A data row with unreadable cells: its first cell and at least as many cells as not are data. */
function isDataLineWithGaps(line: string, delimiter: string, fieldCount: number): boolean {
  if (line.trim() === '' || COMMENT.test(line)) return false;
  const fields = splitFields(line, delimiter);
  if (fields.length !== fieldCount || !dataLike(fields[0]) || fields[0].trim() === '') return false;
  const good = fields.filter(dataLike).length;
  return good >= fields.length - good;
}

/** A row whose first cell is data and whose numbers are at least as many as its text cells. */
function isMostlyData(line: string, delimiter: string): boolean {
  if (line.trim() === '' || COMMENT.test(line)) return false;
  const fields = splitFields(line, delimiter);
  if (fields[0].trim() === '' || !dataLike(fields[0])) return false;
  const good = fields.filter(dataLike).length;
  return good >= fields.length - good && fields.some((f) => looksNumeric(f.trim().replace(/^"|"$/g, '')));
}

/** The first line that starts five non-blank lines all passing `isRow`, or -1. */
function firstRun(lines: readonly string[], from: number, isRow: (line: string) => boolean): number {
  for (let i = from; i < lines.length; i++) {
    if (!isRow(lines[i])) continue;
    let ok = true;
    let seen = 0;
    for (let j = i + 1; j < lines.length && seen < 4; j++) {
      if (lines[j].trim() === '') continue;
      seen++;
      if (!isRow(lines[j])) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

/** Finds where the data starts, the header line above it, and the delimiter. */
export function tableShape(head: Head, from = 0): TableShape {
  const lines = head.lines;
  const candidates = lines.slice(from).filter((l) => l.trim() !== '' && !COMMENT.test(l)).slice(-60);
  const delimiter = guessDelimiter(candidates.length > 0 ? candidates : lines);
  // Rows of numbers only, or failing that, rows that carry a text column (labels, notes) beside the numbers.
  let first = firstRun(lines, from, (l) => isDataLine(l, delimiter));
  if (first < 0) first = firstRun(lines, from, (l) => isMostlyData(l, delimiter));
  if (first < 0) {
    throw new ImportError(
      head.name,
      'no rows of numbers found',
      'TwitchScope reads delimited text exports (CSV, TSV, TXT) with one sample per line',
      lines.length > 0 ? 1 : undefined,
    );
  }
  const fieldCount = splitFields(lines[first], delimiter).length;
  // Rows above the first clean run that are mostly numbers are data with a bad cell, not the header.
  while (first - 1 >= from && isDataLineWithGaps(lines[first - 1], delimiter, fieldCount)) first--;
  let headerLine = -1;
  for (let i = first - 1; i >= from; i--) {
    if (lines[i].trim() === '') continue;
    if (!COMMENT.test(lines[i]) && splitFields(lines[i], delimiter).length >= Math.min(2, fieldCount)) headerLine = i;
    break;
  }
  const labels =
    headerLine >= 0
      ? splitFields(lines[headerLine], delimiter).map((l) => l.trim().replace(/^"|"$/g, '').trim())
      : [];
  const dataSample = lines.slice(first, first + 200);
  return {
    delimiter,
    decimalComma: guessDecimalComma(dataSample, delimiter),
    headerLine,
    firstDataLine: first,
    labels,
    preamble: lines.slice(from, headerLine >= 0 ? headerLine : first),
    fieldCount,
  };
}

/** `key = value` or `key: value` pairs in preamble lines (comment marks removed). */
export function preambleValues(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) {
    const m = /^\s*(?:#|%|\/\/)?\s*([^=:]+?)\s*[=:]\s*(.+?)\s*[,;]*\s*$/.exec(l);
    if (m) out.set(m[1].toLowerCase(), m[2]);
  }
  return out;
}

export function rateFromPreamble(values: Map<string, string>): number | null {
  for (const [k, v] of values) {
    if (/(sampl\w*\s*(rate|freq\w*)|^fs$|^rate(_hz)?$|^sampling$|frequency)/.test(k)) {
      const m = /([\d.]+(?:e[+-]?\d+)?)\s*(k?hz)?/i.exec(v);
      if (m) {
        const r = Number(m[1]) * (m[2]?.toLowerCase() === 'khz' ? 1000 : 1);
        if (r > 0 && Number.isFinite(r)) return r;
      }
    }
  }
  return null;
}

/**
 * A delimited table read by its header: a time column (seconds, ms, Unix epoch or ISO) or a stated rate,
 * EMG and accelerometer columns recognised by name and unit, everything else kept as `other`.
 */
export function planTable(head: Head, options: ImportOptions, formatId: string, formatName: string, shape = tableShape(head)): TablePlan {
  const warnings: ImportWarning[] = [];
  const firstFields = splitFields(head.lines[shape.firstDataLine], shape.delimiter).map((f) => f.trim().replace(/^"|"$/g, ''));
  const labels = shape.labels.length > 0 ? shape.labels : firstFields.map((_, i) => `column ${i + 1}`);
  const pre = preambleValues(shape.preamble);

  // Time column: named like one, or the first column when it holds ISO date-times.
  let timeCol = labels.findIndex((l, i) => shape.labels.length > 0 && isTimeLabel(l) && firstFields[i] !== undefined && (looksNumeric(firstFields[i]) || isIsoDateTime(firstFields[i])));
  if (timeCol < 0 && firstFields.length > 0 && isIsoDateTime(firstFields[0])) timeCol = 0;
  const clocks: ClockPlan[] = [];
  if (timeCol >= 0) {
    const cell = firstFields[timeCol];
    const unit: TimeUnit = isIsoDateTime(cell) ? 'iso' : inferNumericTimeUnit(Number(cell.replace(',', '.')), timeUnitFromLabel(labels[timeCol]));
    clocks.push({ type: 'column', column: timeCol, unit, presence: 'row' });
  } else {
    const rate = options.rateHz ?? rateFromPreamble(pre);
    if (rate === null) {
      const named = shape.labels.findIndex(isTimeLabel);
      if (named >= 0) {
        needRate(
          head.name,
          `the time column "${labels[named]}" holds "${firstFields[named] ?? ''}", which is not seconds, milliseconds, Unix time or an ISO date-time`,
          shape.firstDataLine + 1,
          named + 1,
        );
      }
      needRate(head.name, 'the file has no time column and states no rate', (shape.headerLine >= 0 ? shape.headerLine : shape.firstDataLine) + 1);
    }
    clocks.push({ type: 'rate', rateHz: rate, startS: 0 });
  }

  const columns: ColumnSpec[] = [];
  const accelCols: number[] = [];
  // A delimiter at the end of every line (header included) leaves an empty last column: not a signal.
  let lastColumn = labels.length - 1;
  while (lastColumn > 0 && (shape.labels[lastColumn] ?? '') === '' && (firstFields[lastColumn] ?? '') === '') lastColumn--;
  for (let c = 0; c <= lastColumn; c++) {
    if (c === timeCol) continue;
    if (shape.labels.length > 0 && isTimeLabel(labels[c]) && c !== timeCol) continue;
    const label = labels[c] || `column ${c + 1}`;
    const g = guessColumn(label);
    const cell = firstFields[c] ?? '';
    if (g.kind === 'other' && cell !== '' && !isMissingText(cell) && Number.isNaN(parseNumberText(cell, shape.decimalComma))) {
      warnings.push({ message: `"${label}" holds text ("${cell.length > 24 ? `${cell.slice(0, 24)}…` : cell}"), not samples: left out`, line: shape.firstDataLine + 1, column: c + 1 });
      continue;
    }
    if (g.kind === 'emg') {
      let unit = g.unit;
      if (!unit || unit.kind !== 'emg') {
        warnings.push({ message: `no unit in the header of "${label}": taken as µV (set the unit in the import check, or name it like "EMG (mV)")`, column: c + 1 });
        unit = { unit: 'uV', scale: 1, kind: 'emg' };
      }
      columns.push({ column: c, label, kind: 'emg', unit: unit.unit, scale: unit.scale });
    } else if (g.kind === 'accel') {
      accelCols.push(columns.length);
      columns.push({ column: c, label, kind: 'accel', unit: g.unit?.kind === 'accel' ? 'g' : '?', scale: g.unit?.kind === 'accel' ? g.unit.scale : 1, sensor: g.sensorLabel ?? sensorLabelOf(label), axis: g.axis });
    } else {
      columns.push({ column: c, label, kind: 'other', unit: g.unit?.unit ?? '', scale: g.unit?.kind ? g.unit.scale : 1 });
    }
  }
  // A magnitude column beside the axes of the same sensor is derived, not an axis.
  for (const k of accelCols) {
    const col = columns[k];
    if (!col.axis && accelCols.some((j) => j !== k && columns[j].axis && columns[j].sensor === col.sensor)) {
      col.kind = 'other';
    }
    if (!col.axis && /\b(abs|absolute|magnitude|norm|vm|total)\b/i.test(col.label)) col.kind = 'other';
  }
  if (!columns.some((c) => c.kind === 'emg' || c.kind === 'accel')) {
    warnings.push({
      message:
        shape.labels.length > 0
          ? 'no column is named as EMG or accelerometer: nothing to analyse (rename the columns, or mark them in the import check or with --column N=emg)'
          : 'the file has no header: columns are not known to be EMG or accelerometer (mark them in the import check or with --column N=emg)',
    });
  }
  const clock = clocks[0];
  const hasEmg = columns.some((c) => c.kind === 'emg') || Object.values(options.columns ?? {}).some((c) => c.kind === 'emg');
  if (clock.type === 'column' && clock.unit === 's' && timeUnitFromLabel(labels[clock.column]) === null && hasEmg) {
    const step = medianTimeStep(head, shape, clock.column);
    // Muscle signals are never sampled below 100 Hz: when seconds would put them there and milliseconds at
    // a usual rate, the unlabelled column counts milliseconds (Arduino millis() and many loggers).
    if (step !== null && 1 / step < MIN_EMG_RATE_HZ && 1000 / step >= MIN_EMG_RATE_HZ && 1000 / step <= MAX_EMG_RATE_HZ) {
      clocks[0] = { ...clock, unit: 'ms' };
      warnings.push({
        message: `the time column "${labels[clock.column]}" states no unit: in seconds its steps of ${step} would mean ${formatHz(1 / step)}, too slow for EMG, so it is read as milliseconds (${formatHz(1000 / step)}); if it really counts seconds, name it "${labels[clock.column]} (s)" or set the sample rate (--rate)`,
        column: clock.column + 1,
      });
    }
  }
  const meta: Record<string, string> = {};
  for (const [k, v] of pre) meta[k] = v;
  let startTime: string | null = null;
  for (const [k, v] of pre) {
    if (/start|date|time/.test(k) && isIsoDateTime(v) && !Number.isNaN(parseIsoMs(v))) startTime = v.trim();
  }
  return buildPlan(
    { formatId, formatName, delimiter: shape.delimiter, decimalComma: shape.decimalComma, firstDataLine: shape.firstDataLine, startTime, meta, warnings },
    clocks,
    columns,
    options,
  );
}

/** Surface EMG is sampled at 100 Hz at the very least; research systems go up to tens of kHz. */
const MIN_EMG_RATE_HZ = 100;
const MAX_EMG_RATE_HZ = 100_000;

/** The median positive step of the time column over the data rows in the head, or null with fewer than 3. */
function medianTimeStep(head: Head, shape: TableShape, column: number): number | null {
  const times: number[] = [];
  for (let l = shape.firstDataLine; l < head.lines.length && times.length < 200; l++) {
    const cell = splitFields(head.lines[l], shape.delimiter)[column];
    const t = cell === undefined ? Number.NaN : parseNumberText(cell.trim().replace(/^"|"$/g, ''), shape.decimalComma);
    if (Number.isFinite(t)) times.push(t);
  }
  const steps = times.slice(1).map((t, i) => t - times[i]).filter((d) => d > 0).sort((a, b) => a - b);
  return steps.length >= 2 ? steps[steps.length >> 1] : null;
}

function formatHz(hz: number): string {
  return `${Number(hz.toPrecision(4))} Hz`;
}

export const genericTable: FormatDef = {
  id: 'csv',
  name: 'Delimited table',
  description: 'Any CSV/TSV/TXT table: header with EMG/accelerometer column names and units, time column or stated rate',
  evidence: 'real',
  detect: () => 0.05,
  plan: (head, options) => planTable(head, options, 'csv', 'Delimited table'),
};
