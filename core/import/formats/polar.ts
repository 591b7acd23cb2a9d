import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import { guessColumn } from '../labels';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/**
 * Polar Sensor Logger (Android) streams: `Phone timestamp;sensor timestamp [ns];...`. The device clock
 * (ns since 2000-01-01) is evenly spaced; phone times are batch-assigned, so timing uses the device clock.
 */
export const polarSensorLogger: FormatDef = {
  id: 'polar-sensor-logger',
  name: 'Polar Sensor Logger',
  description: 'Polar Sensor Logger app text (Verity Sense, H10, OH1): ACC in mg, ECG, PPG, GYRO',
  evidence: 'real',
  detect: (head) => (/^Phone timestamp;(sensor timestamp \[ns\]|Marker)/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    if (/;Marker/i.test(head.lines[0])) {
      throw new ImportError(head.name, 'this is a Polar Sensor Logger marker file, which holds no samples', 'open the _ACC.txt (or _ECG.txt) file recorded at the same time', 1);
    }
    const names = splitFields(head.lines[0], ';').map((s) => s.trim());
    const columns: ColumnSpec[] = [];
    names.forEach((n, c) => {
      if (c <= 1 || /timestamp/i.test(n)) return;
      const axis = /^([XYZ])\s*\[/i.exec(n)?.[1]?.toLowerCase() as 'x' | 'y' | 'z' | undefined;
      const unit = /\[(\w+)\]/.exec(n)?.[1] ?? '';
      if (axis && /^(mg|g)$/i.test(unit)) {
        columns.push({ column: c, label: n, kind: 'accel', unit: 'g', scale: unit.toLowerCase() === 'mg' ? 1e-3 : 1, sensor: 'Polar accelerometer', axis });
      } else {
        const g = guessColumn(n);
        columns.push({ column: c, label: n, kind: g.kind === 'emg' ? 'emg' : 'other', unit: g.unit?.unit ?? unit, scale: g.unit?.scale ?? 1 });
      }
    });
    const device = /Polar_([A-Za-z ]+?)_([0-9A-F]{8})_/.exec(head.name);
    return buildPlan(
      { formatId: 'polar-sensor-logger', formatName: 'Polar Sensor Logger', delimiter: ';', firstDataLine: 1, meta: device ? { device: `Polar ${device[1]} ${device[2]}` } : {} },
      [{ type: 'column', column: 1, unit: 'polar-ns', presence: 'row' }],
      columns,
      options,
    );
  },
};
