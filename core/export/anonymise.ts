import type { Analysis } from '../analysis/types';
import { parseIsoMs } from '../import/time';
import type { Recording } from '../recording';

/**
 * The recording and its analysis as they may be shared: names, codes, birthdates, device serials, MAC
 * addresses and file paths removed everywhere they can appear (file name, header facts, labels, warnings,
 * annotations), and every date moved by one shift, so all intervals are kept. The time of day is kept only
 * when asked. Every export (JSON, CSV, EDF+, report) is made from this copy, so none can leak what it lacks.
 */
export interface AnonymiseOptions {
  keepTimeOfDay: boolean;
  /** Days to move dates back; by default the start lands on 2000-01-01 (MNE's convention). */
  shiftDays?: number;
}

export interface Anonymised {
  recording: Recording;
  analysis: Analysis;
  /** Moves any other date of this recording (a report's date) by the same shift. */
  shiftIso(iso: string): string;
}

/** The start an anonymised recording gets when no shift is given. */
const TARGET_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
const REMOVED = 'X';

/** Header facts whose values name or identify someone or something: removed wherever they appear. */
const IDENTIFYING_KEY = /name|patient|subject|person|user|serial|s\/n|\bsn\b|mac|address|device id|\bid\b|code|birth|technician|equipment|admin|hospital|path|file|location|recording|comment|note/i;
const MAC = /\b[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}\b|\b[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\b/gi;
const PATH = /(?:[a-z]:\\|\\\\|\.{1,3}\\|~\/|\/(?:home|users|mnt|media|data|tmp|var|private|volumes)\/)[^\s"',;]*/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g;
/** Serial-like tokens: letters and digits mixed, six or more (A40F6F28, CLE2A2123456, SN4711X). */
const SERIAL = /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,}\b/g;

export function anonymise(rec: Recording, analysis: Analysis, options: AnonymiseOptions): Anonymised {
  const secrets = identifyingStrings(rec);
  const scrub = (text: string) => scrubText(text, secrets);
  const shiftMs = shiftOf(rec.startTime, options);
  const shiftIso = (iso: string) => moveIso(iso, shiftMs, options.keepTimeOfDay);
  const ext = /\.[a-z0-9]{1,5}$/i.exec(rec.file)?.[0] ?? '';
  const recording: Recording = {
    ...rec,
    file: `recording${ext.toLowerCase()}`,
    startTime: rec.startTime === null ? null : shiftIso(rec.startTime),
    channels: rec.channels.map((c) => ({ ...c, label: scrub(c.label), ...(c.transducer ? { transducer: scrub(c.transducer) } : {}) })),
    sensors: rec.sensors.map((s) => ({ ...s, label: scrub(s.label) })),
    warnings: rec.warnings.map((w) => ({ ...w, message: scrub(w.message) })),
    meta: {},
    ...(rec.annotations ? { annotations: rec.annotations.map((a) => ({ ...a, text: scrub(a.text) })) } : {}),
  };
  const anonymisedAnalysis: Analysis = {
    ...analysis,
    channels: analysis.channels.map((c) => ({ ...c, label: scrub(c.label) })),
    summary: { ...analysis.summary, channels: analysis.summary.channels.map((s) => ({ ...s, notes: s.notes.map(scrub) })) },
  };
  return { recording, analysis: anonymisedAnalysis, shiftIso };
}

/**
 * What must not leave: the file name and its serial-like parts, and the values of identifying header facts
 * (EDF+ patient code and name, technician, a device's serial or MAC), longest first.
 */
export function identifyingStrings(rec: Pick<Recording, 'file' | 'meta'>): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const t = s.trim();
    if (t.length >= 3 && !/^(x|none|unknown|n\/a)$/i.test(t)) out.add(t);
  };
  const stem = rec.file.replace(/\.[^.]+$/, '');
  add(rec.file);
  add(stem);
  for (const part of stem.split(/[\s_.-]+/)) if (/\d/.test(part) && part.length >= 4) add(part);
  for (const [key, value] of Object.entries(rec.meta)) {
    if (!IDENTIFYING_KEY.test(key)) continue;
    add(value);
    for (const word of value.split(/[\s_]+/)) if (word.length >= 4) add(word);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export function scrubText(text: string, secrets: readonly string[]): string {
  let t = text.replace(MAC, REMOVED).replace(PATH, REMOVED).replace(EMAIL, REMOVED).replace(SERIAL, REMOVED);
  for (const s of secrets) {
    const variants = new Set([s, s.replace(/ /g, '_'), s.replace(/_/g, ' ')]);
    for (const v of variants) t = t.replace(new RegExp(escapeRegExp(v), 'gi'), REMOVED);
  }
  return t;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One shift for every date of the recording: to 2000-01-01, or back by whole days; time of day dropped unless kept. */
function shiftOf(start: string | null, options: AnonymiseOptions): number {
  const wall = start === null ? NaN : parseIsoMs(start.replace(/(Z|[+-]\d{2}:?\d{2})$/, ''));
  if (!Number.isFinite(wall)) return -(options.shiftDays ?? 0) * DAY_MS;
  const timeOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  const days = options.shiftDays ?? Math.round((wall - timeOfDay - TARGET_MS) / DAY_MS);
  return -days * DAY_MS - (options.keepTimeOfDay ? 0 : timeOfDay);
}

/** The wall-clock time moved by the shift, written in UTC form: a zone would tell where the person lives. */
function moveIso(iso: string, shiftMs: number, keepTimeOfDay: boolean): string {
  const wall = parseIsoMs(iso.replace(/(Z|[+-]\d{2}:?\d{2})$/, ''));
  if (!Number.isFinite(wall)) return '2000-01-01T00:00:00Z';
  const moved = new Date(wall + shiftMs).toISOString();
  return keepTimeOfDay ? moved : moved.replace(/\.000Z$/, 'Z');
}
