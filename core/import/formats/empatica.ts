import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import { rateField, wrongField } from '../header-fields';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import { isoFromEpochS } from '../time';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

function firstTwo(head: Head): [number[], number[]] | null {
  if (head.lines.length < 3) return null;
  const a = splitFields(head.lines[0], ',').map((s) => Number(s.trim()));
  const b = splitFields(head.lines[1], ',').map((s) => Number(s.trim()));
  if (a.length === 0 || a.length !== b.length || a.some((x) => !Number.isFinite(x)) || b.some((x) => !Number.isFinite(x))) return null;
  return [a, b];
}

/** The archive's info.txt, which describes the CSV files in words. */
const INFO = /^\.csv files in this archive are in the following format/i;

/** Empatica E4 CSV (E4 Connect): row 1 the session start (Unix s) per column, row 2 the rate; ACC in 1/64 g. */
export const empaticaE4: FormatDef = {
  id: 'empatica-e4',
  name: 'Empatica E4 CSV',
  description: 'Empatica E4 ACC.csv (start time row, rate row, 1/64 g); other E4 streams as plain signals',
  evidence: 'real',
  detect(head) {
    if (INFO.test(head.lines[0] ?? '')) return 1;
    const rows = firstTwo(head);
    if (!rows) return 0;
    const [a, b] = rows;
    const same = (xs: number[]) => xs.every((x) => x === xs[0]);
    return same(a) && same(b) && a[0] > 1e9 && a[0] < 1e10 && b[0] > 0 && b[0] <= 1000 ? 0.9 : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    if (INFO.test(head.lines[0] ?? '')) {
      throw new ImportError(head.name, "this is the info.txt of an Empatica E4 archive, which describes the files and holds no samples", 'open ACC.csv from the same folder', 1);
    }
    const rows = firstTwo(head);
    if (!rows) throw new ImportError(head.name, 'the first two rows should hold the start time and the rate', 'this does not look like an Empatica E4 export', 1);
    const [start, rate] = rows;
    const ctx = { file: head.name, line: 2, header: 'the Empatica E4 header', hint: 'export the session again from E4 Connect, or correct that row' };
    rateField(rate[0], 'sample rate (row 2)', ctx);
    if (!(start[0] > 1e8 && start[0] < 4e9)) throw wrongField({ ...ctx, line: 1 }, 'start time (row 1)', `should be Unix seconds, not ${start[0]}`);
    const acc = start.length === 3;
    const columns: ColumnSpec[] = start.map((_, c) =>
      acc
        ? { column: c, label: `ACC ${'xyz'[c]}`, kind: 'accel', unit: 'g', scale: 1 / 64, sensor: 'E4 wristband', axis: (['x', 'y', 'z'] as const)[c], resolution: 1 / 64, range: { min: -2, max: 2 } }
        : { column: c, label: /^(BVP|EDA|TEMP|HR)/i.exec(head.name)?.[1]?.toUpperCase() ?? `column ${c + 1}`, kind: 'other', unit: '' },
    );
    return buildPlan(
      { formatId: 'empatica-e4', formatName: 'Empatica E4 CSV', delimiter: ',', firstDataLine: 2, startTime: isoFromEpochS(start[0]) },
      [{ type: 'rate', rateHz: rate[0], startS: 0 }],
      columns,
      options,
    );
  },
};
