import type { FileFilter } from 'electron';
import { RECORDING_EXTENSIONS } from '../../core/import/extensions';

/** File-type choices offered by the open and save dialogs. */

export const OPEN_FILTERS: FileFilter[] = [
  { name: 'Recordings (CSV, TSV, text, EDF, BDF)', extensions: RECORDING_EXTENSIONS.map((e) => e.slice(1)) },
  { name: 'All files', extensions: ['*'] },
];

/** Files a review can be restored from: TwitchScope's events CSV and its EDF+/BDF+ exports. */
export const EVENTS_FILTERS: FileFilter[] = [
  { name: 'TwitchScope events (CSV, EDF+)', extensions: ['csv', 'edf', 'bdf'] },
  { name: 'All files', extensions: ['*'] },
];

const BY_MIME: Readonly<Record<string, FileFilter>> = {
  'application/pdf': { name: 'PDF report', extensions: ['pdf'] },
  'text/csv': { name: 'CSV table', extensions: ['csv'] },
  'application/json': { name: 'JSON data', extensions: ['json'] },
  'text/html': { name: 'Web page', extensions: ['html'] },
  'text/plain': { name: 'Text', extensions: ['txt'] },
  'application/x-edf': { name: 'EDF+ / BDF+', extensions: ['edf', 'bdf'] },
};

export function saveFilters(mimeType: string): FileFilter[] {
  const known = BY_MIME[mimeType];
  return known ? [known, { name: 'All files', extensions: ['*'] }] : [{ name: 'All files', extensions: ['*'] }];
}
