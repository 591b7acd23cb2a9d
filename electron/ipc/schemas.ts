import { MENU_COMMANDS, type EventContract, type InvokeChannel, type RequestOf } from './channels';

/**
 * One schema per invoke channel. Payloads come from a renderer that may be compromised, so every field is
 * checked for type, size and shape, and unknown fields are refused rather than ignored.
 */

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };
type Validator<T> = (value: unknown, where: string) => Validation<T>;

export const LIMITS = {
  /** One `read` call; the importer asks for a few MiB at a time. */
  readBytes: 16 * 1024 * 1024,
  /** Report HTML with inline SVG charts and signal snippets. */
  htmlChars: 32 * 1024 * 1024,
  saveBytes: 256 * 1024 * 1024,
  sidecarChars: 16 * 1024 * 1024,
  /** The library index: about 1 KB per recording. */
  libraryChars: 32 * 1024 * 1024,
  pathChars: 4096,
  nameChars: 255,
} as const;

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });
const fail = (error: string): Validation<never> => ({ ok: false, error });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function object<T>(shape: { [K in keyof T]-?: Validator<T[K]> }): Validator<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (value, where) => {
    if (!isPlainObject(value)) return fail(`${where} must be an object`);
    for (const key of Object.keys(value)) {
      if (!keys.includes(key as keyof T & string)) return fail(`${where}.${key} is not expected`);
    }
    const out = {} as T;
    for (const key of keys) {
      const result = shape[key](value[key], `${where}.${key}`);
      if (!result.ok) return result;
      out[key] = result.value;
    }
    return ok(out);
  };
}

function text(opts: { max: number; min?: number; pattern?: RegExp; what?: string }): Validator<string> {
  return (value, where) => {
    if (typeof value !== 'string') return fail(`${where} must be text`);
    if (value.length < (opts.min ?? 0) || value.length > opts.max) return fail(`${where} has a bad length`);
    if (opts.pattern && !opts.pattern.test(value)) return fail(`${where} is not ${opts.what ?? 'valid'}`);
    return ok(value);
  };
}

function integer(min: number, max: number): Validator<number> {
  return (value, where) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
      ? ok(value)
      : fail(`${where} must be a whole number from ${min} to ${max}`);
}

function bytesOrText(maxBytes: number): Validator<Uint8Array | string> {
  return (value, where) => {
    if (typeof value === 'string') return value.length <= maxBytes ? ok(value) : fail(`${where} is too large`);
    if (value instanceof Uint8Array) return value.byteLength <= maxBytes ? ok(value) : fail(`${where} is too large`);
    return fail(`${where} must be text or bytes`);
  };
}

// Control characters (including NUL) are never part of a real path or name and can confuse fs calls and logs.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
// A file name the user will confirm in a save dialog: no directories, not a relative-path trick.
const FILE_NAME = /^(?!\.{1,2}$)[^\u0000-\u001f\u007f/\\]+$/;
const TOKEN = /^[0-9a-f]{32}$/;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/;

function oneOf<T extends string>(choices: readonly T[]): Validator<T> {
  return (value, where) => (choices.includes(value as T) ? ok(value as T) : fail(`${where} must be one of ${choices.join(', ')}`));
}

const path = text({ min: 1, max: LIMITS.pathChars, pattern: NO_CONTROL, what: 'a path' });
const empty = object<Record<string, never>>({});

export const REQUEST_SCHEMAS: { [C in InvokeChannel]: Validator<RequestOf<C>> } = {
  'file:open-dialog': empty,
  'file:open-events': empty,
  'file:open-dropped': object({ path, size: integer(0, Number.MAX_SAFE_INTEGER) }),
  'file:open-recent': object({ key: path }),
  'file:read': object({
    token: text({ max: 32, pattern: TOKEN, what: 'a file token' }),
    offset: integer(0, Number.MAX_SAFE_INTEGER),
    length: integer(0, LIMITS.readBytes),
  }),
  'recent:list': empty,
  'file:save': object({
    suggestedName: text({ min: 1, max: LIMITS.nameChars, pattern: FILE_NAME, what: 'a file name' }),
    data: bytesOrText(LIMITS.saveBytes),
    mimeType: text({ max: 100, pattern: MIME, what: 'a media type' }),
  }),
  'report:save-pdf': object({
    suggestedName: text({ min: 1, max: LIMITS.nameChars, pattern: FILE_NAME, what: 'a file name' }),
    html: text({ min: 1, max: LIMITS.htmlChars }),
  }),
  'sidecar:load': object({ key: path }),
  'sidecar:save': object({ key: path, text: text({ max: LIMITS.sidecarChars }) }),
  'app:version': empty,
  'library:load': empty,
  'library:save': object({ text: text({ min: 1, max: LIMITS.libraryChars }) }),
  'library:set-aside': object({ label: oneOf(['newer', 'unreadable'] as const) }),
  'library:open': object({ key: path }),
  'library:file-exists': object({ key: path }),
};

/** Messages main sends to the page are checked on arrival too, so the preload hands the page only what it expects. */
export const EVENT_SCHEMAS: { [E in keyof EventContract]: Validator<EventContract[E]> } = {
  'menu:command': (value, where) =>
    MENU_COMMANDS.includes(value as EventContract['menu:command'])
      ? ok(value as EventContract['menu:command'])
      : fail(`${where} is not a menu command`),
  'host:open-file': object({
    token: text({ max: 32, pattern: TOKEN, what: 'a file token' }),
    name: text({ min: 1, max: LIMITS.pathChars }),
    size: integer(0, Number.MAX_SAFE_INTEGER),
    key: path,
  }),
};

export function validateRequest<C extends InvokeChannel>(channel: C, payload: unknown): Validation<RequestOf<C>> {
  const schema = REQUEST_SCHEMAS[channel] as Validator<RequestOf<C>>;
  return schema(payload, 'payload');
}
