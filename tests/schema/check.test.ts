import { describe, expect, it } from 'vitest';
import { finite, integer, nullable, numberOr, object, oneOf, optional, text, textOr, validItems, valueOr } from '../../core/schema/check';
import { readEnvelope } from '../../core/schema/envelope';

describe('checks name the field they refuse', () => {
  const shape = object({ name: text({ min: 1 }), size: integer(0, 10), place: object({ kind: oneOf(['a', 'b'] as const) }) });

  it('passes a value that fits and builds a new object of the listed fields only', () => {
    const value = { name: 'x', size: 3, place: { kind: 'a' } };
    const r = shape(value, 'payload');
    expect(r).toEqual({ ok: true, value });
    expect(r.ok && r.value).not.toBe(value);
  });

  it.each([
    [{ name: '', size: 3, place: { kind: 'a' } }, 'payload.name has a bad length'],
    [{ name: 'x', size: 11, place: { kind: 'a' } }, 'payload.size must be a whole number from 0 to 10'],
    [{ name: 'x', size: 1, place: { kind: 'c' } }, 'payload.place.kind must be one of a, b'],
    [{ name: 'x', size: 1, place: [] }, 'payload.place must be an object'],
    [{ name: 'x', size: 1, place: { kind: 'a' }, more: 1 }, 'payload.more is not expected'],
    [new Date(0), 'payload must be an object'],
  ])('%j: %s', (value, error) => {
    expect(shape(value, 'payload')).toEqual({ ok: false, error });
  });

  it('leaves fields it does not list behind when told to, and absent optional fields absent', () => {
    const lenient = object({ a: finite({ min: 0, max: 1 }), b: optional(text()), c: nullable(text()) }, { extra: 'ignore' });
    const r = lenient({ a: 0.5, c: null, newer: true }, 'file');
    expect(r).toEqual({ ok: true, value: { a: 0.5, c: null } });
    expect(r.ok && Object.keys(r.value)).toEqual(['a', 'c']);
    expect(lenient({ a: 2, c: null }, 'file')).toEqual({ ok: false, error: 'file.a must be a number from 0 to 1' });
  });

  it('reads leniently with fallbacks', () => {
    expect(valueOr(text({ min: 1 }), '', null)).toBe(null);
    expect(valueOr(text({ min: 1 }), 'x', null)).toBe('x');
    expect(textOr(3, 'none')).toBe('none');
    expect(numberOr(-1, 0, 0)).toBe(0);
    expect(numberOr(Number.NaN, null)).toBe(null);
    expect(numberOr(2.5, null)).toBe(2.5);
    expect(validItems([{ key: 'a' }, { key: 1 }, 'x'], object({ key: text() }))).toEqual({ items: [{ key: 'a' }], dropped: 2 });
    expect(validItems('not a list', text())).toEqual({ items: [], dropped: 0 });
  });
});

describe('the schema/version envelope every file shares', () => {
  const read = (v: unknown) => readEnvelope(typeof v === 'string' ? v : JSON.stringify(v), 'twitchscope.x', 2);

  it.each([
    ['{', 'not-json'],
    [[1], 'not-object'],
    [{ schema: 'other', version: 2 }, 'other-schema'],
    [{ version: 2 }, 'other-schema'],
    [{ schema: 'twitchscope.x', version: '2' }, 'no-version'],
    [{ schema: 'twitchscope.x' }, 'no-version'],
    [{ schema: 'twitchscope.x', version: 1 }, 'older'],
    [{ schema: 'twitchscope.x', version: 3 }, 'newer'],
    [{ schema: 'twitchscope.x', version: 2 }, 'current'],
  ])('%j is %s', (value, kind) => {
    expect(read(value).kind).toBe(kind);
  });

  it('gives the version a newer file states, and the raw object to read fields from', () => {
    expect(read({ schema: 'twitchscope.x', version: 7 })).toMatchObject({ kind: 'newer', version: 7 });
    expect(read({ schema: 'twitchscope.x', version: 2, a: 1 })).toEqual({ kind: 'current', raw: { schema: 'twitchscope.x', version: 2, a: 1 } });
  });
});
