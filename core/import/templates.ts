import type { ChannelKind } from '../recording';
import { isRecord } from '../schema/check';
import { readEnvelope } from '../schema/envelope';
import { ImportError } from './errors';
import { describeValue } from './header-fields';
import type { ImportOptions } from './options';

/**
 * A user's corrections for one file layout (see layout.ts): format, rate, column kinds and units, body
 * sites. Applied to the next file with the same layout, in the app and with `twitchscope --template FILE`.
 */
export interface ImportTemplate {
  id: string;
  name: string;
  /** The layout signature the corrections were made for. */
  signature: string;
  /** What the layout looked like (format, delimiter, columns), shown beside the name. */
  layout: string;
  format?: string;
  rateHz?: number;
  columns?: Record<string, { kind?: ChannelKind; unit?: string }>;
  /** Body site per analysed channel id (`emg1`, `acc1`), null for "no site". */
  sites?: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

export const TEMPLATES_SCHEMA = 'twitchscope.import-templates';
export const TEMPLATES_VERSION = 1;

const KINDS: readonly ChannelKind[] = ['emg', 'accel', 'other'];

/** Templates as JSON: `{ schema, version, templates: [...] }`, the form export writes and import reads. */
export function serializeTemplates(templates: readonly ImportTemplate[]): string {
  return JSON.stringify({ schema: TEMPLATES_SCHEMA, version: TEMPLATES_VERSION, templates }, null, 2) + '\n';
}

/**
 * Templates from JSON: a file of several (as exported), or one template on its own. Every field is checked;
 * a wrong one is an ImportError naming the template, the field and what it holds.
 */
export function parseTemplates(text: string, file: string): ImportTemplate[] {
  const envelope = readEnvelope(text, TEMPLATES_SCHEMA, TEMPLATES_VERSION);
  if (envelope.kind === 'not-json') throw new ImportError(file, 'this is not a template file (not JSON)', 'choose a file exported from TwitchScope\'s templates');
  // Not our envelope: one template on its own.
  if (envelope.kind === 'not-object' || envelope.kind === 'other-schema') return [readTemplate(envelope.raw, file, 'the template')];
  const raw = envelope.raw;
  if (envelope.kind === 'no-version' || envelope.kind === 'newer') {
    throw new ImportError(file, `the templates were written by a newer TwitchScope (version ${describeValue(raw.version)})`, 'update TwitchScope to read them');
  }
  if (!Array.isArray(raw.templates)) throw new ImportError(file, `"templates" should be a list, not ${describeValue(raw.templates)}`, 'export the templates again');
  return raw.templates.map((t, i) => readTemplate(t, file, `template ${i + 1}`));
}

function readTemplate(raw: unknown, file: string, where: string): ImportTemplate {
  const bad = (field: string, v: unknown, want: string) => new ImportError(file, `${where}: "${field}" should be ${want}, not ${describeValue(v)}`, 'export the template again, or correct that field');
  if (!isRecord(raw)) throw new ImportError(file, `${where} should be a group of fields, not ${describeValue(raw)}`, 'export the template again');
  const str = (field: string, required: boolean): string | undefined => {
    const v = raw[field];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || (required && v.trim() === '')) throw bad(field, v, 'text');
    return v;
  };
  const t: ImportTemplate = {
    id: str('id', true)!,
    name: str('name', true)!,
    signature: str('signature', true)!,
    layout: str('layout', false) ?? '',
    createdAt: str('createdAt', false) ?? '',
    updatedAt: str('updatedAt', false) ?? '',
  };
  const format = str('format', false);
  if (format) t.format = format;
  if (raw.rateHz !== undefined) {
    if (typeof raw.rateHz !== 'number' || !(raw.rateHz > 0 && raw.rateHz < 1e6)) throw bad('rateHz', raw.rateHz, 'a sample rate in Hz');
    t.rateHz = raw.rateHz;
  }
  if (raw.columns !== undefined) t.columns = readColumns(raw.columns, bad);
  if (raw.sites !== undefined) {
    if (!isRecord(raw.sites) || !Object.values(raw.sites).every((s) => s === null || typeof s === 'string')) throw bad('sites', raw.sites, 'body sites by channel');
    t.sites = raw.sites as Record<string, string | null>;
  }
  return t;
}

function readColumns(raw: unknown, bad: (f: string, v: unknown, w: string) => ImportError): NonNullable<ImportTemplate['columns']> {
  if (!isRecord(raw)) throw bad('columns', raw, 'corrections by column');
  const out: NonNullable<ImportTemplate['columns']> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (!isRecord(v)) throw bad(`columns.${key}`, v, 'a kind and a unit');
    if (v.kind !== undefined && !KINDS.includes(v.kind as ChannelKind)) throw bad(`columns.${key}.kind`, v.kind, 'emg, accel or other');
    if (v.unit !== undefined && typeof v.unit !== 'string') throw bad(`columns.${key}.unit`, v.unit, 'text');
    out[key] = { ...(v.kind !== undefined ? { kind: v.kind as ChannelKind } : {}), ...(v.unit !== undefined ? { unit: v.unit } : {}) };
  }
  return out;
}

/** The template made for this layout, if any (the most recently changed one when several are). */
export function templateFor(templates: readonly ImportTemplate[], signature: string): ImportTemplate | null {
  const matching = templates.filter((t) => t.signature === signature);
  if (matching.length === 0) return null;
  return matching.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
}

/** The import options a template gives; `options` the user passed win over it. */
export function withTemplate(template: ImportTemplate, options: ImportOptions = {}): ImportOptions {
  return {
    ...(template.format ? { format: template.format } : {}),
    ...(template.rateHz ? { rateHz: template.rateHz } : {}),
    ...options,
    ...(template.columns || options.columns ? { columns: { ...template.columns, ...options.columns } } : {}),
  };
}

/** Adds or replaces the template for `t.signature`, keeping its id and name when one exists. */
export function upsertTemplate(templates: readonly ImportTemplate[], t: ImportTemplate): ImportTemplate[] {
  const old = templateFor(templates, t.signature);
  if (!old) return [...templates, t];
  return templates.map((x) => (x.id === old.id ? { ...t, id: old.id, name: old.name, createdAt: old.createdAt } : x));
}

/** Imported templates join the list; one with an id already there replaces it. */
export function mergeTemplates(existing: readonly ImportTemplate[], incoming: readonly ImportTemplate[]): ImportTemplate[] {
  const ids = new Set(incoming.map((t) => t.id));
  return [...existing.filter((t) => !ids.has(t.id)), ...incoming];
}
