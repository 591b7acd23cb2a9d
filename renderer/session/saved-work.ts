import { sanitizeContext } from '../../core/review/context';
import { makeSidecar, serializeSidecar } from '../../core/review/sidecar';
import type { SessionState } from './state';

export type SavedWorkState = Pick<SessionState, 'file' | 'loaded' | 'history' | 'sensitivity' | 'params' | 'subject' | 'answers' | 'recordedAt' | 'context'>;

/** The sidecar text for the session's work as it stands, or null when there is no recording to save it for. */
export function savedWorkText(state: SavedWorkState, savedAt: Date): string | null {
  const { file, loaded, history, sensitivity, params, subject, answers, recordedAt, context } = state;
  if (!file || !loaded) return null;
  const work = { subject, sites: history.present.sites, edits: history.present.edits, sensitivity, params, answers, context: sanitizeContext(context), ...(recordedAt ? { recordedAt } : {}) };
  return serializeSidecar(makeSidecar(file.name, loaded.recording.fingerprint, work, savedAt));
}
