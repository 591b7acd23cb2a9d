import { splitFields, type Head } from '../head';
import { guessColumn } from '../labels';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import { parseUnit } from '../units';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/** Shimmer ConsensysPRO calibrated CSV: `"sep=;"`, a name line, a unit line; names prefixed by the device. */
export const shimmerConsensys: FormatDef = {
  id: 'shimmer-consensys',
  name: 'Shimmer Consensys CSV',
  description: 'Shimmer3 calibrated export from ConsensysPRO (sep= line, names, units)',
  evidence: 'real',
  detect: (head) => (/^"?sep=/i.test(head.lines[0] ?? '') && /Shimmer_|_CAL\b|Timestamp_Unix/i.test(head.lines[1] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const delimiter = /sep=(.)/i.exec(head.lines[0])?.[1] ?? ';';
    const names = splitFields(head.lines[1], delimiter).map((s) => s.trim());
    const units = splitFields(head.lines[2] ?? '', delimiter).map((s) => s.trim());
    const timeCol = names.findIndex((n) => /Timestamp_Unix/i.test(n));
    const columns: ColumnSpec[] = [];
    names.forEach((raw, c) => {
      if (c === timeCol || raw === '') return;
      const name = raw.replace(/^Shimmer_[0-9A-F]{4}_/i, '');
      const u = parseUnit(units[c] ?? '');
      const accel = /^Accel_(LN|WR)_([XYZ])/i.exec(name);
      if (accel) {
        columns.push({ column: c, label: raw, kind: 'accel', unit: 'g', scale: u?.kind === 'accel' ? u.scale : 1 / 9.80665, sensor: accel[1].toUpperCase() === 'LN' ? 'low-noise accelerometer' : 'wide-range accelerometer', axis: accel[2].toLowerCase() as 'x' | 'y' | 'z' });
      } else if (/^EXG\d_CH\d/i.test(name) || guessColumn(name).kind === 'emg') {
        columns.push({ column: c, label: raw, kind: 'emg', unit: 'uV', scale: u?.kind === 'emg' ? u.scale : 1e3 });
      } else {
        columns.push({ column: c, label: raw, kind: 'other', unit: units[c] ?? '' });
      }
    });
    const device = /^Shimmer_([0-9A-F]{4})_/i.exec(names[0] ?? '')?.[1];
    return buildPlan(
      { formatId: 'shimmer-consensys', formatName: 'Shimmer Consensys CSV', delimiter, firstDataLine: 3, meta: device ? { device: `Shimmer ${device}` } : {} },
      timeCol >= 0 ? [{ type: 'column', column: timeCol, unit: 'epoch-ms', presence: 'row' }] : [],
      columns,
      options,
    );
  },
};
