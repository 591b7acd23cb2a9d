import type { ChannelKind } from '../../recording';
import { ImportError } from '../errors';
import { guessDecimalComma, splitFields, type Head } from '../head';
import { sensorLabelOf } from '../labels';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import { parseUnit } from '../units';
import type { FormatDef } from './format';
import { badRateLine, preambleValues, rateFromPreamble } from '../shape';
import { buildPlan, nextNonBlank, type ColumnSpec } from './plan-builder';

/**
 * Noraxon MR3 (myoMUSCLE / myoRESEARCH) table export. Noraxon publishes no file specification and no real
 * export was available. Built from public analysis scripts that read MR3 text exports with
 * `header=4, delimiter="\t"` and columns `Time,s`, `RT TIB.ANT.,uV`, `LT LAT. GASTRO,uV` (four preamble lines,
 * a column line with the unit after a comma inside each name, one row per sample), plus the project brief's
 * description of accelerometer columns (`ACC X, mG`) and of a comma-separated variant with quoted names,
 * which no public file confirmed. Detection needs the time cell first plus a `name,unit` cell with an RT/LT
 * muscle or an ACC name, so other tables are never taken for Noraxon. The preamble is kept as metadata only.
 */

const TIME_CELL = /^time(\s*,\s*s)?$/i;
const NAME_UNIT = /^(.+?)\s*,\s*([^,]+)$/;
const NORAXON_NAME = /^(RT|LT)\s+\S|\bACC\b|\bACCEL\b/i;

interface ColumnLine {
  index: number;
  delimiter: string;
  names: string[];
}

function cells(line: string, delimiter: string): string[] {
  return splitFields(line, delimiter).map((s) => s.trim().replace(/^"|"$/g, '').trim());
}

function isNoraxonCell(cell: string): boolean {
  const m = NAME_UNIT.exec(cell);
  return m !== null && NORAXON_NAME.test(m[1]) && parseUnit(m[2])?.kind != null;
}

function findColumnLine(head: Head): ColumnLine | null {
  for (let i = 0; i < Math.min(head.lines.length, 12); i++) {
    const line = head.lines[i];
    const delimiter = line.includes('\t') ? '\t' : ',';
    const names = cells(line, delimiter);
    if (names.length >= 2 && TIME_CELL.test(names[0]) && names.slice(1).some(isNoraxonCell)) return { index: i, delimiter, names };
  }
  return null;
}

function columnFor(column: number, cell: string): ColumnSpec {
  const m = NAME_UNIT.exec(cell);
  const name = m ? m[1] : cell;
  const unit = m ? parseUnit(m[2]) : null;
  const kind: ChannelKind = unit?.kind ?? 'other';
  const spec: ColumnSpec = { column, label: name, kind, unit: unit?.unit ?? '', scale: unit?.scale ?? 1 };
  if (kind === 'accel') {
    spec.sensor = sensorLabelOf(name);
    spec.axis = /\b([XYZ])\b/i.exec(name)?.[1]?.toLowerCase() as 'x' | 'y' | 'z' | undefined;
  }
  return spec;
}

export const noraxonMr3: FormatDef = {
  id: 'noraxon-mr3',
  name: 'Noraxon MR3 export',
  description: 'Noraxon MR3 table export (tab or comma): "Time,s" then channels named "RT TIB.ANT.,uV", "ACC X, mG"',
  evidence: 'documented',
  detect: (head) => (findColumnLine(head) ? 0.9 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const found = findColumnLine(head);
    if (!found) {
      throw new ImportError(head.name, 'no Noraxon column line ("Time,s" followed by channels named like "RT TIB.ANT.,uV")', 'open it as a plain table with --format csv', 1);
    }
    const first = nextNonBlank(head, found.index + 1);
    if (first >= head.lines.length) {
      throw new ImportError(head.name, 'no samples after the column line', 'check that the export finished', found.index + 2);
    }
    const columns = found.names.slice(1).map((cell, k) => columnFor(k + 1, cell));
    const preamble = head.lines.slice(0, found.index);
    const stated = rateFromPreamble(preambleValues(preamble), badRateLine(head.name, preamble, 0, 'the Noraxon header'));
    const sample = head.lines.slice(first, first + 200);
    return buildPlan(
      {
        formatId: 'noraxon-mr3',
        formatName: 'Noraxon MR3 export',
        delimiter: found.delimiter,
        decimalComma: guessDecimalComma(sample, found.delimiter),
        firstDataLine: first,
        meta: Object.fromEntries(preamble.map((l, i) => [`preamble ${i + 1}`, l.trim()]).filter(([, v]) => v !== '')),
      },
      [{ type: 'column', column: 0, unit: 's', presence: 'row', ...(stated ? { nominalRateHz: stated } : {}) }],
      columns,
      options,
    );
  },
};
