import { pickClock } from '../columns';
import { splitFields, type Head } from '../head';
import { viewTable } from '../profile';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, needRate, type ColumnSpec } from './plan-builder';

const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

/**
 * Axivity AX3/AX6 CSV (OmGui / cwa-convert): no header, `time,x,y,z[,gx,gy,gz]` in g and °/s, the time
 * written as `YYYY-MM-DD hh:mm:ss.fff` or as Unix seconds; the clock is found by content either way.
 */
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
    const view = viewTable(head);
    const { clock } = pickClock(view.labels, view.named, view.profiles);
    const time = clock?.column ?? -1;
    const values = view.profiles.filter((p) => p.column !== time && p.role.kind === 'values').map((p) => p.column);
    const columns: ColumnSpec[] = (['x', 'y', 'z'] as const).map((axis, i) => ({ column: values[i] ?? i + 1, label: `acc ${axis}`, kind: 'accel', unit: 'g', sensor: 'Axivity', axis }));
    if (values.length >= 6) (['x', 'y', 'z'] as const).forEach((axis, i) => columns.push({ column: values[i + 3], label: `gyro ${axis}`, kind: 'other', unit: 'deg/s' }));
    return buildPlan(
      { formatId: 'axivity-csv', formatName: 'Axivity AX3/AX6 CSV', delimiter: view.shape.delimiter, firstDataLine: view.shape.firstDataLine },
      clock ? [clock] : [{ type: 'rate', rateHz: options.rateHz ?? needRate(head.name, 'the file has no time column', 1), startS: 0 }],
      columns,
      options,
    );
  },
};
