import { isoFromParts, parseDate, type DateOrder } from '../dates';
import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import { wrongField, type HeaderContext } from '../header-fields';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import { isIsoDateTime } from '../time';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

const NOT_RAW =
  'ActiGraph epoch counts are movement totals per epoch, not raw samples: twitch detection needs raw ' +
  'accelerometer data (export a RAW CSV from ActiLife at 30–100 Hz).';

/** ActiLife writes count columns in this order when it writes no names (ActiLife CSV export documentation). */
const COUNT_COLUMNS = ['Axis1', 'Axis2', 'Axis3', 'Steps', 'Lux', 'Inclinometer Off', 'Inclinometer Standing', 'Inclinometer Sitting', 'Inclinometer Lying'];

const FIELDS = /^(Serial Number|Start Time|Start Date|Epoch Period \(hh:mm:ss\)|Download Time|Download Date):?\s*(.+?)[,\s]*$/i;

interface ActiHeader {
  meta: Record<string, string>;
  rawRateHz: number | null;
  epochS: number;
  startTime: string | null;
}

/** The dashed title line states the date order (`date format M/d/yyyy`), the raw rate (`at 30 Hz`) and the writer. */
function readHeader(head: Head, pre: readonly string[]): ActiHeader {
  const ctx: HeaderContext = { file: head.name, line: 1, header: 'the ActiGraph header', hint: 'export the file again from ActiLife, or correct that line' };
  const meta: Record<string, string> = {};
  for (const l of pre) {
    const m = FIELDS.exec(l);
    if (m) meta[m[1]] = m[2];
  }
  const format = /date format\s+(\S+)/i.exec(pre[0])?.[1] ?? '';
  const order = dateOrder(format, [meta['Start Date'], meta['Download Date']]);
  const rawRate = /at (\d+(?:\.\d+)?) Hz/i.exec(pre[0])?.[1];
  const epochText = meta['Epoch Period (hh:mm:ss)'];
  const epoch = epochText === undefined ? null : /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(epochText);
  if (epochText !== undefined && !epoch) throw wrongField({ ...ctx, line: lineOf(pre, 'Epoch Period') }, 'Epoch Period (hh:mm:ss)', `should be a time like 00:00:15, not "${epochText}"`);
  let startTime: string | null = null;
  if (meta['Start Date'] !== undefined || meta['Start Time'] !== undefined) {
    startTime = isoFromParts(meta['Start Date'] ?? '', meta['Start Time'] ?? '', null, order);
    if (startTime === null) {
      throw wrongField({ ...ctx, line: lineOf(pre, 'Start Date') }, 'Start Date', `and "Start Time" should give a date (${format || 'M/d/yyyy'}) and a time of day, not "${meta['Start Date'] ?? ''}" and "${meta['Start Time'] ?? ''}"`);
    }
  }
  return { meta, rawRateHz: rawRate ? Number(rawRate) : null, epochS: epoch ? +epoch[1] * 3600 + +epoch[2] * 60 + +epoch[3] : 0, startTime };
}

/**
 * The order the title line states (`date format M/d/yyyy`), unless the header's own dates cannot be read in it
 * (a `dd/MM/yyyy` title over `Download Date 09-19-2017`): then the order they can be read in.
 */
function dateOrder(format: string, dates: ReadonlyArray<string | undefined>): DateOrder | undefined {
  const stated: DateOrder | undefined = /^M/.test(format) ? 'mdy' : /^d/.test(format) ? 'dmy' : /^y/i.test(format) ? 'ymd' : undefined;
  const fits = (o: DateOrder | undefined) => dates.every((d) => d === undefined || parseDate(d, o) !== null);
  if (fits(stated)) return stated;
  return (['mdy', 'dmy'] as const).find(fits) ?? stated;
}

function lineOf(lines: readonly string[], key: string): number {
  return lines.findIndex((l) => l.startsWith(key)) + 1 || 1;
}

/** ActiLife CSV exports: a dashed 10-line header, then either epoch counts or raw g ("Accelerometer X"), with or without names. */
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
    const header = readHeader(head, pre);
    const firstRow = dash + 1;
    const cells = splitFields(head.lines[firstRow] ?? '', ',').map((s) => s.trim());
    const hasNames = cells.some((n) => /[a-z]/i.test(n) && !isIsoDateTime(n));
    const dataLine = hasNames ? firstRow + 1 : firstRow;
    const raw = cells.some((n) => /^Accelerometer [XYZ]$/i.test(n)) || (header.rawRateHz !== null && !cells.some((n) => /axis/i.test(n)));
    const firstFields = splitFields(head.lines[dataLine] ?? '', ',');
    const width = firstFields.length;
    const names = hasNames ? cells : Array.from({ length: width }, (_, c) => (raw ? (['Accelerometer X', 'Accelerometer Y', 'Accelerometer Z'][c] ?? `column ${c + 1}`) : (COUNT_COLUMNS[c] ?? `column ${c + 1}`)));
    const timeCol = names.findIndex((n) => /^timestamp$/i.test(n));
    const clocks: ClockPlan[] = [];
    if (timeCol >= 0 && isIsoDateTime(firstFields[timeCol] ?? '')) {
      clocks.push({ type: 'column', column: timeCol, unit: 'iso', presence: 'row' });
    } else {
      const rate = raw ? (header.rawRateHz ?? 0) : header.epochS > 0 ? 1 / header.epochS : 0;
      if (!(rate > 0)) throw new ImportError(head.name, 'the ActiGraph header states no rate ("at 30 Hz") or epoch period', 'pass the rate with --rate HZ', 1);
      clocks.push({ type: 'rate', rateHz: rate, startS: 0 });
    }
    const columns: ColumnSpec[] = [];
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
        startTime: header.startTime,
        meta: header.meta,
        columnNames: names,
        ...(raw ? {} : { notRaw: NOT_RAW, warnings: [{ message: NOT_RAW }] }),
      },
      clocks,
      columns,
      options,
    );
  },
};
