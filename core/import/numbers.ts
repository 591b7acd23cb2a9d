/** Numbers as written in device exports, decoded from text the byte scanner could not read directly. */

const MISSING = new Set(['', 'nan', '-nan', 'na', 'n/a', '-', '--', 'null', 'none', 'inf', '-inf', '+inf', 'infinity', '-infinity', '#n/a', '#value!']);

/** A cell that is not a finite number: NaN (callers count these as gaps). */
export function parseNumberText(text: string, decimalComma: boolean): number {
  let t = text.trim();
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) t = t.slice(1, -1).trim();
  if (MISSING.has(t.toLowerCase())) return NaN;
  if (decimalComma) t = t.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/** True for the spellings of "no value" that exports write on purpose (as opposed to garbage). */
export function isMissingText(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}
