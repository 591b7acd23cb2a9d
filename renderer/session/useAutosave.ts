import { useEffect, useState } from 'react';
import { makeSidecar, serializeSidecar } from '../../core/review/sidecar';
import { usePlatform } from '../platform/context';
import { SAMPLE_KEY_PREFIX } from '../samples';
import type { SessionState } from './state';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed' | 'not-kept';

/** Saves the user's work beside the recording shortly after each change, and says whether it worked. */
export function useAutosave(state: SessionState): SaveStatus {
  const platform = usePlatform();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const { file, loaded, phase, history, sensitivity, subject, answers, analysis } = state;

  useEffect(() => {
    if (!file || !loaded || phase !== 'review' || !analysis) return;
    const t = setTimeout(() => {
      const sidecar = makeSidecar(
        file.name,
        loaded.recording.fingerprint,
        { subject, sites: history.present.sites, edits: history.present.edits, sensitivity, params: {}, answers },
        new Date(),
      );
      setStatus('saving');
      platform
        .saveSidecar(file.key, serializeSidecar(sidecar))
        .then(() => setStatus('saved'))
        // The desktop app cannot write beside a bundled sample; that is expected, not a failure.
        .catch(() => setStatus(file.key.startsWith(SAMPLE_KEY_PREFIX) ? 'not-kept' : 'failed'));
    }, 600);
    return () => clearTimeout(t);
  }, [platform, file, loaded, phase, analysis, history.present, sensitivity, subject, answers]);

  return status;
}
