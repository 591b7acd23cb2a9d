import { useEffect, useState } from 'react';
import { usePlatform } from '../platform/context';
import { SAMPLE_KEY_PREFIX } from '../samples';
import { savedWorkText } from './saved-work';
import type { SessionState } from './state';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed' | 'not-kept';

/** Quiet time before a save, so a burst of review keys writes once. */
const DEBOUNCE_MS = 600;

/**
 * Saves the user's work beside the recording shortly after each change, and says whether it worked.
 * A change still waiting when the page goes away is written at once.
 */
export function useAutosave(state: SessionState): SaveStatus {
  const platform = usePlatform();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const { file, loaded, phase, history, sensitivity, params, subject, answers, analysis, recordedAt, context } = state;

  useEffect(() => {
    if (!file || !loaded || phase !== 'review' || !analysis) return;
    let pending = true;
    const save = () => {
      if (!pending) return;
      pending = false;
      const text = savedWorkText({ file, loaded, history, sensitivity, params, subject, answers, recordedAt, context }, new Date());
      if (text === null) return;
      platform
        .saveSidecar(file.key, text)
        .then(() => setStatus('saved'))
        // The desktop app cannot write beside a bundled sample; that is expected, not a failure.
        .catch(() => setStatus(file.key.startsWith(SAMPLE_KEY_PREFIX) ? 'not-kept' : 'failed'));
    };
    setStatus('saving');
    const t = setTimeout(save, DEBOUNCE_MS);
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(t);
      window.removeEventListener('pagehide', save);
    };
  }, [platform, file, loaded, phase, analysis, history.present, sensitivity, params, subject, answers, recordedAt, context]);

  return status;
}
