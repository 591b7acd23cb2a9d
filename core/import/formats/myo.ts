import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/** Thalmic Myo armband streams its 8 EMG pods at 200 Hz (Myo SDK documentation). */
const MYO_RATE_HZ = 200;

/** Myo armband raw EMG log without header: 8 signed 8-bit EMG values per row, optionally a gesture label. */
export const myoArmband: FormatDef = {
  id: 'myo-emg',
  name: 'Myo armband EMG',
  description: 'Thalmic Myo raw EMG text: 8 columns of −128…127 (plus an optional label), 200 Hz',
  evidence: 'real',
  detect(head: Head) {
    const rows = head.lines.slice(0, 200).filter((l) => l.trim() !== '');
    if (rows.length < 5) return 0;
    const ok = rows.every((l) => {
      const f = splitFields(l, ',');
      return (f.length === 8 || f.length === 9) && f.slice(0, 8).every((x) => /^-?\d{1,3}$/.test(x.trim()) && Math.abs(Number(x)) <= 128);
    });
    return ok ? 0.6 : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    const n = splitFields(head.lines[0], ',').length;
    const columns: ColumnSpec[] = [];
    for (let i = 0; i < 8; i++) columns.push({ column: i, label: `Myo EMG ${i + 1}`, kind: 'emg', unit: 'a.u.' });
    if (n === 9) columns.push({ column: 8, label: 'gesture label', kind: 'other', unit: '' });
    return buildPlan(
      {
        formatId: 'myo-emg',
        formatName: 'Myo armband EMG',
        delimiter: ',',
        firstDataLine: 0,
        warnings: [
          { message: 'Myo EMG values are raw 8-bit levels without a volt calibration: amplitudes are in device units (a.u.)' },
          ...(options.rateHz === undefined ? [{ message: `the file states no rate: read at the Myo's ${MYO_RATE_HZ} Hz (pass --rate to change)` }] : []),
        ],
      },
      [{ type: 'rate', rateHz: MYO_RATE_HZ, startS: 0 }],
      columns,
      options,
    );
  },
};
