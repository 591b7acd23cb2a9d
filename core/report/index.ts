/**
 * The clinician report: one self-contained HTML document (inline CSS and SVG, no scripts, no external
 * resources) that Electron's printToPDF and headless Chromium print the same way.
 */
import type { Analysis } from '../analysis/types';
import type { ChecklistAnswers } from '../guidance/checklist';
import { DISCLAIMER } from '../guidance/content';
import { findingsOf } from '../guidance/findings';
import { guidanceFor } from '../guidance/index';
import type { Recording } from '../recording';
import { timelineChart } from './charts/timeline';
import { checklistSection } from './checklist-section';
import { dataQualitySection } from './data-quality';
import { guidanceSection } from './guidance-section';
import { headerHtml } from './header';
import { esc, reportDocument, section } from './html';
import { keyFindings } from './key-findings';
import { methodsSection } from './methods';
import { ratesSection } from './rates-section';
import { snippetsFor } from './snippets';
import { snippetsSection } from './snippets-section';
import { REPORT_CSS } from './style';
import { sustainedSection } from './sustained-section';

export interface ReportInput {
  recording: Recording;
  analysis: Analysis;
  answers: ChecklistAnswers;
  /** Name or initials the user chose to add. */
  subject?: string;
  software: { name: string; version: string };
  /** ISO 8601 time the report was made. */
  generatedAt: string;
}

export function buildReportHtml(input: ReportInput): string {
  const { recording: rec, analysis, answers } = input;
  const findings = findingsOf(analysis);
  const items = guidanceFor(analysis, answers);
  const title = `TwitchScope report – ${rec.file}`;
  const body = [
    headerHtml(rec, input.subject, input.generatedAt, input.software),
    `<ol class="key" aria-label="Key findings">${keyFindings(findings, answers, rec.notRaw)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ol>`,
    ratesSection(findings),
    section('timeline', 'Timeline of events and twitches over time', `<figure>${timelineChart(analysis, rec.durationS)}</figure>`),
    sustainedSection(analysis),
    snippetsSection(snippetsFor(rec, analysis)),
    checklistSection(answers),
    guidanceSection(items),
    dataQualitySection(rec, analysis),
    methodsSection(analysis, input.software),
    `<p class="disclaimer" id="disclaimer">${esc(DISCLAIMER)}</p>`,
  ].join('\n');
  return reportDocument(title, REPORT_CSS, body);
}
export { buildTrendReportHtml, type TrendReportInput } from './trend';
