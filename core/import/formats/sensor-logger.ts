import { ImportError } from '../errors';
import type { Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/**
 * Sensor Logger app (Kelvin Choi) CSV: `time` in Unix ns, `seconds_elapsed`, then the stream's columns.
 * Its accelerometer streams are in m/s² (the app logs gravity as a separate stream).
 */
export const sensorLogger: FormatDef = {
  id: 'sensor-logger',
  name: 'Sensor Logger app CSV',
  description: 'Sensor Logger (iOS/Android) stream CSV: Accelerometer.csv with time (ns) and x/y/z in m/s²',
  evidence: 'real',
  detect(head) {
    const h = head.lines[0] ?? '';
    if (/^version,device name,recording time,platform/i.test(h)) return 1;
    return /^time,seconds_elapsed,/i.test(h) ? 1 : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    const names = head.lines[0].split(',').map((s) => s.trim());
    if (names[1] !== 'seconds_elapsed') {
      throw new ImportError(head.name, "this is Sensor Logger's Metadata.csv, which holds no samples", 'open Accelerometer.csv from the same recording folder', 1);
    }
    const stream = head.name.replace(/\.csv$/i, '');
    const accel = /accelerometer|acceleration/i.test(stream) || (/^(x|y|z)$/.test(names[2]) && !/gyro|magnet|gravity|orientation/i.test(stream));
    const columns: ColumnSpec[] = [];
    names.forEach((n, c) => {
      if (c < 2) return;
      const axis = /^([xyz])$/i.exec(n)?.[1]?.toLowerCase() as 'x' | 'y' | 'z' | undefined;
      if (accel && axis) columns.push({ column: c, label: `${stream} ${n}`, kind: 'accel', unit: 'g', scale: 1 / 9.80665, sensor: stream, axis });
      else columns.push({ column: c, label: `${stream} ${n}`, kind: 'other', unit: '' });
    });
    return buildPlan(
      { formatId: 'sensor-logger', formatName: 'Sensor Logger app CSV', delimiter: ',', firstDataLine: 1, meta: { stream } },
      [{ type: 'column', column: 0, unit: 'epoch-ns', presence: 'row' }],
      columns,
      options,
    );
  },
};
