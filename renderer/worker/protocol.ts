import type { Analysis } from '../../core/analysis/types';
import type { AnonymiseOptions } from '../../core/export/anonymise';
import type { ImportOptions } from '../../core/import/options';
import type { ChannelPreview } from '../../core/import/preview';
import type { ImportTemplate } from '../../core/import/templates';
import type { ReportInput } from '../../core/report/index';
import type { Recording } from '../../core/recording';
import type { SignalView } from '../../core/view/display-signal';
import type { Pyramid } from '../../core/view/pyramid';

/** Messages between the UI thread and the analysis worker. Every job has an id; replies carry it. */

/** Import options that can cross `postMessage` (no callbacks, no signal). */
export type ImportSettings = Omit<ImportOptions, 'onProgress' | 'signal'>;

export interface AnalyseSettings {
  sites: Record<string, string | null>;
  params: Record<string, unknown>;
}

/**
 * The report is built where the samples are (its waveform snippets need them): everything but the recording,
 * the date the user gave a recording whose file states none, and whether to anonymise it.
 */
export type ReportRequest = Omit<ReportInput, 'recording'> & {
  recordedAt?: string;
  anonymise?: AnonymiseOptions;
};

/** EDF+ export of the loaded recording's signals and the (reviewed) analysis's events. */
export interface EdfRequest {
  analysis: Analysis;
  signals: 'raw' | 'filtered';
  software: string;
  recordedAt?: string;
  anonymise?: AnonymiseOptions;
}

export type WorkerRequest =
  /** `templates`: on a fresh open, the user's templates; the one for the file's layout is applied. */
  | { type: 'import'; id: number; name: string; size: number; settings: ImportSettings; templates?: ImportTemplate[] }
  | { type: 'analyse'; id: number; settings: AnalyseSettings }
  | { type: 'report'; id: number; input: ReportRequest }
  | { type: 'edf'; id: number; input: EdfRequest }
  /** One channel's display pyramid of the asked signal, built when a view needs it (the raw view of a channel). */
  | { type: 'pyramid'; id: number; channel: string; view: SignalView }
  /** Stop job `id` at its next checkpoint; the worker keeps the recording it holds. */
  | { type: 'cancel'; id: number }
  | { type: 'read-result'; readId: number; bytes: Uint8Array | null; error?: string };

/**
 * A recording as the UI draws it: a decimation pyramid of the drawn signal per channel id. On the UI side
 * of the worker, `recording.channels[].data` is empty: the samples stay in the worker, which analyses them
 * and builds the report, so a long recording is held once rather than twice.
 */
export interface LoadedRecording {
  recording: Recording;
  pyramids: Record<string, Pyramid>;
  /** Per channel id: how the drawn signal was conditioned (e.g. `20–450 Hz, 50 Hz hum notched`), or null. */
  display: Record<string, string | null>;
  /** Per channel id: what the import check shows of it (first seconds, overview, range, noise). */
  previews: Record<string, ChannelPreview>;
  /** The settings the file was read with: the caller's, or a template's when one was applied. */
  settings: ImportSettings;
  /** The template applied on opening, if any: the import check names it and offers to undo it. */
  template: { id: string; name: string; sites: Record<string, string | null> } | null;
}

/** Reading the file, conditioning the drawn signals, detection. */
export type Stage = 'import' | 'display' | 'analyse';

export type WorkerResponse =
  | { type: 'progress'; id: number; stage: Stage; fraction: number }
  | { type: 'imported'; id: number; loaded: LoadedRecording }
  | { type: 'analysed'; id: number; analysis: Analysis }
  | { type: 'report'; id: number; html: string }
  | { type: 'edf'; id: number; bytes: Uint8Array; family: 'edf' | 'bdf' }
  | { type: 'pyramid'; id: number; pyramid: Pyramid }
  /**
   * `loaded`: whether the worker still holds a recording (a thread that died may have taken its samples);
   * `remedy`: what the user can set in the import check for the file to be read (a rate, a format).
   */
  | { type: 'failed'; id: number; message: string; loaded: boolean; remedy?: 'rate' | 'format' }
  /** The worker asks the UI thread for file bytes: files stay behind the platform API. */
  | { type: 'read'; readId: number; offset: number; length: number };
