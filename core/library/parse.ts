/** Reads an index text defensively: it may be hand-edited, half-migrated or written by a newer version. */
import { isRecord, numberOr, textOr } from '../schema/check';
import { envelopeProblem, readEnvelope } from '../schema/envelope';
import { migrateV0 } from './migrate';
import { LIBRARY_SCHEMA, LIBRARY_VERSION, type LibraryEntry, type LibraryIndex, type LibrarySite } from './schema';

export type LibraryParse =
  | { kind: 'ok'; index: LibraryIndex; migratedFrom: number | null; dropped: number }
  | { kind: 'newer'; version: number }
  | { kind: 'bad'; reason: string };

export function parseLibrary(fileText: string): LibraryParse {
  const envelope = readEnvelope(fileText, LIBRARY_SCHEMA, LIBRARY_VERSION);
  if (envelope.kind === 'newer') return { kind: 'newer', version: envelope.version };
  if (envelope.kind === 'other-schema' && envelope.raw.version === 0 && envelope.raw.schema === undefined) {
    const raw = envelope.raw;
    const index = migrateV0(raw);
    return { kind: 'ok', index, migratedFrom: 0, dropped: (Array.isArray(raw.recordings) ? raw.recordings.length : 0) - index.entries.length };
  }
  if (envelope.kind !== 'current') return { kind: 'bad', reason: `the library file ${envelopeProblem(envelope, 'library')}` };
  const list = Array.isArray(envelope.raw.entries) ? envelope.raw.entries : [];
  const entries = list.map(entryOf).filter((e): e is LibraryEntry => e !== null);
  return { kind: 'ok', index: { schema: LIBRARY_SCHEMA, version: LIBRARY_VERSION, entries }, migratedFrom: null, dropped: list.length - entries.length };
}

/** A count or a duration: zero unless a number at or above zero. */
const amount = (x: unknown): number => numberOr(x, 0, 0);

/** One entry, or null when it lacks what identifies it; optional facts fall back to neutral values. */
function entryOf(v: unknown): LibraryEntry | null {
  if (!isRecord(v) || typeof v.fingerprint !== 'string' || typeof v.location !== 'string') return null;
  const sites: LibrarySite[] = (Array.isArray(v.sites) ? v.sites : []).filter(isRecord).flatMap((s) =>
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
    name: textOr(v.name, v.location),
    startTime: textOr(v.startTime, null),
    durationS: amount(v.durationS),
    format: textOr(v.format, 'unknown'),
    formatName: textOr(v.formatName, textOr(v.format, 'unknown')),
    sizeBytes: amount(v.sizeBytes),
    sites,
    tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : [],
    analysedAt: textOr(v.analysedAt, ''),
    addedAt: textOr(v.addedAt, textOr(v.analysedAt, '')),
    sensitivity: numberOr(v.sensitivity, null),
    missing: v.missing === true,
  };
}
