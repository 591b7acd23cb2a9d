import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/** Title block: stream name, then DD.MM.YY + HH.MM.SS + rate run together. */
const TITLE = /^\s{20,}(\S+)\s+(\d{2})\.(\d{2})\.(\d{2})(\d{2})\.(\d{2})\.(\d{2})(\d+)\s*$/;

/** Movesense recording app CSV: a space-padded title line (stream, date, time, rate), then a CSV table. */
export const movesense: FormatDef = {
  id: 'movesense',
  name: 'Movesense CSV',
  description: 'Movesense sensor streams exported as CSV (ECG, Acc, HeartRate) with a padded title line',
  evidence: 'real',
  detect: (head) => (TITLE.test(head.lines[0] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const t = TITLE.exec(head.lines[0])!;
    const stream = t[1];
    const rate = Number(t[8]);
    const startTime = `20${t[4]}-${t[3]}-${t[2]}T${t[5]}:${t[6]}:${t[7]}`;
    const names = splitFields(head.lines[1] ?? '', ',').map((s) => s.trim());
    const timeCol = names.findIndex((n) => /^timestamp$/i.test(n));
    const isAcc = /^acc/i.test(stream);
    const columns: ColumnSpec[] = [];
    names.forEach((n, c) => {
      if (c === timeCol) return;
      const axis = /^([XYZ])$/i.exec(n)?.[1]?.toLowerCase() as 'x' | 'y' | 'z' | undefined;
      if (isAcc && axis) columns.push({ column: c, label: `${stream} ${n}`, kind: 'accel', unit: 'g', scale: 1 / 9.80665, sensor: 'Movesense', axis });
      else columns.push({ column: c, label: `${stream} ${n}`, kind: 'other', unit: '' });
    });
    const clocks: ClockPlan[] =
      timeCol >= 0 ? [{ type: 'column', column: timeCol, unit: 'epoch-s', presence: 'row' }] : [{ type: 'rate', rateHz: rate, startS: 0 }];
    return buildPlan(
      {
        formatId: 'movesense',
        formatName: 'Movesense CSV',
        delimiter: ',',
        firstDataLine: 2,
        startTime: timeCol >= 0 ? null : startTime,
        meta: { stream, statedRateHz: String(rate) },
        warnings: /^ecg/i.test(stream) ? [{ message: 'this is an ECG stream: it is shown, but twitch detection needs EMG or accelerometer signals' }] : [],
      },
      clocks,
      columns,
      options,
    );
  },
};
