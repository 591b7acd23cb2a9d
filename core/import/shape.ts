import { ImportError } from './errors';
import { wrongField } from './header-fields';
import { guessDecimalComma, guessDelimiter, isFilled, looksNumeric, splitFields, unquotedCell, type Head } from './head';
import { isIsoDateTime } from './time';

export const COMMENT = /^\s*(#|%|\/\/)/;

export interface TableShape {
  delimiter: string;
  decimalComma: boolean;
  /** Index of the header line, or -1. */
  headerLine: number;
  firstDataLine: number;
  labels: string[];
  /** Lines before the header or data: comments and preamble. */
  preamble: string[];
  fieldCount: number;
}

/** Cells that look like data: numbers, ISO times, or the spellings of "missing". */
function dataLike(field: string): boolean {
  const t = field.trim().replace(/^"|"$/g, '');
  return t === '' || looksNumeric(t) || isIsoDateTime(t) || /^(nan|na|n\/a|-|null|inf|-inf)$/i.test(t) || /^\d{1,2}:\d{2}:\d{2}([.,]\d+)?$/.test(t);
}

function isDataLine(line: string, delimiter: string): boolean {
  if (line.trim() === '' || COMMENT.test(line)) return false;
  const fields = splitFields(line, delimiter);
  const filled = fields.filter(isFilled);
  return filled.length > 0 && fields.every(dataLike);
}

/** A data row with unreadable cells: its first cell and at least as many cells as not are data. */
function isDataLineWithGaps(line: string, delimiter: string, fieldCount: number): boolean {
  if (line.trim() === '' || COMMENT.test(line)) return false;
  const fields = splitFields(line, delimiter);
  if (fields.length !== fieldCount || !dataLike(fields[0]) || fields[0].trim() === '') return false;
  const good = fields.filter(dataLike).length;
  return good >= fields.length - good;
}

/** A row whose first cell is data and whose numbers are at least as many as its text cells. */
function isMostlyData(line: string, delimiter: string): boolean {
  if (line.trim() === '' || COMMENT.test(line)) return false;
  const fields = splitFields(line, delimiter);
  if (fields[0].trim() === '' || !dataLike(fields[0])) return false;
  const good = fields.filter(dataLike).length;
  return good >= fields.length - good && fields.some(looksNumericUnquoted);
}

function looksNumericUnquoted(field: string): boolean {
  return looksNumeric(field.trim().replace(/^"|"$/g, ''));
}

/** A line that is neither blank nor a comment. */
function isContent(line: string): boolean {
  return isFilled(line) && !COMMENT.test(line);
}

/** The first line that starts five non-blank lines all passing `isRow`, or -1. */
function firstRun(lines: readonly string[], from: number, isRow: (line: string) => boolean): number {
  for (let i = from; i < lines.length; i++) {
    if (!isRow(lines[i])) continue;
    let ok = true;
    let seen = 0;
    for (let j = i + 1; j < lines.length && seen < 4; j++) {
      if (lines[j].trim() === '') continue;
      seen++;
      if (!isRow(lines[j])) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

/** Finds where the data starts, the header line above it, and the delimiter. */
export function tableShape(head: Head, from = 0): TableShape {
  const lines = head.lines;
  const candidates = lines.slice(from).filter(isContent).slice(-60);
  const delimiter = guessDelimiter(candidates.length > 0 ? candidates : lines);
  // Rows of numbers only, or failing that, rows that carry a text column (labels, notes) beside the numbers.
  let first = firstRun(lines, from, (l) => isDataLine(l, delimiter));
  if (first < 0) first = firstRun(lines, from, (l) => isMostlyData(l, delimiter));
  if (first < 0) {
    throw new ImportError(
      head.name,
      'no rows of numbers found',
      'TwitchScope reads delimited text exports (CSV, TSV, TXT) with one sample per line',
      lines.length > 0 ? 1 : undefined,
    );
  }
  const fieldCount = splitFields(lines[first], delimiter).length;
  // Rows above the first clean run that are mostly numbers are data with a bad cell, not the header.
  while (first - 1 >= from && isDataLineWithGaps(lines[first - 1], delimiter, fieldCount)) first--;
  let headerLine = -1;
  for (let i = first - 1; i >= from; i--) {
    if (lines[i].trim() === '') continue;
    if (!COMMENT.test(lines[i]) && splitFields(lines[i], delimiter).length >= Math.min(2, fieldCount)) headerLine = i;
    break;
  }
  const labels =
    headerLine >= 0
      ? splitFields(lines[headerLine], delimiter).map(unquotedCell)
      : [];
  const dataSample = lines.slice(first, first + 200);
  return {
    delimiter,
    decimalComma: guessDecimalComma(dataSample, delimiter),
    headerLine,
    firstDataLine: first,
    labels,
    preamble: lines.slice(from, headerLine >= 0 ? headerLine : first),
    fieldCount,
  };
}

/** `key = value` or `key: value` pairs in preamble lines (comment marks removed). */
export function preambleValues(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) {
    const m = /^\s*(?:#|%|\/\/)?\s*([^=:]+?)\s*[=:]\s*(.+?)\s*[,;]*\s*$/.exec(l);
    if (m) out.set(m[1].toLowerCase(), m[2]);
  }
  return out;
}

/**
 * The sample rate a preamble states (`# rate_hz = 2000`, `%Sample Rate = 250.0 Hz`, `fs: 1 kHz`), or null when
 * none does. A rate line whose value is not a rate is bad input: `bad` makes the error that names it.
 */
export function rateFromPreamble(values: Map<string, string>, bad?: (key: string, value: string) => Error): number | null {
  for (const [k, v] of values) {
    if (!/(sampl\w*\s*(rate|freq\w*)|^fs$|^rate(_hz)?$|^sampling$|frequency)/.test(k) || /filter|line|mains|notch|cut|band|high|low/.test(k)) continue;
    const m = /^([\d.]+(?:e[+-]?\d+)?)\s*(k?hz)?\b/i.exec(v.trim());
    const r = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'khz' ? 1000 : 1) : NaN;
    if (r > 0 && Number.isFinite(r)) return r;
    if (bad) throw bad(k, v);
  }
  return null;
}

/** The error for a preamble rate line that does not hold a rate: names the line, its key and its value. */
export function badRateLine(file: string, lines: readonly string[], firstLine: number, header: string) {
  return (key: string, value: string): Error => {
    const at = lines.findIndex((l) => l.toLowerCase().includes(key));
    return wrongField({ file, line: firstLine + Math.max(0, at) + 1, header, hint: 'correct that line, or pass the rate with --rate HZ' }, key, `should be a sample rate in Hz, not "${value}"`);
  };
}
