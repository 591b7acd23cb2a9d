/**
 * The one CSV writer for everything TwitchScope exports (events, batch summary, library summary).
 *
 * Quoting follows RFC 4180: a field holding a comma, a double quote or a line break is wrapped in double
 * quotes, with each quote doubled. Lines end in LF, which every spreadsheet and CSV reader accepts.
 *
 * Text that came from a file or a sidecar (labels, site names, file names) may start with a character a
 * spreadsheet runs as a formula: `=`, `+`, `-`, `@`, tab or carriage return (OWASP "CSV Injection"). Such a
 * cell is written with a leading apostrophe, which Excel, LibreOffice and Google Sheets show as text. A cell
 * that is a plain decimal number ("-12.5", "+3e-4") is left as it is: it can only ever be that number.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: numbers as numbers (non-finite ones empty), text quoted and neutralised as above. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A header row and the data rows, each line ended by LF. */
export function csvTable(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [csvRow(header)];
  for (const row of rows) lines.push(csvRow(row));
  return lines.join('\n') + '\n';
}
