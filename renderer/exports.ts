import { eventsToCsv } from '../core/analysis/events-csv';
import { toAnalysisJson } from '../core/analysis/json';
import type { Analysis } from '../core/analysis/types';
import type { ChecklistAnswers } from '../core/guidance/checklist';
import type { Recording } from '../core/recording';
import type { PlatformApi } from './platform/types';
import type { ReportRequest } from './worker/protocol';

/** The three exports, always of the reviewed analysis: what the user sees is what leaves the app. */
export type ExportKind = 'pdf' | 'csv' | 'json';

export interface ExportInput {
  recording: Recording;
  analysis: Analysis;
  answers: ChecklistAnswers;
  subject: string;
  /** The date the user gave a recording whose file states none. */
  recordedAt: string | null;
}

function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

/** The report is built in the worker, where the samples for its waveform snippets are. */
export async function exportAs(
  platform: PlatformApi,
  kind: ExportKind,
  input: ExportInput,
  reportHtml: (req: ReportRequest) => Promise<string>,
): Promise<boolean> {
  const version = await platform.appVersion();
  const recording = input.recording.startTime || !input.recordedAt ? input.recording : { ...input.recording, startTime: input.recordedAt };
  const base = baseName(input.recording.file);
  if (kind === 'csv') return platform.saveFile(`${base}.events.csv`, eventsToCsv(input.analysis, input.recording), 'text/csv');
  if (kind === 'json') {
    const json = JSON.stringify(toAnalysisJson(recording, input.analysis, version), null, 2) + '\n';
    return platform.saveFile(`${base}.analysis.json`, json, 'application/json');
  }
  const html = await reportHtml({
    analysis: input.analysis,
    answers: input.answers,
    ...(input.subject.trim() ? { subject: input.subject.trim() } : {}),
    ...(recording !== input.recording && input.recordedAt ? { recordedAt: input.recordedAt } : {}),
    software: { name: 'TwitchScope', version },
    generatedAt: new Date().toISOString(),
  });
  return platform.saveReportPdf(`${base}.report.pdf`, html);
}
