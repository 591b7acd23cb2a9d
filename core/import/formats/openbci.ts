import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import { isoFromEpochS } from '../time';
import type { FormatDef } from './format';
import { preambleValues, rateFromPreamble } from '../shape';
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
  const r = rateFromPreamble(preambleValues(pre));
  if (r === null) throw new ImportError(head.name, 'the OpenBCI header states no sample rate', 'pass the rate with --rate HZ', 1);
  return r;
}

function startFromEpochMs(head: Head, line: number, column: number, delimiter: string): string | null {
  const f = head.lines[line] ? splitFields(head.lines[line], delimiter)[column] : undefined;
  const ms = f ? Number(f.trim()) : NaN;
  return ms > 1e11 ? isoFromEpochS(ms / 1000) : null;
}

/** OpenBCI GUI v5/v6 "Raw EXG Data": `%` header, a column-name line, ExG in µV, accelerometer in g. */
export const openbciGui: FormatDef = {
  id: 'openbci-gui',
  name: 'OpenBCI GUI raw (v5/v6)',
  description: 'OpenBCI GUI "OpenBCI-RAW" text: Cyton/Ganglion ExG in µV with accelerometer',
  evidence: 'real',
  detect: (head) => (/^%OpenBCI Raw EXG Data/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const pre = headerLines(head);
    const namesLine = pre.length;
    const names = splitFields(head.lines[namesLine] ?? '', ',').map((s) => s.trim());
    const rate = options.rateHz ?? rateOf(head, pre);
    const columns: ColumnSpec[] = [];
    names.forEach((n, c) => {
      if (/^EXG Channel \d+/i.test(n)) columns.push({ column: c, label: n, kind: 'emg', unit: 'uV' });
      else if (/^Accel Channel (\d)/i.test(n)) {
        const axis = (['x', 'y', 'z'] as const)[Number(/\d/.exec(n)![0])];
        columns.push({ column: c, label: n, kind: 'accel', unit: 'g', sensor: 'board accelerometer', axis, updates: 'hold' });
      }
    });
    const tsCol = names.findIndex((n) => n === 'Timestamp');
    const meta = Object.fromEntries(preambleValues(pre));
    return buildPlan(
      {
        formatId: 'openbci-gui',
        formatName: 'OpenBCI GUI raw (v5/v6)',
        delimiter: ',',
        firstDataLine: namesLine + 1,
        startTime: tsCol >= 0 ? startFromEpochMs(head, namesLine + 1, tsCol, ',') : null,
        meta,
        warnings: [{ message: 'sample times come from the stated rate: the Timestamp column repeats values as packets arrive in bursts' }],
      },
      [{ type: 'rate', rateHz: rate, startS: 0 }],
      columns,
      { ...options, rateHz: undefined },
    );
  },
};

/** The older "Raw EEG Data" layout: no column names; index, N channels, 3 accelerometer (0 between updates), clock time, epoch ms. */
export const openbciLegacy: FormatDef = {
  id: 'openbci-gui-legacy',
  name: 'OpenBCI GUI raw (legacy)',
  description: 'OpenBCI GUI v1–v4 "Raw EEG Data" text without column names',
  evidence: 'real',
  detect: (head) => (/^%OpenBCI Raw EEG Data/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const pre = headerLines(head);
    const values = preambleValues(pre);
    const rate = options.rateHz ?? rateOf(head, pre);
    const first = pre.length;
    const fields = splitFields(head.lines[first] ?? '', ',');
    // A count the header garbles (nan, 0, a million) falls back to the first row: index, channels, 3 accelerometer, 2 times.
    const stated = Number(values.get('number of channels') ?? '8');
    const nCh = Number.isInteger(stated) && stated >= 1 && stated <= 32 ? stated : Math.max(1, fields.length - 6);
    const columns: ColumnSpec[] = [];
    for (let i = 0; i < nCh; i++) columns.push({ column: 1 + i, label: `EXG Channel ${i}`, kind: 'emg', unit: 'uV' });
    (['x', 'y', 'z'] as const).forEach((axis, i) =>
      columns.push({ column: 1 + nCh + i, label: `Accel Channel ${i}`, kind: 'accel', unit: 'g', sensor: 'board accelerometer', axis, updates: 'zeros' }),
    );
    return buildPlan(
      {
        formatId: 'openbci-gui-legacy',
        formatName: 'OpenBCI GUI raw (legacy)',
        delimiter: ',',
        firstDataLine: first,
        startTime: startFromEpochMs(head, first, fields.length - 1, ','),
        meta: Object.fromEntries(values),
      },
      [{ type: 'rate', rateHz: rate, startS: 0 }],
      columns,
      { ...options, rateHz: undefined },
    );
  },
};
