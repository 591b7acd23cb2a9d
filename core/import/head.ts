import Papa from 'papaparse';
import type { ByteSource } from './source';
import { createDecoder, sniffEncoding, type Decoder, type TextEncoding } from './text';

/** The first part of a file, decoded and split into lines, which format detection looks at. */
export interface Head {
  name: string;
  size: number;
  encoding: TextEncoding;
  bomLength: number;
  /** Complete lines (terminators removed), at most HEAD_LINES of them. */
  lines: string[];
  /** True when `lines` is the whole file. */
  complete: boolean;
  /** Byte offset (after the BOM) where each of `lines` starts: lets the scanner start at any line. */
  lineOffsets: number[];
  /** Bytes read after the last complete line: the start of a line longer than the rest of the head. */
  tailBytes: number;
}

export const HEAD_BYTES = 256 * 1024;
const HEAD_LINES = 400;

export async function readHead(source: ByteSource): Promise<Head> {
  const bytes = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const { encoding, bomLength } = sniffEncoding(bytes);
  const complete = bytes.length >= source.size;
  const lines: string[] = [];
  const lineOffsets: number[] = [];
  let tailBytes = 0;
  if (encoding === 'utf-8') {
    // Split on bytes so offsets are exact; decode each line on its own.
    const dec = createDecoder('utf-8');
    const start = splitLines(bytes, bomLength, dec, lines, lineOffsets);
    if (complete && start < bytes.length && lines.length < HEAD_LINES) {
      lines.push(dec.decode(bytes.subarray(start)));
      lineOffsets.push(start);
    } else if (lines.length < HEAD_LINES) {
      tailBytes = bytes.length - start;
    }
  } else {
    // UTF-16: offsets are not used (the scanner re-encodes these files as a whole), only the text.
    const text = createDecoder(encoding).decode(bytes.subarray(bomLength));
    const parts = text.split(/\r\n|\r|\n/);
    if (!complete) tailBytes = 2 * (parts.pop()?.length ?? 0);
    for (const p of parts.slice(0, HEAD_LINES)) {
      lines.push(p);
      lineOffsets.push(-1);
    }
  }
  return {
    name: source.name,
    size: source.size,
    encoding,
    bomLength,
    lines,
    complete: complete && lines.length < HEAD_LINES,
    lineOffsets,
    tailBytes,
  };
}

/**
 * The lines of `bytes` from `from` on, each decoded on its own, into `lines` and their offsets into
 * `offsets`, until HEAD_LINES; returns where the line left unfinished starts. A function of its own: in
 * readHead the loop was compiled on the stack and thrown out at the code after it, which had not run yet.
 */
function splitLines(bytes: Uint8Array, from: number, dec: Decoder, lines: string[], offsets: number[]): number {
  let start = from;
  for (let i = from; i < bytes.length && lines.length < HEAD_LINES; i++) {
    const b = bytes[i];
    if (b === 10 || b === 13) {
      lines.push(dec.decode(bytes.subarray(start, i)));
      offsets.push(start);
      if (b === 13 && bytes[i + 1] === 10) i++;
      start = i + 1;
    }
  }
  return start;
}

/** Fields of one line, quotes honoured (papaparse). */
export function splitFields(line: string, delimiter: string): string[] {
  if (delimiter === ' ') return line.trim().split(/[ \t]+/);
  if (!line.includes('"')) return line.split(delimiter);
  const r = Papa.parse<string[]>(line, { delimiter, header: false, skipEmptyLines: false });
  return r.data[0] ?? [];
}

/**
 * `splitFields` for one delimiter, as a scanner's `quotedLine`: a closure holding the delimiter alone, so a
 * scanner kept after its file (DelimitedScanner.end) keeps nothing else of the import alive.
 */
export function fieldSplitter(delimiter: string): (line: string) => string[] {
  return (line) => splitFields(line, delimiter);
}

/** `lines` split at `delimiter`, one array of fields per line. */
export function splitEach(lines: readonly string[], delimiter: string): string[][] {
  const out: string[][] = [];
  for (const l of lines) out.push(splitFields(l, delimiter));
  return out;
}

// Format detection runs the same tests on every file's head. Tests handed to filter/map/every are functions
// declared once, here and in shape.ts and profile.ts: an arrow written in place is a new function at every
// call, which V8 optimised again, file after file (60-80 compiles in each thread of a batch of 20).

/** A line or cell with more than whitespace. */
export function isFilled(text: string): boolean {
  return text.trim() !== '';
}

/** A cell without the whitespace and the double quotes around it. */
export function unquotedCell(field: string): string {
  return field.trim().replace(/^"|"$/g, '').trim();
}

const DELIMITERS = [',', ';', '\t', '|', ' '];

/** True when text reads as a number (either decimal mark). */
export function looksNumeric(text: string): boolean {
  return /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?\s*$/.test(text);
}

/**
 * The delimiter that splits the sample lines into the same number (≥ 2) of fields most consistently and
 * into numbers most often, preferring more fields; a single-column file gets ','. The numbers decide
 * between `;` and `,` in files written with a decimal comma (`0,001;0,0168`), which split evenly either way.
 */
export function guessDelimiter(lines: readonly string[]): string {
  let best = ',';
  let bestScore = -1;
  const filled = lines.filter(isFilled);
  for (const d of DELIMITERS) {
    const rows = splitEach(filled, d);
    if (rows.length === 0) continue;
    const counts = rows.map(fieldCount);
    const mode = modeOf(counts);
    if (mode < 2) continue;
    const agree = occurrences(counts, mode) / counts.length;
    const cells = rows.flat().filter(isFilled);
    const numeric = cells.length > 0 ? cells.filter(looksNumericQuoted).length / cells.length : 0;
    // Agreement dominates, then cells that read as numbers; among equals, more fields wins; space is the last resort.
    const score = agree * 1000 + numeric * 500 + Math.min(mode, 100) - (d === ' ' ? 50 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function fieldCount(fields: readonly string[]): number {
  return fields.length;
}

function occurrences(xs: readonly number[], x: number): number {
  let n = 0;
  for (const v of xs) if (v === x) n++;
  return n;
}

/** A cell that reads as a number inside its quotes, if any. */
function looksNumericQuoted(field: string): boolean {
  return looksNumeric(field.replace(/^\s*"|"\s*$/g, ''));
}

function modeOf(xs: number[]): number {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  let best = 0;
  let bestN = 0;
  for (const [k, n] of m) {
    if (n > bestN || (n === bestN && k > best)) {
      best = k;
      bestN = n;
    }
  }
  return best;
}

/** A decimal comma is in use when numbers in `;`/tab files carry a comma and no point. */
export function guessDecimalComma(lines: readonly string[], delimiter: string): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let point = 0;
  for (const l of lines) {
    for (const f of splitFields(l, delimiter)) {
      if (/^\s*[+-]?\d+,\d+\s*$/.test(f)) comma++;
      else if (/^\s*[+-]?\d+\.\d+\s*$/.test(f)) point++;
    }
  }
  return comma > point;
}
