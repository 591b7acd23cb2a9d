import { ImportError } from '../../errors';
import { DECIMAL_NUMBER } from '../../numbers';

/**
 * The fixed-width ASCII fields of an EDF/BDF header. Every reading names the field as the specification
 * does and its byte offset, so a damaged header says exactly where it is damaged.
 */

const HINT = 'the header is damaged, or this is not an EDF/BDF file; EDFbrowser\'s header view shows the same bytes';

/** Header bytes may hold UTF-8 (EDF+ allows it in annotations, writers put it in labels) or Latin-1 (µ as 0xB5). */
const utf8 = new (globalThis as unknown as { TextDecoder: new (l: string, o: { fatal: boolean }) => { decode(b: Uint8Array): string } }).TextDecoder('utf-8', { fatal: true });

export function fieldText(bytes: Uint8Array, offset: number, width: number): string {
  const raw = bytes.subarray(offset, offset + width);
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === 0x20 || raw[end - 1] === 0)) end--;
  let start = 0;
  while (start < end && raw[start] === 0x20) start++;
  const part = raw.subarray(start, end);
  try {
    return utf8.decode(part);
  } catch {
    return String.fromCharCode(...part);
  }
}

export class HeaderFields {
  constructor(
    readonly file: string,
    readonly bytes: Uint8Array,
    /** Where `bytes` starts in the file. */
    readonly base = 0,
  ) {}

  text(offset: number, width: number): string {
    return fieldText(this.bytes, offset - this.base, width);
  }

  /** A whole number; `check` may refuse it with the reason. */
  int(name: string, offset: number, width: number, check?: (v: number) => string | null): number {
    const t = this.text(offset, width);
    if (!/^[+-]?\d+$/.test(t)) this.fail(name, offset, t, 'not a whole number');
    const v = Number(t);
    const why = check?.(v) ?? null;
    if (why) this.fail(name, offset, t, why);
    return v;
  }

  /** A decimal number as EDF writes it (`-3276.8`, `1e-3`, `.5`). */
  num(name: string, offset: number, width: number, check?: (v: number) => string | null): number {
    const t = this.text(offset, width).replace(',', '.');
    if (!DECIMAL_NUMBER.test(t)) this.fail(name, offset, t, 'not a number');
    const v = Number(t);
    const why = check?.(v) ?? null;
    if (why) this.fail(name, offset, t, why);
    return v;
  }

  fail(name: string, offset: number, value: string, why: string, hint = HINT): never {
    throw new ImportError(this.file, `header field "${name}" (byte ${offset}) reads "${printable(value)}": ${why}`, hint);
  }
}

function printable(s: string): string {
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
