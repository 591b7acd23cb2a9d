/** A library entry from one analysis: the recording's facts and its per-site figures, nothing of the samples. */
import type { ChannelSummary, SiteSummary } from '../analysis/types';
import type { Recording } from '../recording';
import type { LibraryEntry, LibrarySite } from './schema';

/** What the library keeps of a recording; `Recording` has it, and so do the CLI's worker results. */
export type RecordingFacts = Pick<Recording, 'file' | 'format' | 'formatName' | 'startTime' | 'durationS' | 'fingerprint' | 'sizeBytes'>;

export interface AnalysisFacts {
  summary: { channels: readonly ChannelSummary[]; sites: readonly SiteSummary[] };
  parameters: Record<string, unknown>;
}

export interface EntryRef {
  location: string;
  /** ISO 8601 of the analysis. */
  analysedAt: string;
}

/** The entry as a fresh analysis describes it; tags and added date are the library's to keep (see `recordAnalysis`). */
export function entryFromAnalysis(rec: RecordingFacts, analysis: AnalysisFacts, ref: EntryRef): LibraryEntry {
  const analysedBySite = new Map<string, number>();
  for (const c of analysis.summary.channels) {
    if (c.site !== null) analysedBySite.set(c.site, (analysedBySite.get(c.site) ?? 0) + c.analyzedS);
  }
  const sites: LibrarySite[] = analysis.summary.sites.map((s) => ({
    site: s.site,
    restS: s.restS,
    twitchCount: s.twitchCount,
    twitchesPerMinute: s.twitchesPerMinute,
    ...(s.noRate ? { noRate: s.noRate } : {}),
    sustainedCount: s.sustainedCount,
    analysedS: analysedBySite.get(s.site) ?? 0,
  }));
  const sensitivity = analysis.parameters.sensitivity;
  return {
    fingerprint: rec.fingerprint,
    location: ref.location,
    name: rec.file,
    startTime: rec.startTime,
    durationS: rec.durationS,
    format: rec.format,
    formatName: rec.formatName,
    sizeBytes: rec.sizeBytes,
    sites,
    tags: [],
    analysedAt: ref.analysedAt,
    addedAt: ref.analysedAt,
    sensitivity: typeof sensitivity === 'number' ? sensitivity : null,
    missing: false,
  };
}
