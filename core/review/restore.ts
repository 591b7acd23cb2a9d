import { sanitizeAnswers, type ChecklistAnswers } from '../guidance/checklist';
import { EMPTY_CONTEXT, type RecordingContext } from './context';
import type { ReviewEdit } from './edits';
import { parseSidecar, sidecarMatches } from './sidecar';

/**
 * Saved work ready to apply to the recording just opened. The app's session holds the same fields
 * (`renderer/session/state.ts` extends this type), so what is saved and what is restored are one list.
 */
export interface RestoredWork {
  /** The undoable work: site labels and review edits. */
  work: { sites: Record<string, string | null>; edits: ReviewEdit[] };
  sensitivity: number | null;
  /** Detection settings other than sensitivity the user overrode (see `core/detect/params.ts`): used for analysis, saved back. */
  params: Record<string, unknown>;
  subject: string;
  answers: ChecklistAnswers;
  /** When the recording was made, given by the user for a file that does not say; saved with the work. */
  recordedAt: string | null;
  /** How the recording was made and what the person feels, as typed (saved trimmed). */
  context: RecordingContext;
}

/** Said when saved work exists but could not be read: the host keeps it aside at the first save. */
export const SAVED_WORK_UNREADABLE =
  'Saved work for this recording could not be read, so it was not applied. It is kept as it is, and your work from now on is saved beside it.';

/**
 * Decides what to do with a sidecar found for the file just opened: apply it only to the same content,
 * and always say why when it is not applied.
 */
export function restoreFromSidecar(
  text: string | null,
  fingerprint: string,
  formatDate: (iso: string) => string,
): { restored: RestoredWork | null; notice: string | null } {
  if (text === null) return { restored: null, notice: null };
  const parsed = parseSidecar(text);
  if (!parsed.ok) return { restored: null, notice: `Saved work was found but not used: ${parsed.reason}` };
  const s = parsed.sidecar;
  if (!sidecarMatches(s, fingerprint)) {
    return {
      restored: null,
      notice: 'Saved work was found for a file of this name, but its content has changed since, so it was not applied.',
    };
  }
  const restoredNotice = `Restored your saved work from ${s.savedAt ? formatDate(s.savedAt) : 'earlier'}.`;
  return {
    restored: { work: { sites: s.sites, edits: s.edits }, sensitivity: s.sensitivity, params: s.params, subject: s.subject, answers: sanitizeAnswers(s.answers), recordedAt: s.recordedAt ?? null, context: s.context ?? EMPTY_CONTEXT },
    notice:
      parsed.dropped.length === 0
        ? restoredNotice
        : `${restoredNotice} Parts this version cannot use were left out (${parsed.dropped.join(', ')}); the file is kept as it is, and your work from now on is saved beside it.`,
  };
}
