import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import type { ChecklistAnswers } from '../../core/guidance/checklist';
import type { RecordingContext } from '../../core/review/context';
import { spanNearClick } from '../../core/review/added-event';
import { applyReview } from '../../core/review/apply';
import { addEvent, adjustSpan, setReview } from '../../core/review/edits';
import type { OpenedFile } from '../../core/platform/api';
import { Cancelled, type AnalysisClient } from '../worker/client';
import { useAnalysisClientFactory } from '../worker/client-context';
import type { EdfRequest, ImportSettings, ReportRequest } from '../worker/protocol';
import { readEventsFile } from '../../core/review/events-in';
import { restoreEvents } from '../../core/review/restore-events';
import { channelsOf } from '../../core/analysis/channels';
import type { SignalView } from '../../core/view/display-signal';
import type { Pyramid } from '../../core/view/pyramid';
import { analysisInHand, analysisInputs, initialState, reduce, type SessionState, type Work } from './state';
import { useTemplates, type TemplatesApi } from './useTemplates';
import { useKeepTemplate, useLoadFile } from './useLoadFile';

export interface SessionApi {
  state: SessionState;
  /** The analysis with the user's review applied: what every view shows. */
  reviewed: Analysis | null;
  open(file: OpenedFile): Promise<void>;
  /** Reads the file again with the user's corrections, and keeps them as the template for its layout. */
  reimport(settings: ImportSettings): Promise<void>;
  /** Reads the file again without the template that was applied on opening. */
  undoTemplate(): Promise<void>;
  templates: TemplatesApi;
  analyse(): Promise<void>;
  cancel(): void;
  close(): void;
  backToCheck(): void;
  setSite(channelId: string, site: string | null): void;
  review(event: DetectedEvent, action: 'confirm' | 'reject'): void;
  /** New edges for a detected span (undoable). */
  adjustSpan(event: DetectedEvent, startS: number, endS: number): void;
  addTwitch(channelId: string, clickS: number): DetectedEvent | null;
  undo(): void;
  redo(): void;
  setSensitivity(value: number | null): void;
  reportHtml(input: ReportRequest): Promise<string>;
  edf(input: EdfRequest): Promise<{ bytes: Uint8Array; family: 'edf' | 'bdf' }>;
  /** One recording channel's display pyramid of the given signal, built in the worker on request. */
  pyramid(channelId: string, view: SignalView): Promise<Pyramid>;
  /** Lays the review saved in an events CSV or EDF+ export onto this recording's analysis (undoable). */
  importEvents(file: OpenedFile): Promise<void>;
  setSubject(value: string): void;
  setAnswers(value: ChecklistAnswers): void;
  /** The date of a recording whose file does not state one (ISO 8601), or null. */
  setRecordedAt(value: string | null): void;
  setContext(value: RecordingContext): void;
  notify(message: string | null): void;
}

/** The whole session: one reducer for state, one analysis client for the heavy work. */
export function useSession(): SessionApi {
  const [state, dispatch] = useReducer(reduce, initialState);
  const clientRef = useRef<AnalysisClient | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const makeClient = useAnalysisClientFactory();
  const client = useCallback((): AnalysisClient => (clientRef.current ??= makeClient()), [makeClient]);
  useEffect(() => () => clientRef.current?.dispose(), []);

  const fail = useCallback((err: unknown) => {
    if (err instanceof Cancelled) dispatch({ type: 'idle' });
    else dispatch({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }, []);

  const notifyProblem = useCallback((message: string) => dispatch({ type: 'notice', message }), []);
  const templates = useTemplates(notifyProblem);

  const load = useLoadFile(client, dispatch, stateRef, templates);
  const keepTemplate = useKeepTemplate(templates, dispatch);

  const runAnalysis = useCallback(async () => {
    const s = stateRef.current;
    if (!s.loaded) return;
    const sites = s.history.present.sites;
    // The body sites chosen are part of what this layout's template remembers, once corrections made one.
    const layout = s.loaded.recording.layout;
    if (Object.keys(s.settings).length > 0 || (layout && templates.list.some((t) => t.signature === layout.signature))) void keepTemplate(s.loaded, s.settings, sites, false);
    const params = s.sensitivity === null ? s.params : { ...s.params, sensitivity: s.sensitivity };
    const inputs = analysisInputs(sites, params);
    // Back from the import check with nothing changed: a new run would give the analysis in hand.
    const inHand = analysisInHand(s, inputs);
    if (inHand) return dispatch({ type: 'analysed', analysis: inHand, inputs });
    dispatch({ type: 'busy', stage: 'analyse', fraction: 0, label: 'Finding twitches' });
    try {
      const analysis = await client().analyse({ sites: s.history.present.sites, params }, (stage, fraction) =>
        dispatch({ type: 'busy', stage, fraction, label: stage === 'analyse' ? 'Finding twitches' : 'Reading the recording again' }),
      );
      dispatch({ type: 'analysed', analysis, inputs });
    } catch (err) {
      fail(err);
    }
  }, [client, fail, keepTemplate, templates]);

  // A new sensitivity re-runs detection on the recording the worker already holds, a moment after the
  // slider stops so dragging it does not queue one run per step.
  const lastSensitivity = useRef(state.sensitivity);
  useEffect(() => {
    if (lastSensitivity.current === state.sensitivity) return;
    lastSensitivity.current = state.sensitivity;
    if (stateRef.current.phase !== 'review') return;
    const t = setTimeout(() => void runAnalysis(), 250);
    return () => clearTimeout(t);
  }, [state.sensitivity, runAnalysis]);

  const reviewed = useMemo(
    () => (state.analysis ? applyReview(state.analysis, state.history.present.edits, state.history.present.sites) : null),
    [state.analysis, state.history.present],
  );

  const setWork = useCallback((f: (w: Work) => Work) => dispatch({ type: 'work', work: f(stateRef.current.history.present) }), []);

  // The actions read state through a ref, so they keep their identity across renders: effects and
  // memoised children that use them do not re-run on every state change.
  const actions = useMemo<Omit<SessionApi, 'state' | 'reviewed' | 'templates'>>(
    () => ({
      open: async (file) => {
        await load(file, {}, true);
      },
      reimport: async (settings) => {
        const s = stateRef.current;
        if (!s.file) return;
        const loaded = await load(s.file, settings, false);
        if (loaded && Object.keys(settings).length > 0) await keepTemplate(loaded, settings, stateRef.current.history.present.sites, true);
      },
      undoTemplate: async () => {
        const file = stateRef.current.file;
        if (!file) return;
        if (await load(file, {}, false)) dispatch({ type: 'notice', message: 'The template was not applied: the file is read as detected.' });
      },
      analyse: runAnalysis,
      cancel: () => clientRef.current?.cancel(),
      close: () => {
        clientRef.current?.cancel();
        dispatch({ type: 'close' });
      },
      backToCheck: () => dispatch({ type: 'back-to-check' }),
      setSite: (id, site) => setWork((w) => ({ ...w, sites: { ...w.sites, [id]: site } })),
      review: (event, action) => setWork((w) => ({ ...w, edits: setReview(w.edits, event, action) })),
      adjustSpan: (event, startS, endS) => setWork((w) => ({ ...w, edits: adjustSpan(w.edits, event, startS, endS) })),
      addTwitch: (channelId, clickS) => {
        const event = twitchAt(stateRef.current, channelId, clickS);
        if (event) setWork((w) => ({ ...w, edits: addEvent(w.edits, event) }));
        return event && { ...event, type: 'twitch', snr: 0, review: 'added' };
      },
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      setSensitivity: (value) => dispatch({ type: 'sensitivity', value }),
      reportHtml: (input) => client().reportHtml(input),
      edf: (input) => client().edf(input),
      pyramid: (channelId, view) => client().pyramid(channelId, view),
      importEvents: async (file) => {
        const message = await restoreReviewFrom(file, stateRef.current, setWork);
        if (message) dispatch({ type: 'notice', message });
      },
      setSubject: (value) => dispatch({ type: 'subject', value }),
      setAnswers: (value) => dispatch({ type: 'answers', value }),
      setRecordedAt: (value) => dispatch({ type: 'recorded-at', value }),
      setContext: (value) => dispatch({ type: 'context', value }),
      notify: (message) => dispatch({ type: 'notice', message }),
    }),
    [client, load, runAnalysis, setWork, keepTemplate],
  );

  return useMemo(() => ({ state, reviewed, templates, ...actions }), [state, reviewed, templates, actions]);
}


/** The twitch a click in add mode adds: the peak near the click in the signal as drawn (EMG band-passed). */
function twitchAt(s: SessionState, channelId: string, clickS: number): { channel: string; peakS: number; startS: number; endS: number; amplitude: number } | null {
  const loaded = s.loaded;
  if (!loaded || !s.analysis?.channels.some((c) => c.id === channelId)) return null;
  const axes = channelsOf(loaded.recording, channelId);
  if (axes.length === 0) return null;
  const span = spanNearClick(
    axes.map((a) => loaded.pyramids[a.id]?.data ?? a.data),
    axes[0].sampleRateHz,
    axes[0].startS,
    clickS,
  );
  return span && { channel: channelId, ...span };
}

/** Lays the review in an events CSV or EDF+ export onto the analysis; returns what to tell the user. */
async function restoreReviewFrom(file: OpenedFile, s: SessionState, setWork: (f: (w: Work) => Work) => void): Promise<string | null> {
  if (!s.loaded || !s.analysis) return null;
  try {
    const events = await readEventsFile({ name: file.name, size: file.size, read: (o, n) => file.read(o, n) });
    const restored = restoreEvents(events, s.loaded.recording, s.analysis);
    if (!restored.ok) return restored.reason;
    // The file's review replaces the current one; Undo brings the current one back.
    setWork((w) => ({ edits: restored.edits, sites: { ...w.sites, ...restored.sites } }));
    const missed = restored.unmatched > 0 ? ` ${restored.unmatched} reviewed event${restored.unmatched === 1 ? ' was' : 's were'} not found at this sensitivity.` : '';
    return `Restored the review of ${restored.restored} event${restored.restored === 1 ? '' : 's'} from ${file.name}.${missed}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
