import * as fs from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileLibraryStore } from '../../node/library-file-store';
import { entryFromAnalysis } from '../../core/library/entry';
import type { LibraryEntry } from '../../core/library/schema';
import type { Simulated } from '../report/simulated';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'twitchscope-library-'));
}

let n = 0;
export function storeAt(path: string, now = () => new Date('2026-02-01T10:00:00Z')) {
  return fileLibraryStore({ fs, path, now, uniqueSuffix: () => `u${++n}` });
}

/** The entry a simulated recording with known counts makes, with its own fingerprint and file location. */
export function entryOf(sim: Simulated, fingerprint: string, location: string, analysedAt = '2026-02-01T09:00:00Z'): LibraryEntry {
  return entryFromAnalysis({ ...sim.recording, fingerprint }, sim.analysis, { location, analysedAt });
}
