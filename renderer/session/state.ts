import type { Analysis } from '../../core/analysis/types';
import type { ChecklistAnswers } from '../../core/guidance/checklist';
import { EMPTY_CONTEXT, type RecordingContext } from '../../core/review/context';
import type { RestoredWork } from '../../core/review/restore';
import { record, redo, startHistory, undo, type History } from '../../core/review/history';
import type { OpenedFile } from '../../core/platform/api';
import type { ImportSettings, LoadedRecording, Stage } from '../worker/protocol';

/** The user's undoable work: site labels and review edits, as saved work carries them. */
export type Work = RestoredWork['work'];

export type Phase = 'start' | 'check' | 'review';

/**
 * The session: the file, its import and analysis, and the saved-work fields (sensitivity, params, subject, answers,
 * recordedAt, context) as `RestoredWork` defines them, so saved work and the session cannot drift apart.
 */
export interface SessionState extends Omit<RestoredWork, 'work'> {
  phase: Phase;
  /** A running import or analysis (the UI shows progress and Cancel). */
  busy: { stage: Stage; fraction: number; label: string } | null;
  error: string | null;
  notice: string | null;
  file: OpenedFile | null;
  settings: ImportSettings;
  loaded: LoadedRecording | null;
  /** A template applied to this file on opening, or the user's corrections just saved as one: the import check says so. */
  templateNote: TemplateNote | null;
  /** The detector's output before review; the shown analysis is this with `history.present` applied. */
  analysis: Analysis | null;
  /** The inputs `analysis` came from (`analysisInputs`): the same inputs again need no new run. */
  analysedWith: string | null;
  history: History<Work>;
}

export interface TemplateNote {
  kind: 'applied' | 'saved';
  id: string;
  name: string;
}

export const EMPTY_WORK: Work = { sites: {}, edits: [] };

export const initialState: SessionState = {
  phase: 'start',
  busy: null,
  error: null,
  notice: null,
  file: null,
  settings: {},
  loaded: null,
  templateNote: null,
  analysis: null,
  analysedWith: null,
  history: startHistory(EMPTY_WORK),
  sensitivity: null,
  params: {},
  subject: '',
  answers: {},
  recordedAt: null,
  context: EMPTY_CONTEXT,
};


export type SessionAction =
  | { type: 'busy'; stage: Stage; fraction: number; label: string }
  | { type: 'idle' }
  | { type: 'opened'; file: OpenedFile; settings: ImportSettings; loaded: LoadedRecording; restored: RestoredWork | null; notice: string | null; templateNote?: TemplateNote | null }
  /** A file that could not be read as it is: the import check opens on the message so format or rate can be set. */
  | { type: 'read-failed'; file: OpenedFile; settings: ImportSettings; message: string }
  | { type: 'template-note'; note: TemplateNote | null }
  | { type: 'analysed'; analysis: Analysis; inputs: string }
  | { type: 'failed'; message: string }
  | { type: 'notice'; message: string | null }
  | { type: 'work'; work: Work }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'sensitivity'; value: number | null }
  | { type: 'subject'; value: string }
  | { type: 'answers'; value: ChecklistAnswers }
  | { type: 'recorded-at'; value: string | null }
  | { type: 'context'; value: RecordingContext }
  | { type: 'back-to-check' }
  | { type: 'close' };

/** What an analysis is computed from besides the recording: site labels and detection settings. */
export function analysisInputs(sites: Record<string, string | null>, params: Record<string, unknown>): string {
  return JSON.stringify({ sites, params });
}

/** The analysis in hand when it was computed from `inputs`: going back to it needs no new run. */
export function analysisInHand(s: SessionState, inputs: string): Analysis | null {
  return s.analysis && s.analysedWith === inputs ? s.analysis : null;
}

export function reduce(s: SessionState, a: SessionAction): SessionState {
  switch (a.type) {
    case 'busy':
      return { ...s, busy: { stage: a.stage, fraction: a.fraction, label: a.label }, error: null };
    case 'idle':
      return { ...s, busy: null };
    case 'opened': {
      const sameFile = s.file?.key === a.file.key && s.loaded !== null;
      const keep = sameFile ? { history: s.history, sensitivity: s.sensitivity, params: s.params, subject: s.subject, answers: s.answers, recordedAt: s.recordedAt, context: s.context } : null;
      return {
        ...s,
        phase: 'check',
        busy: null,
        error: null,
        notice: a.notice,
        file: a.file,
        settings: a.settings,
        loaded: a.loaded,
        templateNote: a.templateNote ?? null,
        analysis: null,
        analysedWith: null,
        history: keep?.history ?? startHistory(a.restored?.work ?? EMPTY_WORK),
        sensitivity: keep ? keep.sensitivity : (a.restored?.sensitivity ?? null),
        params: keep ? keep.params : (a.restored?.params ?? {}),
        subject: keep ? keep.subject : (a.restored?.subject ?? ''),
        answers: keep ? keep.answers : (a.restored?.answers ?? {}),
        recordedAt: keep ? keep.recordedAt : (a.restored?.recordedAt ?? null),
        context: keep ? keep.context : (a.restored?.context ?? EMPTY_CONTEXT),
      };
    }
    case 'read-failed': {
      const sameFile = s.file?.key === a.file.key && s.loaded !== null;
      // A correction that fails keeps the file as last read; a new file that fails opens the check on the message.
      if (sameFile) return { ...s, busy: null, error: a.message };
      return { ...initialState, phase: 'check', file: a.file, settings: a.settings, error: a.message };
    }
    case 'template-note':
      return { ...s, templateNote: a.note };
    case 'analysed':
      return { ...s, phase: 'review', busy: null, error: null, analysis: a.analysis, analysedWith: a.inputs };
    case 'failed':
      return { ...s, busy: null, error: a.message };
    case 'notice':
      // Dismissing (null) clears an error too: the banner shows one message at a time.
      return { ...s, notice: a.message, error: a.message === null ? null : s.error };
    case 'work':
      return { ...s, history: record(s.history, a.work) };
    case 'undo':
      return { ...s, history: undo(s.history) };
    case 'redo':
      return { ...s, history: redo(s.history) };
    case 'sensitivity':
      return { ...s, sensitivity: a.value };
    case 'subject':
      return { ...s, subject: a.value };
    case 'answers':
      return { ...s, answers: a.value };
    case 'recorded-at':
      return { ...s, recordedAt: a.value };
    case 'context':
      return { ...s, context: a.value };
    case 'back-to-check':
      return { ...s, phase: 'check', error: null };
    case 'close':
      return { ...initialState };
  }
}
