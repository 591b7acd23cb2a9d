/**
 * The library index: every recording the user has analysed, as a reference to its file (never a copy of the
 * data) with the facts the library view and the trends need. Stored as one JSON text, `twitchscope.library`.
 */

import type { NoRate } from '../analysis/types';

export const LIBRARY_SCHEMA = 'twitchscope.library';
export const LIBRARY_VERSION = 1;

/** One body site of one recording: the same fields as the analysis's site summary, plus analysed time. */
export interface LibrarySite {
  site: string;
  restS: number;
  twitchCount: number;
  /** Null when the site gave no rate; `noRate` says why. */
  twitchesPerMinute: number | null;
  noRate?: NoRate;
  sustainedCount: number;
  /** Channel-seconds analysed at this site (sum over its channels), for sustained episodes per hour. */
  analysedS: number;
}

export interface LibraryEntry {
  /** `Recording.fingerprint`: the key, so a moved or renamed file is still the same recording. */
  fingerprint: string;
  /** Where the file is: an absolute path on the desktop, an opaque file-handle key in the browser. */
  location: string;
  /** File name shown in the list. */
  name: string;
  /** ISO 8601 of the first sample, or null when the file does not say. */
  startTime: string | null;
  durationS: number;
  format: string;
  formatName: string;
  sizeBytes: number;
  sites: LibrarySite[];
  /** The user's labels for this recording: presets (`core/library/tags.ts`) or free text. */
  tags: string[];
  /** ISO 8601 of the analysis these figures come from. */
  analysedAt: string;
  /** ISO 8601 of when the recording first entered the library. */
  addedAt: string;
  /** Detection sensitivity the figures were made with; null = the default. */
  sensitivity: number | null;
  /** The file was not found at `location` when last looked for. */
  missing: boolean;
}

export interface LibraryIndex {
  schema: typeof LIBRARY_SCHEMA;
  version: typeof LIBRARY_VERSION;
  entries: LibraryEntry[];
}

export function emptyLibrary(): LibraryIndex {
  return { schema: LIBRARY_SCHEMA, version: LIBRARY_VERSION, entries: [] };
}

export function serializeLibrary(index: LibraryIndex): string {
  return JSON.stringify(index, null, 1) + '\n';
}
