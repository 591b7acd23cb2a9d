/**
 * Older index shapes brought up to the current one. Version 0 (the first prototype) kept a flat list:
 * `{ version: 0, recordings: [{ path, fingerprint, startTime, durationS, format, sites: { "<site>":
 * { restS, twitches, sustained } }, tags: "a, b", analysedAt }] }`.
 */
import { ratePerMinute } from '../analysis/site-summary';
import { isRecord, numberOr, textOr } from '../schema/check';
import { LIBRARY_SCHEMA, LIBRARY_VERSION, type LibraryEntry, type LibraryIndex, type LibrarySite } from './schema';

type Raw = Record<string, unknown>;

const str = (v: unknown, fallback = ''): string => textOr(v, fallback);
const num = (v: unknown): number => numberOr(v, 0, 0);

/** The file name at the end of a path written on any system. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function migrateV0(raw: Raw): LibraryIndex {
  const recordings = Array.isArray(raw.recordings) ? raw.recordings.filter(isRecord) : [];
  const entries: LibraryEntry[] = [];
  for (const r of recordings) {
    if (typeof r.fingerprint !== 'string' || typeof r.path !== 'string') continue;
    const sites: LibrarySite[] = isRecord(r.sites)
      ? Object.entries(r.sites)
          .filter((e): e is [string, Raw] => isRecord(e[1]))
          .map(([site, s]) => ({
            site,
            restS: num(s.restS),
            twitchCount: num(s.twitches),
            twitchesPerMinute: ratePerMinute(num(s.twitches), num(s.restS)),
            sustainedCount: num(s.sustained),
            analysedS: num(r.durationS),
          }))
      : [];
    const analysedAt = str(r.analysedAt);
    entries.push({
      fingerprint: r.fingerprint,
      location: r.path,
      name: baseName(r.path),
      startTime: typeof r.startTime === 'string' ? r.startTime : null,
      durationS: num(r.durationS),
      format: str(r.format, 'unknown'),
      formatName: str(r.format, 'unknown'),
      sizeBytes: 0,
      sites,
      tags: str(r.tags)
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      analysedAt,
      addedAt: analysedAt,
      sensitivity: null,
      missing: false,
    });
  }
  return { schema: LIBRARY_SCHEMA, version: LIBRARY_VERSION, entries };
}
