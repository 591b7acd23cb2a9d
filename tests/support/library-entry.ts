import type { LibraryEntry } from '../../core/library';

/** A plain library entry for storage tests: one right-shin site, 2 min of rest, 12 twitches. */
export function libraryEntry(fingerprint: string, location: string, name = location.slice(location.lastIndexOf('/') + 1)): LibraryEntry {
  return {
    fingerprint,
    location,
    name,
    startTime: '2026-01-05T08:00:00',
    durationS: 120,
    format: 'generic',
    formatName: 'Delimited table',
    sizeBytes: 100,
    sites: [{ site: 'right shin', restS: 120, twitchCount: 12, twitchesPerMinute: 6, sustainedCount: 0, analysedS: 120 }],
    tags: [],
    analysedAt: '2026-01-05T09:00:00Z',
    addedAt: '2026-01-05T09:00:00Z',
    sensitivity: null,
    missing: false,
  };
}
