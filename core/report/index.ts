/**
 * The clinician report: one self-contained HTML document (inline CSS and SVG, no scripts, no external
 * resources) that Electron's printToPDF and headless Chromium print the same way. Page one carries what
 * changes how the numbers read: the key findings with their caveats, review status and warning signs,
 * and what the method cannot tell.
 */
import { hourlyRest } from '../analysis/hourly-rest';
import type { Analysis } from '../analysis/types';
import { setAsideAtImport, unusedChannels, withoutUnusedChannels } from '../analysis/unused-channels';
import type { ChecklistAnswers } from '../guidance/checklist';
import { DISCLAIMER } from '../guidance/content';
import { findingsOf } from '../guidance/findings';
import { guidanceFor } from '../guidance/index';
import { listInWords } from '../format';
import { eventNoun } from '../guidance/phrases';
import type { Recording } from '../recording';
import type { RecordingContext } from '../review/context';
import { timelineChart } from './charts/timeline';
import { checklistSection } from './checklist-section';
import { dataQualitySection } from './data-quality';
import { guidanceSection } from './guidance-section';
import { headerHtml } from './header';
import { hourlySection } from './hourly-section';
import { esc, reportDocument, section } from './html';
import { keyFindings } from './key-findings';
import { limitsSection } from './limits-section';
import { methodsSection } from './methods';
import { channelProcessing, type ChannelProcessing } from './processing';
import { ratesSection } from './rates-section';
import { snippetsFor } from './snippets';
import { snippetsSection } from './snippets-section';
import { REPORT_CSS } from './style';
import { sustainedSection } from './sustained-section';

export interface ReportInput {
  recording: Recording;
  /** The analysis as reviewed (`applyReview`): review marks give the review status and agreement. */
  analysis: Analysis;
  answers: ChecklistAnswers;
  /** How the recording was made and what the person feels, as they entered it. */
  context?: RecordingContext;
  /** Name or initials the user chose to add. */
  subject?: string;
  software: { name: string; version: string };
  /** ISO 8601 time the report was made. */
  generatedAt: string;
}

export function buildReportHtml(input: ReportInput): string {
  const { recording: rec, answers } = input;
  const unused = [...setAsideAtImport(rec), ...unusedChannels(input.analysis)];
  const analysis = withoutUnusedChannels(input.analysis);
  const findings = findingsOf(analysis);
  const processing = channelProcessing(analysis);
  const noun = eventNoun(findings.onlyAccelerometer);
  const items = guidanceFor(analysis, answers);
  const body = [
    headerHtml(rec, input.subject, input.generatedAt, input.software, input.context, unused.length),
    `<ol class="key" aria-label="Key findings">${keyFindings(findings, analysis, processing, answers, rec.notRaw)
      .map((l) => `<li${l.flag ? ' class="flag"' : ''}>${esc(l.text)}</li>`)
      .join('')}</ol>`,
    limitsSection(analysis),
    ratesSection(findings),
    section('timeline', `Timeline, and ${noun} over time`, `<figure>${timelineChart(analysis, rec.durationS, noun)}</figure>${heartbeatNote(processing)}`),
    hourlySection(hourlyRest(analysis, rec.startTime)),
    sustainedSection(analysis),
    snippetsSection(snippetsFor(rec, analysis)),
    checklistSection(answers),
    guidanceSection(items),
    dataQualitySection(rec, analysis, unused),
    methodsSection(analysis, processing, input.software),
    `<p class="disclaimer" id="disclaimer">${esc(DISCLAIMER)}</p>`,
  ].join('\n');
  return reportDocument(`TwitchScope report – ${rec.file}`, REPORT_CSS, body);
}

/** Heartbeats are set aside, not drawn: say so, so an empty-looking row is not misread. */
function heartbeatNote(processing: readonly ChannelProcessing[]): string {
  const withBeats = processing.filter((p) => p.heartbeats > 0).map((p) => `${p.heartbeats} on ${p.channel.site ?? p.channel.label}`);
  return withBeats.length ? `<p class="muted">Heartbeats picked up by the electrodes were set aside and are not drawn: ${esc(listInWords(withBeats))}.</p>` : '';
}

export { buildTrendReportHtml, type TrendReportInput } from './trend';
