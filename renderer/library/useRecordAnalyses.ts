/**
 * Puts every analysed recording in the library: a reference to the file and its figures with the user's
 * review applied, updated as the review changes. Bundled examples are not the user's recordings and stay out.
 */
import { useEffect } from 'react';
import type { Analysis } from '../../core/analysis/types';
import { entryFromAnalysis } from '../../core/library';
import { SAMPLE_KEY_PREFIX } from '../samples';
import type { SessionState } from '../session/state';
import type { LibraryApi } from './useLibrary';

/** Quiet time after a change, so a burst of review keys updates the library once. */
const DEBOUNCE_MS = 800;

export function useRecordAnalyses(library: LibraryApi, state: SessionState, reviewed: Analysis | null): void {
  const { ready, record } = library;
  const { file, loaded, phase, recordedAt } = state;
  useEffect(() => {
    if (!ready || !file || !loaded || phase !== 'review' || !reviewed || file.key.startsWith(SAMPLE_KEY_PREFIX)) return;
    const t = setTimeout(() => {
      // A file without a date is placed in time by the date the user gave it.
      const recording = loaded.recording.startTime || !recordedAt ? loaded.recording : { ...loaded.recording, startTime: recordedAt };
      void record(entryFromAnalysis(recording, reviewed, { location: file.key, analysedAt: new Date().toISOString() }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [ready, record, file, loaded, phase, reviewed, recordedAt]);
}
