import type { Axis, ChannelKind, ImportWarning } from '../../recording';
import { ImportError } from '../errors';
import type { Head } from '../head';
import type { ImportOptions } from '../options';
import type { ClockPlan, SensorPlan, SignalPlan, TablePlan } from '../plan';
import { parseUnit } from '../units';

export interface ColumnSpec {
  column: number;
  label: string;
  /** The column's name as the file writes it, when the label adds to it: `--column` may name either. */
  header?: string;
  kind: ChannelKind;
  unit: string;
  scale?: number;
  offset?: number;
  clock?: number;
  presence?: 'row' | 'cell';
  /** Accelerometer axes with the same sensor key form one sensor. */
  sensor?: string;
  axis?: Axis;
  resolution?: number;
  range?: { min: number; max: number };
  updates?: 'hold' | 'zeros';
}

export interface PlanBase {
  formatId: string;
  formatName: string;
  delimiter: string;
  decimalComma?: boolean;
  firstDataLine: number;
  startTime?: string | null;
  meta?: Record<string, string>;
  warnings?: ImportWarning[];
  notRaw?: string;
  ratesFromLengths?: boolean;
  /** Every column's name in the file, signal or not: what `--column` may name. */
  columnNames?: string[];
}

/**
 * Assembles a TablePlan: stable ids (`emg1`, `acc1.x`, `ch5`), sensors from shared keys, and the user's
 * overrides (kind and unit per column, by label or 1-based index) applied last.
 */
export function buildPlan(base: PlanBase, clocks: ClockPlan[], columns: ColumnSpec[], options: ImportOptions): TablePlan {
  const warnings = [...(base.warnings ?? [])];
  const signals: SignalPlan[] = [];
  const sensors: SensorPlan[] = [];
  const sensorIds = new Map<string, string>();
  let emg = 0;
  for (const spec of columns) {
    const o = overrideFor(options, spec);
    const kind = o?.kind ?? spec.kind;
    let unit = spec.unit;
    let scale = spec.scale ?? 1;
    if (o?.unit) {
      const u = parseUnit(o.unit);
      if (u) {
        unit = u.unit;
        scale = u.scale;
      }
    } else if (o?.kind && o.kind !== spec.kind) {
      // Marked without a unit: EMG in the device's own units; an accelerometer's unit follows from gravity on import.
      if (o.kind === 'emg' && unit !== 'uV') unit = 'a.u.';
      if (o.kind === 'accel' && unit !== 'g') unit = '?';
    }
    let id: string;
    let sensor: string | undefined;
    let axis = spec.axis;
    if (kind === 'emg') {
      id = `emg${++emg}`;
    } else if (kind === 'accel') {
      const key = spec.sensor ?? 'accelerometer';
      sensor = sensorIds.get(key);
      if (!sensor) {
        sensor = `acc${sensorIds.size + 1}`;
        sensorIds.set(key, sensor);
        sensors.push({ id: sensor, label: key });
      }
      const used = new Set(signals.filter((s) => s.sensor === sensor).map((s) => s.axis));
      if (!axis || used.has(axis)) axis = (['x', 'y', 'z'] as Axis[]).find((a) => !used.has(a));
      id = axis ? `${sensor}.${axis}` : `${sensor}.${spec.column + 1}`;
    } else {
      id = `ch${spec.column + 1}`;
    }
    signals.push({
      column: spec.column,
      id,
      label: spec.label,
      ...(spec.header && spec.header !== spec.label ? { header: spec.header } : {}),
      kind,
      unit,
      scale,
      offset: spec.offset ?? 0,
      clock: spec.clock ?? 0,
      presence: spec.presence ?? 'row',
      ...(sensor ? { sensor } : {}),
      ...(axis && kind === 'accel' ? { axis } : {}),
      ...(spec.resolution ? { resolution: spec.resolution } : {}),
      ...(spec.range ? { range: spec.range } : {}),
      ...(spec.updates ? { updates: spec.updates } : {}),
      ...(o?.kind ? { marked: true } : {}),
    });
  }
  let planClocks = clocks;
  if (options.rateHz !== undefined) {
    planClocks = clocks.map((c) => ({ type: 'rate', rateHz: options.rateHz!, startS: 0 }));
    if (planClocks.length === 0) planClocks = [{ type: 'rate', rateHz: options.rateHz, startS: 0 }];
    warnings.push({ message: `sample rate set to ${options.rateHz} Hz by the user; time columns are not used for timing` });
  }
  return {
    formatId: base.formatId,
    formatName: base.formatName,
    delimiter: base.delimiter,
    decimalComma: base.decimalComma ?? false,
    firstDataLine: base.firstDataLine,
    clocks: planClocks,
    signals,
    sensors,
    startTime: base.startTime ?? null,
    meta: base.meta ?? {},
    warnings,
    ...(base.notRaw ? { notRaw: base.notRaw } : {}),
    ...(base.ratesFromLengths ? { ratesFromLengths: true } : {}),
    ...(base.columnNames ? { columnNames: base.columnNames } : {}),
  };
}

/** The user's correction for a column, named by its 1-based index, its label or its header text (any case). */
export function overrideFor(options: ImportOptions, spec: { column: number; label: string; header?: string }): { kind?: ChannelKind; unit?: string } | undefined {
  const cols = options.columns;
  if (!cols) return undefined;
  const byIndex = cols[String(spec.column + 1)];
  if (byIndex) return byIndex;
  const names = [spec.label, spec.header].filter((n): n is string => !!n).map(columnKey);
  for (const [key, value] of Object.entries(cols)) if (names.includes(columnKey(key))) return value;
  return undefined;
}

/** How column names compare: case, surrounding quotes and spaces do not matter. */
export function columnKey(name: string): string {
  return name.trim().replace(/^"|"$/g, '').trim().toLowerCase();
}

/** The first line index at or after `from` that is not blank. */
export function nextNonBlank(head: Head, from: number): number {
  let i = from;
  while (i < head.lines.length && head.lines[i].trim() === '') i++;
  return i;
}

/** A rate the user must give: the file states none and has no usable time column. `line`/`column`: where one was looked for. */
export function needRate(file: string, what: string, line?: number, column?: number): never {
  throw new ImportError(file, `no sample rate: ${what}`, 'pass the rate with --rate HZ, or set it in the import check', line, column, 'rate');
}
