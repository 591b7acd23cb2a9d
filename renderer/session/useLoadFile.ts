import { useCallback, type Dispatch, type MutableRefObject } from 'react';
import { EMPTY_CONTEXT } from '../../core/review/context';
import { restoreFromSidecar, SAVED_WORK_UNREADABLE, type RestoredWork } from '../../core/review/restore';
import type { OpenedFile } from '../../core/platform/api';
import { usePlatform } from '../platform/context';
import { Cancelled, type AnalysisClient } from '../worker/client';
import type { ImportSettings, LoadedRecording } from '../worker/protocol';
import { EMPTY_WORK, type SessionAction, type SessionState } from './state';
import type { TemplatesApi } from './useTemplates';

/** Saved work (or none) with the body sites a template gives. */
function withSites(restored: RestoredWork | null, sites: Record<string, string | null>): RestoredWork {
  const base: RestoredWork = restored ?? { work: EMPTY_WORK, sensitivity: null, params: {}, subject: '', answers: {}, recordedAt: null, context: EMPTY_CONTEXT };
  return { ...base, work: { ...base.work, sites } };
}

/**
 * Reads a file into the session with its saved work; on a fresh open (`withTemplates`) the template for its
 * layout is applied. Resolves to the loaded file, or null when reading failed (the state then says why).
 */
export function useLoadFile(
  client: () => AnalysisClient,
  dispatch: Dispatch<SessionAction>,
  stateRef: MutableRefObject<SessionState>,
  templates: TemplatesApi,
): (file: OpenedFile, settings: ImportSettings, withTemplates: boolean) => Promise<LoadedRecording | null> {
  const platform = usePlatform();
  return useCallback(
    async (file: OpenedFile, settings: ImportSettings, withTemplates: boolean): Promise<LoadedRecording | null> => {
      dispatch({ type: 'busy', stage: 'import', fraction: 0, label: `Reading ${file.name}` });
      try {
        const list = withTemplates ? await templates.current() : undefined;
        const loaded = await client().importFile(
          file,
          settings,
          (stage, fraction) => dispatch({ type: 'busy', stage, fraction, label: stage === 'display' ? `Preparing the timeline of ${file.name}` : `Reading ${file.name}` }),
          list,
        );
        const saved = await platform.loadSidecar(file.key).then(
          (text) => ({ text }),
          () => null,
        );
        const { restored, notice } = saved
          ? restoreFromSidecar(saved.text, loaded.recording.fingerprint, (iso) => new Date(iso).toLocaleString())
          : { restored: null, notice: SAVED_WORK_UNREADABLE };
        const applied = loaded.template;
        // A template's body sites fill in only where the user's saved work has none.
        const sited = applied && Object.keys(restored?.work.sites ?? {}).length === 0 ? withSites(restored, applied.sites) : restored;
        const notes = [file.notice, notice].filter(Boolean).join(' ') || null;
        dispatch({ type: 'opened', file, settings: loaded.settings, loaded, restored: sited, notice: notes, templateNote: applied ? { kind: 'applied', id: applied.id, name: applied.name } : null });
        return loaded;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // A file the rate or format can fix opens the import check on the message; any other failure is only said.
        if (err instanceof Cancelled) dispatch({ type: 'idle' });
        else if ((err as { remedy?: string }).remedy || (stateRef.current.file?.key === file.key && stateRef.current.phase === 'check')) dispatch({ type: 'read-failed', file, settings, message });
        else dispatch({ type: 'failed', message });
        return null;
      }
    },
    [client, dispatch, platform, stateRef, templates],
  );
}

/** Keeps a file's corrections (and the sites chosen) as the template for its layout. */
export function useKeepTemplate(
  templates: TemplatesApi,
  dispatch: Dispatch<SessionAction>,
): (loaded: LoadedRecording, settings: ImportSettings, sites: Record<string, string | null>, announce: boolean) => Promise<void> {
  return useCallback(
    async (loaded: LoadedRecording, settings: ImportSettings, sites: Record<string, string | null>, announce: boolean) => {
      const layout = loaded.recording.layout;
      if (!layout) return;
      const now = new Date().toISOString();
      const existing = templates.list.find((t) => t.signature === layout.signature);
      const saved = await templates
        .save({
          id: existing?.id ?? `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
          name: existing?.name ?? `${loaded.recording.formatName}: like ${loaded.recording.file}`,
          signature: layout.signature,
          layout: layout.description,
          ...settings,
          ...(Object.keys(sites).length ? { sites } : {}),
          createdAt: now,
          updatedAt: now,
        })
        .catch((e: unknown) => {
          dispatch({ type: 'notice', message: `Your corrections could not be kept as a template: ${e instanceof Error ? e.message : String(e)}` });
          return null;
        });
      if (saved && announce) dispatch({ type: 'template-note', note: { kind: 'saved', id: saved.id, name: saved.name } });
    },
    [dispatch, templates],
  );
}
