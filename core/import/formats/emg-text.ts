import { isFilled, splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/** Research systems (e.g. Biometrics DataLOG) record EMG at 1000 Hz by default; used only when nothing says otherwise. */
const ASSUMED_RATE_HZ = 1000;

/**
 * Header-less research EMG text: tab-separated integer columns, the first being EMG; channels logged at
 * different rates are written side by side, each top-aligned, so shorter columns end early (ragged).
 * The first column's rate is given (or assumed); the others follow from their lengths.
 */
export const emgTextColumns: FormatDef = {
  id: 'emg-text',
  name: 'Header-less EMG text columns',
  description: 'Research EMG text export without header: tab-separated integer columns, first column EMG',
  evidence: 'real',
  detect(head: Head) {
    const rows = head.lines.slice(0, 200).filter(isFilled);
    if (rows.length < 5) return 0;
    return rows.every((l) => l.includes('\t') && splitFields(l, '\t').every((x) => /^\s*-?\d*\s*$/.test(x))) ? 0.3 : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    const n = splitFields(head.lines[0], '\t').length;
    const rate = options.rateHz ?? ASSUMED_RATE_HZ;
    const clocks: ClockPlan[] = [];
    const columns: ColumnSpec[] = [];
    for (let c = 0; c < n; c++) {
      clocks.push({ type: 'rate', rateHz: rate, startS: 0 });
      columns.push({ column: c, label: c === 0 ? 'EMG' : `column ${c + 1}`, kind: c === 0 ? 'emg' : 'other', unit: c === 0 ? 'a.u.' : '', clock: c, presence: 'cell' });
    }
    return buildPlan(
      {
        formatId: 'emg-text',
        formatName: 'Header-less EMG text columns',
        delimiter: '\t',
        firstDataLine: 0,
        ratesFromLengths: true,
        warnings: [
          ...(options.rateHz === undefined ? [{ message: `the file states no rate: the EMG column is read at ${ASSUMED_RATE_HZ} Hz (pass --rate to change); other columns' rates follow from their lengths` }] : []),
          { message: 'the file states no units: EMG amplitudes are in device units (a.u.)' },
        ],
      },
      clocks,
      columns,
      { ...options, rateHz: undefined },
    );
  },
};
