/** Numbers as written in device exports, decoded from text the byte scanner could not read directly. */

const MISSING = new Set(['', 'nan', '-nan', 'na', 'n/a', '-', '--', 'null', 'none', 'inf', '-inf', '+inf', 'infinity', '-infinity', '#n/a', '#value!']);

/**
 * A decimal number as exports write it (`-3276.8`, `1e-3`, `.5`, `7.`). Each digit has one place it can go,
 * so matching takes time linear in the text. The older `\d+\.?\d*` let a run of digits split between two
 * quantifiers: a cell of 40,000 digits spoiled by one letter took 1.7 s of backtracking, one of a million
 * some twenty minutes (found by `npm run fuzz`).
 */
export const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell that is not a finite number: NaN (callers count these as gaps). */
export function parseNumberText(text: string, decimalComma: boolean): number {
  let t = text.trim();
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) t = t.slice(1, -1).trim();
  if (MISSING.has(t.toLowerCase())) return NaN;
  if (decimalComma) t = t.replace(',', '.');
  if (!DECIMAL_NUMBER.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/** True for the spellings of "no value" that exports write on purpose (as opposed to garbage). */
export function isMissingText(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}
