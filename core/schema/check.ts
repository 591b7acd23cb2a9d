/**
 * Small typed checks for data that arrives from outside: settings, the library index, saved work, IPC
 * payloads. A failed check names the field (`payload.key must be text`), so every message can say where.
 * Strict readers (IPC) stop at the first failure; lenient readers (files the user may have edited) take each
 * field that passes and a fallback for the rest (`valueOr`).
 */

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };
/** Checks `value`, found at `where` (a field path such as `payload.key`). */
export type Validator<T> = (value: unknown, where: string) => Validation<T>;

export const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
export const fail = (error: string): Validation<never> => ({ ok: false, error });

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object literal or JSON object, nothing with a class of its own (a Date, a Map, a proxy's target). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Text, else the fallback: for files read leniently. */
export function textOr<F>(value: unknown, fallback: F): string | F {
  return typeof value === 'string' ? value : fallback;
}

/** A finite number at or above `min`, else the fallback: for files read leniently. */
export function numberOr<F>(value: unknown, fallback: F, min = -Infinity): number | F {
  return isFiniteNumber(value) && value >= min ? value : fallback;
}

/** The value when it passes the check, else the fallback. */
export function valueOr<T, F = T>(check: Validator<T>, value: unknown, fallback: F): T | F {
  const r = check(value, '');
  return r.ok ? r.value : fallback;
}

export function text(opts: { min?: number; max?: number; pattern?: RegExp; what?: string } = {}): Validator<string> {
  return (value, where) => {
    if (typeof value !== 'string') return fail(`${where} must be text`);
    if (value.length < (opts.min ?? 0) || value.length > (opts.max ?? Infinity)) return fail(`${where} has a bad length`);
    if (opts.pattern && !opts.pattern.test(value)) return fail(`${where} is not ${opts.what ?? 'valid'}`);
    return ok(value);
  };
}

export function integer(min: number, max: number): Validator<number> {
  return (value, where) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
      ? ok(value)
      : fail(`${where} must be a whole number from ${min} to ${max}`);
}

/** A finite number, within [min, max] when given. */
export function finite(opts: { min?: number; max?: number } = {}): Validator<number> {
  const min = opts.min ?? -Infinity;
  const max = opts.max ?? Infinity;
  return (value, where) => (isFiniteNumber(value) && value >= min && value <= max ? ok(value) : fail(`${where} must be a number from ${min} to ${max}`));
}

export function oneOf<T extends string>(choices: readonly T[]): Validator<T> {
  return (value, where) => (choices.includes(value as T) ? ok(value as T) : fail(`${where} must be one of ${choices.join(', ')}`));
}

/** Absent (undefined) is allowed; an object built by `object` then leaves the field out. */
export function optional<T>(check: Validator<T>): Validator<T | undefined> {
  return (value, where) => (value === undefined ? ok(undefined) : check(value, where));
}

export function nullable<T>(check: Validator<T>): Validator<T | null> {
  return (value, where) => (value === null ? ok(null) : check(value, where));
}

export function bytesOrText(maxBytes: number): Validator<Uint8Array | string> {
  return (value, where) => {
    if (typeof value === 'string') return value.length <= maxBytes ? ok(value) : fail(`${where} is too large`);
    if (value instanceof Uint8Array) return value.byteLength <= maxBytes ? ok(value) : fail(`${where} is too large`);
    return fail(`${where} must be text or bytes`);
  };
}

/**
 * An object with exactly these fields, in a new object holding only them (an optional field that is absent
 * stays absent). Fields it does not list are refused (`extra: 'refuse'`, for data from a process that may be
 * compromised) or left behind (`extra: 'ignore'`, for files a newer version may have added to).
 */
export function object<T>(shape: { [K in keyof T]-?: Validator<T[K]> }, opts: { extra: 'refuse' | 'ignore' } = { extra: 'refuse' }): Validator<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (value, where) => {
    if (!isPlainObject(value)) return fail(`${where} must be an object`);
    if (opts.extra === 'refuse') {
      for (const key of Object.keys(value)) {
        if (!keys.includes(key as keyof T & string)) return fail(`${where}.${key} is not expected`);
      }
    }
    const out = {} as T;
    for (const key of keys) {
      const result = shape[key](value[key], `${where}.${key}`);
      if (!result.ok) return result;
      if (result.value !== undefined) out[key] = result.value;
    }
    return ok(out);
  };
}

/** The items of a list that pass the check, and how many did not; a value that is not a list has none. */
export function validItems<T>(list: unknown, check: Validator<T>): { items: T[]; dropped: number } {
  if (!Array.isArray(list)) return { items: [], dropped: 0 };
  const items: T[] = [];
  list.forEach((item, i) => {
    const r = check(item, `[${i}]`);
    if (r.ok) items.push(r.value);
  });
  return { items, dropped: list.length - items.length };
}
