import { ImportError } from './errors';

/**
 * Typed reading of the fields a header states (a JSON object, or `key = value` lines): a field of the wrong
 * type is an ImportError naming the field, its line and what it holds, never a crash further on.
 */

export type FieldType = 'string' | 'number' | 'string[]' | 'number[]' | 'object';

type FieldValue<T extends FieldType> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'string[]'
      ? string[]
      : T extends 'number[]'
        ? number[]
        : Record<string, unknown>;

export interface HeaderContext {
  file: string;
  /** 1-based line of the header. */
  line: number;
  /** The header in words, e.g. `the OpenSignals header`. */
  header: string;
  /** What the user can do about it. */
  hint: string;
}

const TYPE_WORDS: Record<FieldType, string> = {
  string: 'text',
  number: 'a number',
  'string[]': 'a list of texts',
  'number[]': 'a list of numbers',
  object: 'a group of fields',
};

/** How a value reads in a message: `the text "fast"`, `the number 5`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return `the text "${v.length > 24 ? `${v.slice(0, 24)}…` : v}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the value ${v}`;
  if (Array.isArray(v)) return 'a list';
  return 'a group of fields';
}

/** A number written as text (`"1000"`) reads as the number; anything else stays as it is. */
function asNumber(v: unknown): unknown {
  return typeof v === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v) ? Number(v) : v;
}

function matches(v: unknown, type: FieldType): unknown {
  switch (type) {
    case 'string':
      return typeof v === 'string' ? v : undefined;
    case 'number': {
      const n = asNumber(v);
      return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
    }
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
    case 'number[]': {
      if (!Array.isArray(v)) return undefined;
      const ns = v.map(asNumber);
      return ns.every((x) => typeof x === 'number' && Number.isFinite(x)) ? ns : undefined;
    }
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  }
}

/** The field's value, or undefined when absent; an ImportError when present with the wrong type. */
export function optionalField<T extends FieldType>(obj: Record<string, unknown>, key: string, type: T, ctx: HeaderContext, owner = ''): FieldValue<T> | undefined {
  if (!(key in obj) || obj[key] === undefined) return undefined;
  const v = matches(obj[key], type);
  if (v === undefined) throw wrongField(ctx, key, `should be ${TYPE_WORDS[type]}, not ${describeValue(obj[key])}`, owner);
  return v as FieldValue<T>;
}

export function requiredField<T extends FieldType>(obj: Record<string, unknown>, key: string, type: T, ctx: HeaderContext, owner = ''): FieldValue<T> {
  const v = optionalField(obj, key, type, ctx, owner);
  if (v === undefined) throw wrongField(ctx, key, `is missing; it should be ${TYPE_WORDS[type]}`, owner);
  return v;
}

/** An ImportError about one header field: `the OpenSignals header field "sampling rate" (device X) should be…`. */
export function wrongField(ctx: HeaderContext, key: string, problem: string, owner = ''): ImportError {
  return new ImportError(ctx.file, `${ctx.header} field "${key}"${owner ? ` (${owner})` : ''} ${problem}`, ctx.hint, ctx.line);
}

/** A positive sample rate from a header field's text or number; an ImportError naming the field otherwise. */
export function rateField(value: unknown, key: string, ctx: HeaderContext, owner = ''): number {
  const n = asNumber(typeof value === 'string' ? value.replace(/\s*k?hz\s*$/i, '') : value);
  const khz = typeof value === 'string' && /khz\s*$/i.test(value);
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n >= 1e6) {
    throw wrongField(ctx, key, `should be a sample rate in Hz, not ${describeValue(value)}`, owner);
  }
  return khz ? n * 1000 : n;
}
