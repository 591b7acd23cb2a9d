import { analyzeRecording } from '../../core/analysis/analyze';
import type { Analysis } from '../../core/analysis/types';
import { ImportError } from '../../core/import/errors';
import { importRecording } from '../../core/import/index';
import type { ByteSource } from '../../core/import/source';
import type { Recording } from '../../core/recording';
import { displaySignal } from '../../core/view/display-signal';
import { buildPyramid, type Pyramid } from '../../core/view/pyramid';
import type { AnalyseSettings, ImportSettings, LoadedRecording } from './protocol';

/**
 * Import and analysis, the same code in the worker and in-thread (tests): it keeps the recording so a
 * new sensitivity re-analyses without reading the file again.
 */
export class Engine {
  private recording: Recording | null = null;

  async importFile(
    source: ByteSource,
    settings: ImportSettings,
    onProgress: (f: number) => void,
    signal: { readonly aborted: boolean },
  ): Promise<LoadedRecording> {
    this.recording = null;
    const rec = await importRecording(source, { ...settings, onProgress: (f) => onProgress(f * 0.9), signal });
    const pyramids: Record<string, Pyramid> = {};
    const display: Record<string, string | null> = {};
    for (const ch of rec.channels) {
      const shown = displaySignal(ch);
      pyramids[ch.id] = buildPyramid(shown.data, ch.sampleRateHz, ch.startS);
      display[ch.id] = shown.description;
    }
    onProgress(1);
    this.recording = rec;
    return { recording: rec, pyramids, display };
  }

  get hasRecording(): boolean {
    return this.recording !== null;
  }

  analyse(settings: AnalyseSettings, onProgress: (f: number) => void, signal: { readonly aborted: boolean }): Analysis {
    if (!this.recording) throw new Error('No recording is loaded.');
    return analyzeRecording(this.recording, { sites: settings.sites, params: settings.params, onProgress, signal });
  }
}

/** The text a person sees for a failure: import errors are already written for them. */
export function failureMessage(err: unknown): string {
  if (err instanceof ImportError) return err.message;
  if (err instanceof Error && err.name === 'ImportError') return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `Something went wrong while reading the recording: ${detail}`;
}

/**
 * The samples (copied) and the pyramids (given away) for the UI thread, listed for transfer: the worker
 * keeps its own samples for re-analysis, the UI gets its copy without a second structured clone.
 */
export function forTransfer(loaded: LoadedRecording): { loaded: LoadedRecording; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const channels = loaded.recording.channels.map((ch) => {
    const data = ch.data.slice();
    transfer.push(data.buffer);
    return { ...ch, data };
  });
  const pyramids: Record<string, Pyramid> = {};
  loaded.recording.channels.forEach((original, i) => {
    const p = loaded.pyramids[original.id];
    for (const l of p.levels) transfer.push(l.min.buffer as ArrayBuffer, l.max.buffer as ArrayBuffer);
    // A filtered display signal is the worker's to give away; a raw one is shared with the kept samples.
    const shared = p.data === original.data;
    if (!shared) transfer.push(p.data.buffer as ArrayBuffer);
    pyramids[original.id] = shared ? { ...p, data: channels[i].data } : p;
  });
  return { loaded: { recording: { ...loaded.recording, channels }, pyramids, display: loaded.display }, transfer };
}
