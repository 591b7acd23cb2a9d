/** The library list as the view shows it: searched, filtered by tag, sorted. */
import { hasRate } from '../analysis/site-summary';
import type { LibraryEntry } from './schema';
import { hasTag } from './tags';

export type LibrarySortKey = 'startTime' | 'name' | 'durationS' | 'formatName' | 'rate' | 'analysedAt';

export interface LibraryQuery {
  /** Words that must all appear in the name, format, sites, tags or date (any case). */
  search?: string;
  /** Only recordings with every one of these tags. */
  tags?: readonly string[];
  sortBy?: LibrarySortKey;
  descending?: boolean;
}

/** The highest twitch rate over the recording's sites: what "sort by rate" means for a row. */
export function highestRate(e: LibraryEntry): number {
  return e.sites.reduce((m, s) => Math.max(m, hasRate(s) ? s.twitchesPerMinute : 0), 0);
}

function searchText(e: LibraryEntry): string {
  return [e.name, e.formatName, e.format, e.startTime ?? '', ...e.sites.map((s) => s.site), ...e.tags, e.missing ? 'missing' : ''].join(' ').toLowerCase();
}

function compare(a: LibraryEntry, b: LibraryEntry, key: LibrarySortKey): number {
  switch (key) {
    case 'startTime':
      // Undated recordings sort after dated ones in either direction of the dates.
      if (a.startTime === null || b.startTime === null) return a.startTime === b.startTime ? 0 : a.startTime === null ? 1 : -1;
      return a.startTime.localeCompare(b.startTime);
    case 'name':
      return a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });
    case 'durationS':
      return a.durationS - b.durationS;
    case 'formatName':
      return a.formatName.localeCompare(b.formatName);
    case 'rate':
      return highestRate(a) - highestRate(b);
    case 'analysedAt':
      return a.analysedAt.localeCompare(b.analysedAt);
  }
}

export function queryLibrary(entries: readonly LibraryEntry[], q: LibraryQuery = {}): LibraryEntry[] {
  const words = (q.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const key = q.sortBy ?? 'startTime';
  const sign = q.descending ? -1 : 1;
  return entries
    .filter((e) => words.every((w) => searchText(e).includes(w)) && (q.tags ?? []).every((t) => hasTag(e.tags, t)))
    .map((e, i) => ({ e, i }))
    .sort((x, y) => {
      const undated = key === 'startTime' && (x.e.startTime === null || y.e.startTime === null);
      return (undated ? compare(x.e, y.e, key) : sign * compare(x.e, y.e, key)) || x.i - y.i;
    })
    .map((x) => x.e);
}
