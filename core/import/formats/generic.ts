import type { ImportWarning } from '../../recording';
import { formatHz } from '../../format';
import { isGravityTriplet, pickClock } from '../columns';
import type { Head } from '../head';
import { guessColumn, sensorLabelOf } from '../labels';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import { viewTable, type ColumnProfile } from '../profile';
import { badRateLine, preambleValues, rateFromPreamble, type TableShape } from '../shape';
import { typicalStep } from '../steps';
import { emgUnitBySize, isNeutralLabel, swingsAroundZero } from '../raw-emg';
import { isIsoDateTime, isTimeLabel, parseIsoMs, timeScale, timeUnitFromLabel } from '../time';
import type { FormatDef } from './format';
import { buildPlan, needRate, overrideFor, type ColumnSpec } from './plan-builder';

/**
 * A delimited table read by its content and header: the time column found by what its cells hold (Unix, ISO,
 * clock time or rising seconds, whatever its name), counters and clocks kept out of the signals, EMG and
 * accelerometer columns recognised by name and unit, or as an accelerometer by gravity when unnamed.
 */
export function planTable(head: Head, options: ImportOptions, formatId: string, formatName: string, view = viewTable(head)): TablePlan {
  const warnings: ImportWarning[] = [];
  const { shape, labels, named, profiles } = view;
  const firstFields = view.rows[0] ?? [];
  const pre = preambleValues(shape.preamble);
  const marked = new Set(labels.map((label, column) => (overrideFor(options, { column, label })?.kind ? column : -1)).filter((c) => c >= 0));
  const { clock, skipped } = pickClock(labels, named, profiles, marked);
  const clocks: ClockPlan[] = clock ? [clock] : [{ type: 'rate', rateHz: options.rateHz ?? rateFromPreamble(pre, badRateLine(head.name, shape.preamble, 0, "the file's header")) ?? noRate(head, shape, labels, firstFields), startS: 0 }];
  const timeCol = clock?.column ?? -1;
  const skip = new Set([timeCol, ...skipped.map((s) => s.column)]);
  if (skipped.length > 0) {
    warnings.push({ message: `not signals, so not analysed: ${skipped.map((s) => `"${labels[s.column]}" (${s.what})`).join(', ')}` });
  }
  const columns = signalColumns(labels, named, profiles, skip, marked, shape, warnings);
  const nothingKnown = !columns.some((c) => c.kind === 'emg' || c.kind === 'accel' || marked.has(c.column)) && !Object.values(options.columns ?? {}).some((c) => c.kind === 'emg' || c.kind === 'accel');
  const rawEmg = nothingKnown ? columns.filter((c) => c.kind === 'other' && isNeutralLabel(labels[c.column]) && swingsAroundZero(profiles[c.column].values)) : [];
  const hasEmg = rawEmg.length > 0 || columns.some((c) => c.kind === 'emg') || Object.values(options.columns ?? {}).some((c) => c.kind === 'emg');
  if (clock && hasEmg) clocks[0] = millisecondsForEmg(clock, labels[clock.column], profiles[clock.column].values, warnings);
  if (rawEmg.length > 0) readAsRawEmg(rawEmg, profiles, rateOf(clocks[0], profiles), warnings);
  const roleWord = new Map<number, string>([...skipped.map((k) => [k.column, k.what] as const), [timeCol, 'time']]);
  if (!columns.some((c) => c.kind === 'emg' || c.kind === 'accel' || marked.has(c.column))) {
    warnings.push({
      message: `no column is ${named ? 'named as' : 'known to be'} EMG or accelerometer: nothing to analyse yet. Columns found: ${labels.map((l, c) => `"${l}"${roleWord.has(c) ? ` (${roleWord.get(c)})` : ''}`).join(', ')}. Mark a column as EMG in the import check, or with --column "${labels.find((_, c) => !skip.has(c)) ?? labels[0]}"=emg`,
    });
  }
  const meta: Record<string, string> = {};
  for (const [k, v] of pre) meta[k] = v;
  let startTime: string | null = null;
  for (const [k, v] of pre) {
    if (/start|date|time/.test(k) && isIsoDateTime(v) && !Number.isNaN(parseIsoMs(v))) startTime = v.trim();
  }
  return buildPlan(
    { formatId, formatName, delimiter: shape.delimiter, decimalComma: shape.decimalComma, firstDataLine: shape.firstDataLine, startTime, meta, warnings, columnNames: labels },
    clocks,
    columns,
    options,
  );
}

/**
 * A time column without a unit, read in seconds, would put muscle signal below 100 Hz, where it is never
 * sampled, while milliseconds give a usual rate: it counts milliseconds (Arduino millis() and many loggers).
 */
function millisecondsForEmg(clock: ClockPlan & { type: 'column' }, label: string, values: readonly number[], warnings: ImportWarning[]): ClockPlan {
  if (clock.unit !== 's' || timeUnitFromLabel(label) !== null) return clock;
  const step = medianStep(values);
  if (step === null || 1000 / step < MIN_EMG_RATE_HZ || 1000 / step > MS_READING_MAX_HZ) return clock;
  warnings.push({
    message: `the time column "${label}" states no unit: in seconds its steps of ${step} would mean ${formatHz(1 / step)}, too slow for EMG, so it is read as milliseconds (${formatHz(1000 / step)}); if it really counts seconds, name it "${label} (s)" or set the sample rate (--rate)`,
    column: clock.column + 1,
  });
  return { ...clock, unit: 'ms' };
}

/** The rate a plan's clock gives, from the head's median step; null when the head cannot tell. */
function rateOf(clock: ClockPlan, profiles: readonly ColumnProfile[]): number | null {
  if (clock.type === 'rate') return clock.rateHz;
  const step = typicalStep(profiles[clock.column].values);
  return step === null ? null : 1 / (step * timeScale(clock.unit).scale);
}

/**
 * Nameless columns that swing around zero at a muscle-signal rate, in a file where nothing else is EMG or
 * accelerometer: read as EMG, in the unit their size suggests, and said so (the import check undoes it).
 */
function readAsRawEmg(raw: ColumnSpec[], profiles: readonly ColumnProfile[], rateHz: number | null, warnings: ImportWarning[]): void {
  if (rateHz === null || rateHz < RAW_EMG_MIN_HZ) return;
  const units = new Set<string>();
  for (const col of raw) {
    const { unit, toMicrovolts } = emgUnitBySize(profiles[col.column].values);
    units.add(unit);
    Object.assign(col, { kind: 'emg', unit: 'uV', scale: toMicrovolts });
  }
  warnings.push({
    message: `no column is named as EMG: ${raw.map((c) => `"${c.label}"`).join(', ')} swing${raw.length === 1 ? 's' : ''} around zero at ${formatHz(rateHz)} as raw muscle signal does, so ${raw.length === 1 ? 'it is' : 'they are'} read as EMG in ${[...units].join(' or ')} (judged by size). If that is wrong, set the kind and unit in the import check, or with --column`,
  });
}

/** No time column and no stated rate: say which column was taken for time and why it could not be read, if any. */
function noRate(head: Head, shape: TableShape, labels: readonly string[], firstFields: readonly string[]): never {
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

/** Every column that is not a time or a counter, with the kind its name (or, unnamed, its content) gives it. */
function signalColumns(
  labels: readonly string[],
  named: boolean,
  profiles: readonly ColumnProfile[],
  skip: ReadonlySet<number>,
  marked: ReadonlySet<number>,
  shape: TableShape,
  warnings: ImportWarning[],
): ColumnSpec[] {
  const columns: ColumnSpec[] = [];
  const accelCols: number[] = [];
  // A delimiter at the end of every line (header included) leaves an empty last column: not a signal.
  let lastColumn = labels.length - 1;
  while (lastColumn > 0 && (shape.labels[lastColumn] ?? '') === '' && profiles[lastColumn].values.every(Number.isNaN) && profiles[lastColumn].role.kind !== 'text') lastColumn--;
  for (let c = 0; c <= lastColumn; c++) {
    if (!marked.has(c) && (skip.has(c) || (named && isTimeLabel(labels[c])))) continue;
    const label = labels[c] || `column ${c + 1}`;
    const g = guessColumn(label);
    if (g.kind === 'other' && profiles[c].role.kind === 'text' && !marked.has(c)) {
      const cell = firstText(profiles[c]);
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
  if (!columns.some((c) => c.kind === 'accel' || c.kind === 'emg')) markGravity(columns, profiles, warnings);
  return columns;
}

/**
 * Columns whose names say nothing (none, or bare axis letters): three side by side whose vector magnitude
 * sits at one gravity are an accelerometer; its unit (g, m/s², mg) follows from that magnitude on import.
 */
function markGravity(columns: ColumnSpec[], profiles: readonly ColumnProfile[], warnings: ImportWarning[]): void {
  const plain = (s: ColumnSpec | undefined) => s !== undefined && s.kind === 'other' && (s.unit === '' || s.unit === '?') && !NOT_ACCEL.test(s.label);
  for (let k = 0; k + 2 < columns.length; k++) {
    const [a, b, c] = [columns[k], columns[k + 1], columns[k + 2]];
    if (!plain(a) || !plain(b) || !plain(c) || b.column !== a.column + 1 || c.column !== b.column + 1) continue;
    if (!isGravityTriplet(profiles[a.column].values, profiles[b.column].values, profiles[c.column].values)) continue;
    (['x', 'y', 'z'] as const).forEach((axis, i) => Object.assign(columns[k + i], { kind: 'accel', unit: '?', sensor: 'accelerometer', axis }));
    warnings.push({ message: `"${a.label}", "${b.label}" and "${c.label}" are read as an accelerometer (x, y, z): together they measure one gravity` });
    return;
  }
}

const NOT_ACCEL = /gyro|magnet|orient|rotat|quat|angle|\bgps\b|lat|lon/i;

function firstText(p: ColumnProfile): string {
  return p.cells.find((t, i) => t !== '' && Number.isNaN(p.values[i])) ?? '';
}

function medianStep(values: readonly number[]): number | null {
  const steps = values.slice(1).map((t, i) => t - values[i]).filter((d) => d > 0).sort((a, b) => a - b);
  return steps.length >= 2 ? steps[steps.length >> 1] : null;
}

/** Surface EMG is sampled at 100 Hz at the very least. */
const MIN_EMG_RATE_HZ = 100;
/**
 * Milliseconds are taken only where they give a rate surface recorders use (up to 20 kHz): the seconds
 * reading is then 20 Hz or less, far below any EMG, never a borderline 99 Hz.
 */
const MS_READING_MAX_HZ = 20_000;
/** Raw EMG is recorded at 200 Hz and up (the slowest common armbands); below that a nameless column is not guessed to be it. */
const RAW_EMG_MIN_HZ = 200;

export const genericTable: FormatDef = {
  id: 'csv',
  name: 'Delimited table',
  description: 'Any CSV/TSV/TXT table: header with EMG/accelerometer column names and units, time column or stated rate',
  evidence: 'real',
  detect: () => 0.05,
  plan: (head, options) => planTable(head, options, 'csv', 'Delimited table'),
};
