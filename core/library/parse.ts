/** Reads an index text defensively: it may be hand-edited, half-migrated or written by a newer version. */
import { migrateV0 } from './migrate';
import { LIBRARY_SCHEMA, LIBRARY_VERSION, type LibraryEntry, type LibraryIndex, type LibrarySite } from './schema';

export type LibraryParse =
  | { kind: 'ok'; index: LibraryIndex; migratedFrom: number | null; dropped: number }
  | { kind: 'newer'; version: number }
  | { kind: 'bad'; reason: string };

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseLibrary(text: string): LibraryParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'bad', reason: 'the library file is not valid JSON' };
  }
  if (!isObject(raw)) return { kind: 'bad', reason: 'the library file does not hold a library' };
  if (raw.version === 0 && raw.schema === undefined) {
    const index = migrateV0(raw);
    return { kind: 'ok', index, migratedFrom: 0, dropped: (Array.isArray(raw.recordings) ? raw.recordings.length : 0) - index.entries.length };
  }
  if (raw.schema !== LIBRARY_SCHEMA) return { kind: 'bad', reason: 'the file is not a TwitchScope library' };
  if (!finite(raw.version)) return { kind: 'bad', reason: 'the library file has no version' };
  if (raw.version > LIBRARY_VERSION) return { kind: 'newer', version: raw.version };
  if (raw.version !== LIBRARY_VERSION) return { kind: 'bad', reason: `the library file has version ${raw.version}, which this version cannot read` };
  const list = Array.isArray(raw.entries) ? raw.entries : [];
  const entries = list.map(entryOf).filter((e): e is LibraryEntry => e !== null);
  return { kind: 'ok', index: { schema: LIBRARY_SCHEMA, version: LIBRARY_VERSION, entries }, migratedFrom: null, dropped: list.length - entries.length };
}

/** One entry, or null when it lacks what identifies it; optional facts fall back to neutral values. */
function entryOf(v: unknown): LibraryEntry | null {
  if (!isObject(v) || typeof v.fingerprint !== 'string' || typeof v.location !== 'string') return null;
  const text = (x: unknown, fallback = ''): string => (typeof x === 'string' ? x : fallback);
  const amount = (x: unknown): number => (finite(x) && x >= 0 ? x : 0);
  const sites: LibrarySite[] = (Array.isArray(v.sites) ? v.sites : []).filter(isObject).flatMap((s) =>
    typeof s.site === 'string'
      ? [
          {
            site: s.site,
            restS: amount(s.restS),
            twitchCount: amount(s.twitchCount),
            twitchesPerMinute: s.twitchesPerMinute === null ? null : amount(s.twitchesPerMinute),
            ...(s.noRate === 'no-rest' || s.noRate === 'cannot-tell' ? { noRate: s.noRate } : {}),
            sustainedCount: amount(s.sustainedCount),
            analysedS: amount(s.analysedS),
          },
        ]
      : [],
  );
  return {
    fingerprint: v.fingerprint,
    location: v.location,
    sidecar: typeof v.sidecar === 'string' ? v.sidecar : null,
    name: text(v.name, v.location),
    startTime: typeof v.startTime === 'string' ? v.startTime : null,
    durationS: amount(v.durationS),
    format: text(v.format, 'unknown'),
    formatName: text(v.formatName, text(v.format, 'unknown')),
    sizeBytes: amount(v.sizeBytes),
    sites,
    tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : [],
    analysedAt: text(v.analysedAt),
    addedAt: text(v.addedAt, text(v.analysedAt)),
    sensitivity: finite(v.sensitivity) ? v.sensitivity : null,
    missing: v.missing === true,
  };
}
