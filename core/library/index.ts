/**
 * The library of analysed recordings: schema, migration, pure operations, the store-backed `Library`, queries.
 * Platforms plug in a `LibraryStore`: Electron's main process `node/library-file-store.ts` on
 * `<userData>/library.json` (behind IPC for the renderer), the browser an IndexedDB record whose `setAside`
 * copies the text to another key in the same transaction that deletes it.
 */
export * from './schema';
export { parseLibrary, type LibraryParse } from './parse';
export { entryFromAnalysis, type RecordingFacts, type AnalysisFacts, type EntryRef } from './entry';
export { findEntry, recordAnalysis, removeEntry, setTags, markMissing, locateEntry, type LocateResult } from './operations';
export { Library, LibraryReadOnlyError, type LibraryStore, type OpenNotice } from './library';
export { queryLibrary, highestRate, type LibraryQuery, type LibrarySortKey } from './query';
export { PRESET_TAGS, normaliseTags, hasTag } from './tags';
export { summaryRows, summaryCsv, SUMMARY_COLUMNS, type SummaryRow } from './summary-csv';
