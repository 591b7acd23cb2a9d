/** The batch summary table: one row per recording and site, as CSV for a spreadsheet. */
import { csvTable } from '../csv/write';
import { hasRate } from '../analysis/site-summary';
import type { LibraryEntry } from './schema';

export const SUMMARY_COLUMNS = ['file', 'start_time', 'site', 'rest_min', 'twitch_count', 'twitches_per_min', 'no_rate', 'sustained_count'] as const;

export interface SummaryRow {
  file: string;
  startTime: string | null;
  /** Empty when the recording has no channel with a site (the row still says the file was analysed). */
  site: string;
  restS: number;
  twitchCount: number;
  /** Null when the site gave no rate; `noRate` says why (`no-rest` or `cannot-tell`). */
  twitchesPerMinute: number | null;
  noRate: string;
  sustainedCount: number;
}

export function summaryRows(file: string, entry: Pick<LibraryEntry, 'startTime' | 'sites'>): SummaryRow[] {
  if (entry.sites.length === 0) return [{ file, startTime: entry.startTime, site: '', restS: 0, twitchCount: 0, twitchesPerMinute: null, noRate: '', sustainedCount: 0 }];
  return entry.sites.map((s) => ({
    file,
    startTime: entry.startTime,
    site: s.site,
    restS: s.restS,
    twitchCount: s.twitchCount,
    twitchesPerMinute: hasRate(s) ? s.twitchesPerMinute : null,
    noRate: s.noRate ?? (hasRate(s) ? '' : 'no-rest'),
    sustainedCount: s.sustainedCount,
  }));
}

export function summaryCsv(rows: readonly SummaryRow[]): string {
  return csvTable(
    SUMMARY_COLUMNS,
    rows.map((r) => [r.file, r.startTime ?? '', r.site, (r.restS / 60).toFixed(2), r.twitchCount, r.twitchesPerMinute !== null ? r.twitchesPerMinute.toFixed(3) : '', r.noRate, r.sustainedCount]),
  );
}
