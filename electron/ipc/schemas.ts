import { bytesOrText, fail, integer, object, ok, oneOf, text, type Validation, type Validator } from '../../core/schema/check';
import { MENU_COMMANDS, type EventContract, type InvokeChannel, type RequestOf } from './channels';

/**
 * One schema per invoke channel. Payloads come from a renderer that may be compromised, so every field is
 * checked for type, size and shape, and unknown fields are refused rather than ignored.
 */

export const LIMITS = {
  /** One `read` call; the importer asks for a few MiB at a time. */
  readBytes: 16 * 1024 * 1024,
  /** Report HTML with inline SVG charts and signal snippets. */
  htmlChars: 32 * 1024 * 1024,
  saveBytes: 256 * 1024 * 1024,
  sidecarChars: 16 * 1024 * 1024,
  /** The library index: about 1 KB per recording. */
  libraryChars: 32 * 1024 * 1024,
  /** Import templates: a few hundred bytes each. */
  templatesChars: 4 * 1024 * 1024,
  pathChars: 4096,
  nameChars: 255,
} as const;

// Control characters (including NUL) are never part of a real path or name and can confuse fs calls and logs.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
// A file name the user will confirm in a save dialog: no directories, not a relative-path trick.
const FILE_NAME = /^(?!\.{1,2}$)[^\u0000-\u001f\u007f/\\]+$/;
const TOKEN = /^[0-9a-f]{32}$/;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/;

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
  'templates:load': empty,
  'templates:save': object({ text: text({ min: 1, max: LIMITS.templatesChars }) }),
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
