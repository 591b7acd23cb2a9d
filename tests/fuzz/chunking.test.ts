import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFields } from '../../core/import/head';
import { CELL_NUMBER, DelimitedScanner, LineTooLong, type RowSink } from '../../core/import/scan';
import { createDecoder } from '../../core/import/text';
import { caseArbitrary, caseBytes } from './cases';
import { loadSeeds } from './corpus';

/** Every row the scanner reports, as text: line, field count, and each cell's status and value; then how it stopped. */
function scanRows(bytes: Uint8Array, delimiter: string, cuts: number[]): string[] {
  const rows: string[] = [];
  const sink: RowSink = {
    row(line, fieldCount, { values, status, texts }) {
      const cells = Array.from(status, (st, c) => (st === CELL_NUMBER ? `n${values[c]}` : st === 0 ? 'e' : `t${texts[c]}`));
      rows.push(`${line}|${fieldCount}|${cells.join(' ')}`);
    },
  };
  const scanner = new DelimitedScanner(delimiter, delimiter === ';', 6, 1, sink, (l) => splitFields(l, delimiter), createDecoder('utf-8'));
  let at = 0;
  try {
    for (const cut of [...cuts, bytes.length]) {
      scanner.push(bytes.subarray(at, cut));
      at = cut;
    }
    scanner.end();
  } catch (e) {
    // A line over the limit stops the scan, at the same line wherever the cuts fall.
    if (!(e instanceof LineTooLong)) throw e;
    rows.push(`line ${e.line} too long${e.openQuote ? ', open quote' : ''}`);
  }
  return rows;
}

// The importer hands the scanner 1 MiB chunks; a line, a number, a CR LF, a quoted cell or a multi-byte
// character may straddle any boundary. Wherever the cuts fall, the rows must be the same.
describe('chunk boundaries', () => {
  const seeds = loadSeeds(2048);

  it('500 damaged files scan to the same rows however they are cut into chunks', () => {
    const cases = caseArbitrary(seeds.length, ['csv']);
    fc.assert(
      fc.property(cases, fc.array(fc.nat(), { maxLength: 12 }), fc.constantFrom(',', ';', '\t', ' '), (c, rawCuts, delimiter) => {
        const { bytes } = caseBytes(c, seeds);
        const cuts = [...new Set(rawCuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(scanRows(bytes, delimiter, cuts)).toEqual(scanRows(bytes, delimiter, []));
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});
