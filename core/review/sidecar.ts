import type { ReviewEdit } from './edits';

/**
 * The user's work on one recording, saved beside it as `<recording>.twitchscope.json`:
 * site labels, review edits, sensitivity and parameters, checklist answers and a subject name.
 */
export const SIDECAR_SCHEMA = 'twitchscope.review';
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

export type SidecarParse = { ok: true; sidecar: Sidecar } | { ok: false; reason: string };

/** Reads a sidecar defensively: the file may be hand-edited or from a newer version. Bad edits are dropped. */
export function parseSidecar(text: string): SidecarParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The saved work file is not valid JSON.' };
  }
  if (!isObject(raw) || raw.schema !== SIDECAR_SCHEMA) return { ok: false, reason: 'The saved work file is not a TwitchScope file.' };
  if (raw.version !== SIDECAR_VERSION) {
    return { ok: false, reason: `The saved work file has version ${String(raw.version)}, which this version cannot read.` };
  }
  const rec = isObject(raw.recording) ? raw.recording : {};
  if (typeof rec.fingerprint !== 'string') return { ok: false, reason: 'The saved work file does not say which recording it belongs to.' };
  const sites: Record<string, string | null> = {};
  if (isObject(raw.sites)) {
    for (const [k, v] of Object.entries(raw.sites)) if (typeof v === 'string' || v === null) sites[k] = v;
  }
  const edits = Array.isArray(raw.edits) ? raw.edits.filter(isEdit) : [];
  return {
    ok: true,
    sidecar: {
      schema: SIDECAR_SCHEMA,
      version: SIDECAR_VERSION,
      savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '',
      recording: { file: typeof rec.file === 'string' ? rec.file : '', fingerprint: rec.fingerprint },
      subject: typeof raw.subject === 'string' ? raw.subject : '',
      sites,
      edits,
      sensitivity: typeof raw.sensitivity === 'number' && Number.isFinite(raw.sensitivity) ? raw.sensitivity : null,
      params: isObject(raw.params) ? raw.params : {},
      answers: raw.answers ?? null,
    },
  };
}

/**
 * Why the sidecar already on disk must be kept aside before `next` is written over it, or null when `next`
 * simply updates it. Work this version cannot read (newer, broken, someone else's file) or work on other
 * content (the recording was replaced) is the user's, so it is moved, never overwritten.
 */
export function keepAsideReason(existing: string, next: string): string | null {
  const old = parseSidecar(existing);
  if (!old.ok) return old.reason;
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEdit(v: unknown): v is ReviewEdit {
  if (!isObject(v)) return false;
  if (v.action !== 'confirm' && v.action !== 'reject' && v.action !== 'add') return false;
  if (typeof v.channel !== 'string' || typeof v.peakS !== 'number' || !Number.isFinite(v.peakS)) return false;
  for (const k of ['startS', 'endS', 'amplitude'] as const) {
    if (v[k] !== undefined && (typeof v[k] !== 'number' || !Number.isFinite(v[k]))) return false;
  }
  return true;
}
