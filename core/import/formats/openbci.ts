import type { ImportWarning } from '../../recording';
import { pickClock } from '../columns';
import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import { viewTable } from '../profile';
import { badRateLine, preambleValues, rateFromPreamble } from '../shape';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

function headerLines(head: Head): string[] {
  const out: string[] = [];
  for (const l of head.lines) {
    if (!l.startsWith('%')) break;
    out.push(l);
  }
  return out;
}

function rateOf(head: Head, pre: string[]): number {
  const r = rateFromPreamble(preambleValues(pre), badRateLine(head.name, pre, 0, 'the OpenBCI header'));
  if (r === null) throw new ImportError(head.name, 'the OpenBCI header states no sample rate ("%Sample Rate = 250 Hz")', 'pass the rate with --rate HZ', 1);
  return r;
}

/**
 * The GUI stamps samples as packets arrive: its times jitter by a packet, so the stated rate times the
 * samples and the time column only places pauses (see regrid). Without a usable time column, the rate alone.
 */
function clockOf(timeColumn: ClockPlan | null, rate: number, options: ImportOptions): ClockPlan {
  if (timeColumn && timeColumn.type === 'column' && options.rateHz === undefined) return { ...timeColumn, nominalRateHz: rate };
  return { type: 'rate', rateHz: options.rateHz ?? rate, startS: 0 };
}

/** Columns named `EXG Channel N` and `Accel Channel N` (GUI v5/v6, and apps writing its names under the older title). */
function namedColumns(names: readonly string[]): ColumnSpec[] {
  const columns: ColumnSpec[] = [];
  names.forEach((n, c) => {
    if (/^EXG Channel \d+/i.test(n)) columns.push({ column: c, label: n, kind: 'emg', unit: 'uV' });
    else if (/^Accel Channel (\d)/i.test(n)) {
      const axis = (['x', 'y', 'z'] as const)[Number(/\d/.exec(n)![0])];
      columns.push({ column: c, label: n, kind: 'accel', unit: 'g', sensor: 'board accelerometer', axis, updates: 'hold' });
    }
  });
  return columns;
}

/** OpenBCI GUI v5/v6 "Raw EXG Data": `%` header, a column-name line, ExG in µV, accelerometer in g. */
export const openbciGui: FormatDef = {
  id: 'openbci-gui',
  name: 'OpenBCI GUI raw (v5/v6)',
  description: 'OpenBCI GUI "OpenBCI-RAW" text: Cyton/Ganglion ExG in µV with accelerometer',
  evidence: 'real',
  detect: (head) => (/^%OpenBCI Raw EXG Data/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan: (head, options) => planNamed(head, options, 'openbci-gui', 'OpenBCI GUI raw (v5/v6)'),
};

function planNamed(head: Head, options: ImportOptions, formatId: string, formatName: string): TablePlan {
  const pre = headerLines(head);
  const namesLine = pre.length;
  const names = splitFields(head.lines[namesLine] ?? '', ',').map((s) => s.trim());
  const rate = rateOf(head, pre);
  const view = viewTable(head, namesLine);
  const { clock } = pickClock(view.labels, view.named, view.profiles);
  return buildPlan(
    { formatId, formatName, delimiter: ',', firstDataLine: namesLine + 1, meta: Object.fromEntries(preambleValues(pre)) },
    [clockOf(clock, rate, options)],
    namedColumns(names),
    { ...options, rateHz: undefined },
  );
}

/**
 * The older "Raw EEG Data" layout has no column names: a sample counter, the ExG channels, three
 * accelerometer columns (0 between updates), then clock time and/or Unix ms. The columns are told apart
 * by content (counter, clocks), so a Ganglion's 4 channels and a Cyton's 8 read right whatever the header says.
 */
export const openbciLegacy: FormatDef = {
  id: 'openbci-gui-legacy',
  name: 'OpenBCI GUI raw (legacy)',
  description: 'OpenBCI GUI v1–v4 "Raw EEG Data" text without column names',
  evidence: 'real',
  detect: (head) => (/^%OpenBCI Raw EEG Data/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const pre = headerLines(head);
    if (/EXG Channel \d/i.test(head.lines[pre.length] ?? '')) return planNamed(head, options, 'openbci-gui-legacy', 'OpenBCI GUI raw (legacy)');
    const values = preambleValues(pre);
    const rate = rateOf(head, pre);
    const view = viewTable(head, pre.length);
    const { clock, skipped } = pickClock(view.labels, false, view.profiles);
    const notSignal = new Set([clock?.column ?? -1, ...skipped.map((s) => s.column)]);
    const signals = view.profiles.filter((p) => !notSignal.has(p.column) && p.role.kind === 'values').map((p) => p.column);
    const accel = signals.length >= 4 ? signals.slice(-3) : [];
    const exg = signals.slice(0, signals.length - accel.length);
    const warnings: ImportWarning[] = [];
    const stated = Number(values.get('number of channels'));
    if (Number.isInteger(stated) && stated !== exg.length) {
      warnings.push({ message: `the header says ${stated} channels, but the rows hold ${exg.length} ExG columns beside the counter, accelerometer and clock: read ${exg.length}` });
    }
    const columns: ColumnSpec[] = exg.map((c, i) => ({ column: c, label: `EXG Channel ${i}`, kind: 'emg', unit: 'uV' }));
    accel.forEach((c, i) =>
      columns.push({ column: c, label: `Accel Channel ${i}`, kind: 'accel', unit: 'g', sensor: 'board accelerometer', axis: (['x', 'y', 'z'] as const)[i], updates: 'zeros' }),
    );
    return buildPlan(
      { formatId: 'openbci-gui-legacy', formatName: 'OpenBCI GUI raw (legacy)', delimiter: view.shape.delimiter, firstDataLine: view.shape.firstDataLine, meta: Object.fromEntries(values), warnings },
      [clockOf(clock, rate, options)],
      columns,
      { ...options, rateHz: undefined },
    );
  },
};
