import { eventsToCsv } from '../core/analysis/events-csv';
import { toAnalysisJson } from '../core/analysis/json';
import type { Analysis } from '../core/analysis/types';
import { anonymise, type AnonymiseOptions } from '../core/export/anonymise';
import type { ChecklistAnswers } from '../core/guidance/checklist';
import type { Recording } from '../core/recording';
import type { PlatformApi } from '../core/platform/api';
import type { RecordingContext } from '../core/review/context';
import type { EdfRequest, ReportRequest } from './worker/protocol';

/** The exports, always of the reviewed analysis: what the user sees is what leaves the app. */
export type ExportKind = 'pdf' | 'csv' | 'json' | 'edf' | 'edf-filtered';

export interface ExportInput {
  recording: Recording;
  analysis: Analysis;
  answers: ChecklistAnswers;
  context: RecordingContext;
  subject: string;
  /** The date the user gave a recording whose file states none. */
  recordedAt: string | null;
  /** Set when the user chose to share without names, serials, paths or true dates. */
  anonymise: AnonymiseOptions | null;
}

/** The heavy exports are built in the worker, where the samples are. */
export interface WorkerExports {
  reportHtml(req: ReportRequest): Promise<string>;
  edf(req: EdfRequest): Promise<{ bytes: Uint8Array; family: 'edf' | 'bdf' }>;
}

function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

export async function exportAs(platform: PlatformApi, kind: ExportKind, input: ExportInput, worker: WorkerExports): Promise<boolean> {
  const version = await platform.appVersion();
  // A date the user gave stands in for one the file lacks; anonymising then moves it like any other.
  const dated = input.recording.startTime || !input.recordedAt ? input.recording : { ...input.recording, startTime: input.recordedAt };
  const shown = input.anonymise ? anonymise(dated, input.analysis, input.anonymise) : null;
  const recording = shown?.recording ?? dated;
  const analysis = shown?.analysis ?? input.analysis;
  const base = baseName(recording.file) + (input.anonymise ? '.anonymised' : '');
  if (kind === 'csv') return platform.saveFile(`${base}.events.csv`, eventsToCsv(analysis, recording), 'text/csv');
  if (kind === 'json') {
    const json = JSON.stringify(toAnalysisJson(recording, analysis, version), null, 2) + '\n';
    return platform.saveFile(`${base}.analysis.json`, json, 'application/json');
  }
  if (kind === 'edf' || kind === 'edf-filtered') {
    const out = await worker.edf({
      analysis: input.analysis,
      signals: kind === 'edf' ? 'raw' : 'filtered',
      software: `TwitchScope ${version}`,
      ...(dated !== input.recording && input.recordedAt ? { recordedAt: input.recordedAt } : {}),
      ...(input.anonymise ? { anonymise: input.anonymise } : {}),
    });
    return platform.saveFile(`${base}.${out.family}`, out.bytes, 'application/x-edf');
  }
  const subject = input.anonymise ? '' : input.subject.trim();
  const html = await worker.reportHtml({
    analysis: input.analysis,
    answers: input.answers,
    context: input.context,
    ...(subject ? { subject } : {}),
    ...(dated !== input.recording && input.recordedAt ? { recordedAt: input.recordedAt } : {}),
    software: { name: 'TwitchScope', version },
    generatedAt: new Date().toISOString(),
    ...(input.anonymise ? { anonymise: input.anonymise } : {}),
  });
  return platform.saveReportPdf(`${base}.report.pdf`, html);
}
