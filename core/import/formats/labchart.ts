import type { ChannelKind, ImportWarning } from '../../recording';
import { ImportError } from '../errors';
import { guessDecimalComma, splitFields, type Head } from '../head';
import { wrongField } from '../header-fields';
import { guessColumn, sensorLabelOf } from '../labels';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import { parseUnit } from '../units';
import type { FormatDef } from './format';
import { buildPlan, needRate, type ColumnSpec } from './plan-builder';

/**
 * ADInstruments LabChart "Export as text" (.txt). Built from ADInstruments' knowledge-base page on the text
 * data headers (Interval, ChannelTitle, Range; interval units hr/min/s/ms/µs; two tabs mean "no value") and
 * the layout parsed by public readers (physiopy/phys2bids txt.py, Neures-1158/labchart_txt_parser): `Key=`
 * lines separated by tabs, then one row per sample, tab-separated, time first when it was exported, with
 * `#*` comments after the values. No real export was available; the fixture is written from that layout.
 */

const KEY = /^(Interval|ExcelDateTime|DateTime|TimeFormat|DateFormat|ChannelTitle|Range|UnitName|TopValue|BottomValue)=/;

const INTERVAL_S: Record<string, number> = { hr: 3600, min: 60, s: 1, ms: 1e-3, 'µs': 1e-6, 'μs': 1e-6, us: 1e-6 };

/** Days between Excel's day 0 (1899-12-30) and the Unix epoch. */
const EXCEL_EPOCH_DAYS = 25569;

interface LabChartHeader {
  values: Map<string, string[]>;
  /** Index of the first data line. */
  dataLine: number;
}

function readHeader(head: Head): LabChartHeader {
  const values = new Map<string, string[]>();
  let i = 0;
  for (; i < head.lines.length; i++) {
    const line = head.lines[i];
    const m = KEY.exec(line);
    if (!m) break;
    // LabChart's import side quotes titles to keep their spaces; accept either form.
    values.set(m[1], line.slice(m[0].length).split('\t').slice(1).map((s) => s.trim().replace(/^"(.*)"$/, '$1')));
  }
  while (i < head.lines.length && head.lines[i].trim() === '') i++;
  return { values, dataLine: i };
}

/** `0.0005 s` → 2000 Hz. */
function rateFromInterval(file: string, text: string): number {
  const m = /^([\d.]+(?:[eE][+-]?\d+)?)\s*(\S+)$/.exec(text.trim());
  const perUnit = m ? INTERVAL_S[m[2]] : undefined;
  const dt = m ? Number(m[1]) * (perUnit ?? NaN) : NaN;
  if (!(dt > 0)) {
    throw new ImportError(file, `the LabChart interval "${text}" is not readable`, 'pass the rate with --rate HZ', 1);
  }
  return 1 / dt;
}

/** Excel serial day (local wall time of the recording) → ISO 8601 without a zone. */
function startFromExcel(serial: string | undefined, file: string): string | null {
  if (serial === undefined || serial === '') return null;
  const days = Number(serial);
  if (!Number.isFinite(days) || days <= EXCEL_EPOCH_DAYS) {
    throw wrongField({ file, line: 1, header: 'the LabChart header', hint: 'export the block again from LabChart, or correct that line' }, 'ExcelDateTime', `should be a day number after 1970 (Excel's count), not "${serial}"`);
  }
  return new Date(Math.round((days - EXCEL_EPOCH_DAYS) * 86_400_000)).toISOString().slice(0, 23);
}

/** The unit of each channel: a unit-conversion name when LabChart set one, otherwise the unit of its range. */
function unitOf(c: number, values: Map<string, string[]>): string {
  const named = values.get('UnitName')?.[c];
  if (named !== undefined && named !== '*') return named;
  const range = values.get('Range')?.[c] ?? '';
  return /\s(\S+)$/.exec(range)?.[1] ?? '';
}

function columnFor(column: number, title: string, unitText: string, warnings: ImportWarning[]): ColumnSpec {
  // LabChart on Windows writes µ in the system code page, which is not UTF-8.
  const unit = parseUnit(unitText.replace(/^\uFFFD/, 'µ'));
  const guess = guessColumn(title);
  let kind: ChannelKind = guess.kind;
  if (kind === 'other' && unit?.kind === 'accel') kind = 'accel';
  if (kind === 'emg' && unit?.kind !== 'emg') {
    warnings.push({ message: `"${title}" is named as EMG but its unit "${unitText}" is not a voltage: kept as a plain signal`, column: column + 1 });
    kind = 'other';
  }
  if (kind === 'accel' && unit?.kind !== 'accel') {
    warnings.push({ message: `"${title}" is named as an accelerometer but its unit "${unitText}" is not an acceleration: kept as a plain signal`, column: column + 1 });
    kind = 'other';
  }
  const spec: ColumnSpec = { column, label: title, kind, unit: unit?.unit ?? '', scale: unit?.scale ?? 1 };
  if (kind === 'accel') {
    spec.sensor = guess.sensorLabel ?? sensorLabelOf(title);
    spec.axis = guess.axis;
  }
  return spec;
}

export const labChart: FormatDef = {
  id: 'labchart',
  name: 'LabChart text export',
  description: 'ADInstruments LabChart "Export as text": Interval=/ChannelTitle=/Range= header, tab-separated samples',
  evidence: 'documented',
  detect(head: Head) {
    const { values } = readHeader(head);
    return values.has('Interval') && values.has('ChannelTitle') ? 1 : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    const { values, dataLine } = readHeader(head);
    const titles = values.get('ChannelTitle') ?? [];
    const first = head.lines[dataLine];
    if (first === undefined) {
      throw new ImportError(head.name, 'no samples after the LabChart header', 'check that the export finished, or export the block again from LabChart', dataLine + 1);
    }
    // Date and time are optional export columns before the channels: the fullest rows say how many there are.
    const widest = Math.max(
      ...head.lines.slice(dataLine, dataLine + 50).filter((l) => !KEY.test(l)).map((l) => splitFields(l, '\t').filter((f) => !f.trim().startsWith('#')).length),
    );
    const offset = Math.min(2, Math.max(0, widest - titles.length));
    const interval = values.get('Interval')?.[0];
    const rate = options.rateHz ?? (interval ? rateFromInterval(head.name, interval) : needRate(head.name, 'the LabChart header has no Interval= line', 1));
    const warnings: ImportWarning[] = [];
    const columns = titles.map((t, c) => columnFor(c + offset, t || `channel ${c + 1}`, unitOf(c, values), warnings));
    const later = head.lines.slice(dataLine).findIndex((l) => KEY.test(l));
    if (later >= 0) {
      warnings.push({
        message: 'the file holds more than one LabChart block: blocks are joined end to end and the header lines between them count as gaps',
        line: dataLine + later + 1,
      });
    }
    const sample = head.lines.slice(dataLine, dataLine + 200);
    return buildPlan(
      {
        formatId: 'labchart',
        formatName: 'LabChart text export',
        delimiter: '\t',
        decimalComma: guessDecimalComma(sample, '\t'),
        firstDataLine: dataLine,
        startTime: startFromExcel(values.get('ExcelDateTime')?.[0], head.name),
        meta: {
          interval: interval ?? '',
          timeFormat: values.get('TimeFormat')?.[0] ?? '',
          ...(values.get('ExcelDateTime')?.[1] ? { recorded: values.get('ExcelDateTime')![1] } : {}),
        },
        warnings,
      },
      [{ type: 'rate', rateHz: rate, startS: 0 }],
      columns,
      { ...options, rateHz: undefined },
    );
  },
};
