import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import { wrongField } from '../header-fields';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

const LABEL = /^Label:\s*(.+?)\s+Sampling frequency:\s*([\d.eE+-]+)\s+Number of points:\s*(\d+)\s+start:\s*([\d.eE+-]+)\s+Unit:\s*(\S+)/;

/** A `Label:` line whose rate, count, start or unit is not readable names the field, rather than losing its channel. */
function checkLabelLines(head: Head): void {
  head.lines.forEach((l, i) => {
    if (!/^Label:/.test(l) || LABEL.test(l)) return;
    const ctx = { file: head.name, line: i + 1, header: 'the Delsys channel line', hint: 'export the file again from EMGworks, or correct that line' };
    const fields: Array<[string, RegExp]> = [
      ['Sampling frequency', /Sampling frequency:\s*([\d.eE+-]+)\s/],
      ['Number of points', /Number of points:\s*(\d+)\s/],
      ['start', /start:\s*([\d.eE+-]+)\s/],
      ['Unit', /Unit:\s*(\S+)/],
    ];
    for (const [key, re] of fields) {
      if (!re.test(l)) throw wrongField(ctx, key, `is missing or not readable in "${l.length > 80 ? `${l.slice(0, 80)}…` : l}"`);
    }
  });
}

/**
 * Delsys Trigno CSV (EMGworks / Trigno export): one `Label:` line per channel with its rate and unit,
 * then pairs of columns (time, value) per channel; slower channels leave their cells empty at the end.
 */
export const delsysTrigno: FormatDef = {
  id: 'delsys-trigno',
  name: 'Delsys Trigno CSV',
  description: 'Delsys Trigno/EMGworks CSV export: a time column per channel, EMG and accelerometer at their own rates',
  evidence: 'real',
  detect: (head) => (head.lines.slice(0, 5).some((l) => LABEL.test(l)) ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const labels = head.lines.map((l) => LABEL.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    checkLabelLines(head);
    const namesLine = head.lines.findIndex((l) => /^\s*"?X\[s\]"?\s*,/.test(l));
    if (namesLine < 0) throw new ImportError(head.name, 'no column-name line ("X[s],...") after the channel labels', 'export the file again from EMGworks', labels.length + 1);
    const names = splitFields(head.lines[namesLine], ',').map((s) => s.trim().replace(/^"|"$/g, ''));
    const clocks: ClockPlan[] = [];
    const columns: ColumnSpec[] = [];
    for (let c = 1; c < names.length; c += 2) {
      const name = names[c];
      const info = labels.find((m) => m[1].trim() === name) ?? labels[(c - 1) / 2];
      if (!info) continue;
      const unit = info[5];
      const clock = clocks.length;
      clocks.push({ type: 'column', column: c - 1, unit: 's', presence: 'cell', nominalRateHz: Number(info[2]) });
      const sensor = /^(.*?):/.exec(name)?.[1] ?? name;
      if (/\bEMG\b/i.test(name)) {
        const scale = unit === 'V' ? 1e6 : unit === 'mV' ? 1e3 : 1;
        columns.push({ column: c, label: name, kind: 'emg', unit: 'uV', scale, clock });
      } else if (/\bACC\b/i.test(name)) {
        const axis = (/ACC\.([XYZ])/i.exec(name)?.[1] ?? 'x').toLowerCase() as 'x' | 'y' | 'z';
        columns.push({ column: c, label: name, kind: 'accel', unit: 'g', scale: unit === 'g' ? 1 : 1 / 9.80665, clock, sensor, axis });
      } else {
        columns.push({ column: c, label: name, kind: 'other', unit, clock });
      }
    }
    return buildPlan(
      { formatId: 'delsys-trigno', formatName: 'Delsys Trigno CSV', delimiter: ',', firstDataLine: namesLine + 1, meta: { channels: String(labels.length) } },
      clocks,
      columns,
      options,
    );
  },
};
