import { analyzeRecording } from '../../core/analysis/analyze';
import type { Analysis } from '../../core/analysis/types';
import { WorkspaceKeeper } from '../../core/detect/workspace';
import { ImportError } from '../../core/import/errors';
import { importRecording } from '../../core/import/index';
import type { ByteSource } from '../../core/import/source';
import type { Recording } from '../../core/recording';
import { anonymise } from '../../core/export/anonymise';
import { writeEdf } from '../../core/export/edf/write';
import { buildReportHtml } from '../../core/report/index';
import { displaySignal, type SignalView } from '../../core/view/display-signal';
import { buildPyramid, type Pyramid } from '../../core/view/pyramid';
import type { AnalyseSettings, EdfRequest, ImportSettings, LoadedRecording, ReportRequest } from './protocol';

/**
 * Import and analysis, the same code in the worker and in-thread (tests): it keeps the recording so a
 * new sensitivity re-analyses without reading the file again.
 */
export class Engine {
  private recording: Recording | null = null;
  private readonly workspaces = new WorkspaceKeeper();

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

  /**
   * One channel's display pyramid of the asked signal. The raw view is built only for a channel someone
   * switches to it, rather than a second pyramid for every channel at import.
   */
  pyramid(channelId: string, view: SignalView): Pyramid {
    const ch = this.recording?.channels.find((c) => c.id === channelId);
    if (!ch) throw new Error(`The loaded recording has no channel "${channelId}".`);
    return buildPyramid(view === 'raw' ? ch.data : displaySignal(ch).data, ch.sampleRateHz, ch.startS);
  }

  /** The samples a pyramid may draw on without owning them (see `pyramidForTransfer`). */
  samplesOf(channelId: string): Float32Array | null {
    return this.recording?.channels.find((c) => c.id === channelId)?.data ?? null;
  }

  get hasRecording(): boolean {
    return this.recording !== null;
  }

  analyse(settings: AnalyseSettings, onProgress: (f: number) => void, signal: { readonly aborted: boolean }): Analysis {
    if (!this.recording) throw new Error('No recording is loaded.');
    const workspace = this.workspaces.take();
    const analysis = analyzeRecording(this.recording, { sites: settings.sites, params: settings.params, onProgress, signal, workspace });
    this.workspaces.keep(workspace);
    return analysis;
  }

  reportHtml(input: ReportRequest): string {
    if (!this.recording) throw new Error('No recording is loaded.');
    const { recordedAt, anonymise: anon, ...rest } = input;
    const recording = this.dated(recordedAt);
    if (!anon) return buildReportHtml({ ...rest, recording });
    // A name typed by the user is exactly what an anonymised report must not carry.
    const a = anonymise(recording, rest.analysis, anon);
    const { subject: _name, ...unnamed } = rest;
    return buildReportHtml({ ...unnamed, analysis: a.analysis, recording: a.recording, generatedAt: a.shiftIso(rest.generatedAt) });
  }

  edf(input: EdfRequest): { bytes: Uint8Array; family: 'edf' | 'bdf' } {
    const recording = this.dated(input.recordedAt);
    const a = input.anonymise ? anonymise(recording, input.analysis, input.anonymise) : { recording, analysis: input.analysis };
    const out = writeEdf(a.recording, a.analysis, { signals: input.signals, software: input.software });
    return { bytes: out.bytes, family: out.family };
  }

  /** The loaded recording, with the date the user gave when its file states none. */
  private dated(recordedAt: string | undefined): Recording {
    if (!this.recording) throw new Error('No recording is loaded.');
    return this.recording.startTime || !recordedAt ? this.recording : { ...this.recording, startTime: recordedAt };
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
 * What the UI thread gets, listed for transfer: the drawn signals and their pyramids, and the recording's
 * description without its samples (the worker keeps those for re-analysis and the report).
 */
export function forTransfer(loaded: LoadedRecording): { loaded: LoadedRecording; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const pyramids: Record<string, Pyramid> = {};
  for (const ch of loaded.recording.channels) pyramids[ch.id] = pyramidForTransfer(loaded.pyramids[ch.id], ch.data, transfer);
  const channels = loaded.recording.channels.map((ch) => ({ ...ch, data: new Float32Array(0) }));
  return { loaded: { recording: { ...loaded.recording, channels }, pyramids, display: loaded.display }, transfer };
}

/**
 * A pyramid made ready to post, its buffers added to `transfer`. A signal built for display is the worker's
 * to give away; the recorded samples (`own`) are kept for analysis, so they are sent as they are when in
 * shared memory, and copied otherwise.
 */
export function pyramidForTransfer(p: Pyramid, own: Float32Array, transfer: ArrayBuffer[]): Pyramid {
  for (const l of p.levels) transfer.push(l.min.buffer as ArrayBuffer, l.max.buffer as ArrayBuffer);
  if (p.data !== own) {
    transfer.push(p.data.buffer as ArrayBuffer);
    return p;
  }
  if (typeof SharedArrayBuffer === 'function' && own.buffer instanceof SharedArrayBuffer) return p;
  const data = own.slice();
  transfer.push(data.buffer as ArrayBuffer);
  return { ...p, data };
}
