import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import { isIsoDateTime } from '../time';
import type { FormatDef } from './format';
import { buildPlan } from './plan-builder';

/** Garmin raw accelerometer log: no header, `ISO time with zone;x;y;z` in milli-g. */
export const garminAcc: FormatDef = {
  id: 'garmin-acc',
  name: 'Garmin raw accelerometer',
  description: 'Garmin wearable raw accelerometer log (ISO time;x;y;z, milli-g), as read by FLIRT',
  evidence: 'real',
  detect(head: Head) {
    const rows = head.lines.slice(0, 20).filter((l) => l.trim() !== '');
    if (rows.length === 0) return 0;
    const ok = rows.every((l) => {
      const f = splitFields(l, ';');
      return f.length === 4 && isIsoDateTime(f[0]) && /[+-]\d{2}:\d{2}$|Z$/.test(f[0].trim()) && f.slice(1).every((x) => /^\s*-?\d+\s*$/.test(x));
    });
    return ok ? 0.9 : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    return buildPlan(
      { formatId: 'garmin-acc', formatName: 'Garmin raw accelerometer', delimiter: ';', firstDataLine: 0, startTime: splitFields(head.lines[0], ';')[0].trim() },
      [{ type: 'column', column: 0, unit: 'iso', presence: 'row' }],
      (['x', 'y', 'z'] as const).map((axis, i) => ({ column: i + 1, label: `acc ${axis}`, kind: 'accel', unit: 'g', scale: 1e-3, sensor: 'Garmin wrist', axis })),
      options,
    );
  },
};
