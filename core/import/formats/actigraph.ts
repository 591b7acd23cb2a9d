import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import { isIsoDateTime } from '../time';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

const NOT_RAW =
  'ActiGraph epoch counts are movement totals per epoch, not raw samples: twitch detection needs raw ' +
  'accelerometer data (export a RAW CSV from ActiLife at 30–100 Hz).';

/** ActiLife CSV exports: a dashed 10-line header, then either epoch counts or raw g ("Accelerometer X"). */
export const actigraphActilife: FormatDef = {
  id: 'actigraph-actilife',
  name: 'ActiGraph ActiLife CSV',
  description: 'ActiGraph ActiLife CSV: epoch counts (imported, not analysable) or RAW accelerometer in g',
  evidence: 'real',
  detect: (head) => (/^-+\s*Data (Table )?File Created By Acti ?Graph/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const dash = head.lines.findIndex((l, i) => i > 0 && /^-{10,}/.test(l));
    if (dash < 0) throw new ImportError(head.name, 'the ActiGraph header has no closing dashed line', 'export the file again from ActiLife', 1);
    const pre = head.lines.slice(0, dash);
    const firstRow = dash + 1;
    const names = splitFields(head.lines[firstRow] ?? '', ',').map((s) => s.trim());
    const hasNames = names.some((n) => /axis|accelerometer|timestamp|date/i.test(n));
    const dataLine = hasNames ? firstRow + 1 : firstRow;
    const meta: Record<string, string> = {};
    for (const l of pre) {
      const m = /^(Serial Number|Start Time|Start Date|Epoch Period \(hh:mm:ss\)|Download Time|Download Date):?\s*(.+?)[,\s]*$/i.exec(l);
      if (m) meta[m[1]] = m[2];
    }
    const rawRate = /at (\d+) Hz/i.exec(pre[0])?.[1];
    const raw = names.some((n) => /^Accelerometer [XYZ]$/i.test(n)) || (rawRate !== undefined && !names.some((n) => /axis/i.test(n)));
    const timeCol = names.findIndex((n) => /^timestamp$/i.test(n));
    const firstFields = splitFields(head.lines[dataLine] ?? '', ',');
    const columns: ColumnSpec[] = [];
    const clocks: ClockPlan[] = [];
    if (timeCol >= 0 && isIsoDateTime(firstFields[timeCol] ?? '')) {
      clocks.push({ type: 'column', column: timeCol, unit: 'iso', presence: 'row' });
    } else {
      const epoch = /(\d{2}):(\d{2}):(\d{2})/.exec(meta['Epoch Period (hh:mm:ss)'] ?? '');
      const periodS = epoch ? +epoch[1] * 3600 + +epoch[2] * 60 + +epoch[3] : 0;
      const rate = raw ? Number(rawRate ?? 0) : periodS > 0 ? 1 / periodS : 0;
      if (!(rate > 0)) throw new ImportError(head.name, 'the ActiGraph header states no rate or epoch period', 'pass the rate with --rate HZ', 1);
      clocks.push({ type: 'rate', rateHz: rate, startS: 0 });
    }
    names.forEach((n, c) => {
      if (c === timeCol || /^(date|time)$/i.test(n)) return;
      const axis = /^Accelerometer ([XYZ])$/i.exec(n)?.[1]?.toLowerCase() as 'x' | 'y' | 'z' | undefined;
      if (raw && axis) columns.push({ column: c, label: n, kind: 'accel', unit: 'g', sensor: 'ActiGraph', axis });
      else columns.push({ column: c, label: n, kind: 'other', unit: /axis|vm|vector/i.test(n) ? 'counts' : /steps/i.test(n) ? 'steps' : '' });
    });
    return buildPlan(
      {
        formatId: 'actigraph-actilife',
        formatName: 'ActiGraph ActiLife CSV',
        delimiter: ',',
        firstDataLine: dataLine,
        meta,
        ...(raw ? {} : { notRaw: NOT_RAW, warnings: [{ message: NOT_RAW }] }),
      },
      clocks,
      columns,
      options,
    );
  },
};
