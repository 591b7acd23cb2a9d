import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

/** Axivity AX3/AX6 CSV (OmGui / cwa-convert): no header, `YYYY-MM-DD hh:mm:ss.fff,x,y,z[,gx,gy,gz]` in g and °/s. */
export const axivityCsv: FormatDef = {
  id: 'axivity-csv',
  name: 'Axivity AX3/AX6 CSV',
  description: 'Axivity AX3/AX6 CSV from OmGui or cwa-convert (time, accelerometer in g, optional gyroscope)',
  evidence: 'real',
  detect(head: Head) {
    const rows = head.lines.slice(0, 20).filter((l) => l.trim() !== '');
    if (rows.length === 0) return 0;
    return rows.every((l) => {
      const f = splitFields(l, ',');
      return (f.length === 4 || f.length === 7) && STAMP.test(f[0].trim()) && f.slice(1).every((x) => /^\s*-?\d+(\.\d+)?\s*$/.test(x));
    })
      ? 0.9
      : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    const n = splitFields(head.lines[0], ',').length;
    const columns: ColumnSpec[] = (['x', 'y', 'z'] as const).map((axis, i) => ({ column: i + 1, label: `acc ${axis}`, kind: 'accel', unit: 'g', sensor: 'Axivity', axis }));
    if (n === 7) (['x', 'y', 'z'] as const).forEach((axis, i) => columns.push({ column: i + 4, label: `gyro ${axis}`, kind: 'other', unit: 'deg/s' }));
    return buildPlan(
      { formatId: 'axivity-csv', formatName: 'Axivity AX3/AX6 CSV', delimiter: ',', firstDataLine: 0, startTime: splitFields(head.lines[0], ',')[0].trim().replace(' ', 'T') },
      [{ type: 'column', column: 0, unit: 'iso', presence: 'row' }],
      columns,
      options,
    );
  },
};
