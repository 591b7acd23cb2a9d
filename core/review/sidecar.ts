import { resolveParams } from '../detect/params';
import { finite, isRecord, object, oneOf, optional, text, textOr, valueOr } from '../schema/check';
import { envelopeProblem, readEnvelope } from '../schema/envelope';
import { sanitizeAnswers } from '../guidance/checklist';
import { CONTEXT_FIELDS, sanitizeContext, type RecordingContext } from './context';
import type { ReviewAction, ReviewEdit } from './edits';

/**
 * The user's work on one recording, saved beside it as `<recording>.twitchscope.json`:
 * site labels, review edits, sensitivity and parameters, checklist answers and a subject name.
 */
export const SIDECAR_SCHEMA = 'twitchscope.review';
/** Appended to the recording's file name: `calf.csv` → `calf.csv.twitchscope.json`. */
export const SIDECAR_SUFFIX = '.twitchscope.json';
export const SIDECAR_VERSION = 1;

export interface Sidecar {
  schema: typeof SIDECAR_SCHEMA;
  version: typeof SIDECAR_VERSION;
  savedAt: string;
  recording: { file: string; fingerprint: string };
  subject: string;
  /** Site per analysed channel id; null = not assigned. */
  sites: Record<string, string | null>;
  edits: ReviewEdit[];
  /** The user-facing sensitivity, or null for the default. */
  sensitivity: number | null;
  /** Other detection parameters the user overrode. */
  params: Record<string, unknown>;
  /** Guidance checklist answers, stored as given. */
  answers: unknown;
  /** When the recording was made, as the user gave it for a file that does not say (ISO 8601). */
  recordedAt?: string;
  /** How the recording was made and what the person feels (for the report); absent in older files. */
  context?: RecordingContext;
}

export type SidecarWork = Omit<Sidecar, 'schema' | 'version' | 'savedAt' | 'recording'>;

export function makeSidecar(file: string, fingerprint: string, work: SidecarWork, savedAt: Date): Sidecar {
  return {
    schema: SIDECAR_SCHEMA,
    version: SIDECAR_VERSION,
    savedAt: savedAt.toISOString(),
    recording: { file, fingerprint },
    ...work,
  };
}

export function serializeSidecar(s: Sidecar): string {
  return JSON.stringify(s, null, 2) + '\n';
}

/**
 * `dropped` lists what this version could not use (unknown fields, unreadable edits, parameters it does not
 * know): a file with any is the user's as written, so it is kept aside before the first save (keepAsideReason).
 */
export type SidecarParse = { ok: true; sidecar: Sidecar; dropped: string[] } | { ok: false; reason: string };

const KNOWN_FIELDS = new Set(['schema', 'version', 'savedAt', 'recording', 'subject', 'sites', 'edits', 'sensitivity', 'params', 'answers', 'recordedAt', 'context']);

/** Reads a sidecar defensively: the file may be hand-edited or from a newer version. Bad edits are dropped. */
export function parseSidecar(fileText: string): SidecarParse {
  const envelope = readEnvelope(fileText, SIDECAR_SCHEMA, SIDECAR_VERSION);
  if (envelope.kind !== 'current') return { ok: false, reason: `The saved work file ${envelopeProblem(envelope, 'file')}.` };
  const raw = envelope.raw;
  const rec = isRecord(raw.recording) ? raw.recording : {};
  if (typeof rec.fingerprint !== 'string') return { ok: false, reason: 'The saved work file does not say which recording it belongs to.' };
  const dropped = [
    ...Object.keys(raw).filter((k) => !KNOWN_FIELDS.has(k)).map((k) => `field "${k}"`),
    ...Object.keys(rec).filter((k) => k !== 'file' && k !== 'fingerprint').map((k) => `field "recording.${k}"`),
  ];
  const sites = readSites(raw.sites, dropped);
  const edits = readEdits(raw.edits, dropped);
  if (raw.subject !== undefined && typeof raw.subject !== 'string') dropped.push('the subject');
  const sensitivity = valueOr(finite({ min: 0, max: 1 }), raw.sensitivity, null);
  if (raw.sensitivity !== undefined && raw.sensitivity !== null && sensitivity === null) dropped.push('the sensitivity');
  const answers = sanitizeAnswers(raw.answers);
  if (raw.answers !== undefined && raw.answers !== null && (!isRecord(raw.answers) || Object.keys(raw.answers).length !== Object.keys(answers).length)) {
    dropped.push('checklist answers');
  }
  const hasContext = raw.context !== undefined && raw.context !== null;
  const context = sanitizeContext(raw.context);
  if (hasContext && !sameContext(raw.context, context)) dropped.push('the recording context');
  return {
    ok: true,
    sidecar: {
      schema: SIDECAR_SCHEMA,
      version: SIDECAR_VERSION,
      savedAt: textOr(raw.savedAt, ''),
      recording: { file: textOr(rec.file, ''), fingerprint: rec.fingerprint },
      subject: textOr(raw.subject, ''),
      sites,
      edits,
      sensitivity,
      params: readParams(raw.params, dropped),
      answers,
      ...(typeof raw.recordedAt === 'string' && Number.isFinite(Date.parse(raw.recordedAt)) ? { recordedAt: raw.recordedAt } : {}),
      ...(hasContext ? { context } : {}),
    },
    dropped,
  };
}

function readSites(raw: unknown, dropped: string[]): Record<string, string | null> {
  const sites: Record<string, string | null> = {};
  if (raw === undefined || raw === null) return sites;
  if (!isRecord(raw)) {
    dropped.push('the body sites');
    return sites;
  }
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string' || v === null) sites[k] = v;
    else dropped.push(`the site of ${k}`);
  }
  return sites;
}

const NUMBER = finite();
const EDIT_SHAPE = {
  action: oneOf<ReviewAction>(['confirm', 'reject', 'add', 'adjust']),
  channel: text(),
  peakS: NUMBER,
  startS: optional(NUMBER),
  endS: optional(NUMBER),
  amplitude: optional(NUMBER),
};
const EDIT = object<ReviewEdit>(EDIT_SHAPE, { extra: 'ignore' });

function readEdits(raw: unknown, dropped: string[]): ReviewEdit[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    dropped.push('the review edits');
    return [];
  }
  const edits: ReviewEdit[] = [];
  let bad = 0;
  for (const item of raw) {
    const r = EDIT(item, 'edit');
    // An adjustment moves both edges of a span, and they stay in order.
    if (!r.ok || (r.value.action === 'adjust' && !(r.value.startS !== undefined && r.value.endS !== undefined && r.value.startS <= r.value.endS))) {
      bad++;
      continue;
    }
    if (Object.keys(item as object).some((k) => !(k in EDIT_SHAPE))) bad++;
    edits.push(r.value);
  }
  if (bad > 0) dropped.push(`${bad} review edit${bad === 1 ? '' : 's'}`);
  return edits;
}

/** Detection settings the user overrode, kept only where this version's detector accepts them. */
function readParams(raw: unknown, dropped: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (raw === undefined || raw === null) return params;
  if (!isRecord(raw)) {
    dropped.push('detection settings');
    return params;
  }
  for (const [k, v] of Object.entries(raw)) {
    try {
      resolveParams({ [k]: v });
      params[k] = v;
    } catch {
      dropped.push(`detection setting "${k}"`);
    }
  }
  return params;
}

/**
 * Why the sidecar already on disk must be kept aside before `next` is written over it, or null when `next`
 * simply updates it. Work this version cannot read (newer, broken, someone else's file) or work on other
 * content (the recording was replaced), or a file with parts this version dropped, is the user's, so it is
 * moved, never overwritten.
 */
export function keepAsideReason(existing: string, next: string): string | null {
  const old = parseSidecar(existing);
  if (!old.ok) return old.reason;
  if (old.dropped.length > 0) return `The saved work file holds things this version cannot use (${old.dropped.join(', ')}).`;
  const mine = parseSidecar(next);
  if (mine.ok && mine.sidecar.recording.fingerprint !== old.sidecar.recording.fingerprint) {
    return 'The saved work file belongs to an earlier content of this recording.';
  }
  return null;
}

/** Whether saved work may be applied to the recording just opened: only to the same content. */
export function sidecarMatches(s: Sidecar, fingerprint: string): boolean {
  return s.recording.fingerprint === fingerprint;
}

/** Whether the stored context survived reading unchanged: only known text fields, within the length limit. */
function sameContext(raw: unknown, read: RecordingContext): boolean {
  if (!isRecord(raw)) return false;
  if (Object.keys(raw).some((k) => !CONTEXT_FIELDS.some((f) => f.id === k))) return false;
  return CONTEXT_FIELDS.every((f) => raw[f.id] === undefined || raw[f.id] === read[f.id]);
}
