/** The person's checklist answers, grouped as they were asked; answers that call for a clinician stand out. */
import type { ChecklistAnswers } from '../guidance/checklist';
import { ANSWER_LABELS, QUESTIONS, QUESTION_GROUPS } from '../guidance/checklist';
import { clinicianYes, flaggedUnsure, questionApplies } from '../guidance/rule-types';
import { esc, section } from './html';

export function checklistSection(answers: ChecklistAnswers): string {
  const yes = new Set(clinicianYes(answers));
  const unsure = new Set(flaggedUnsure(answers));
  const groups = QUESTION_GROUPS.map((g) => {
    const items = QUESTIONS.filter((q) => q.group === g.id).map((q) => {
      const a = answers[q.id];
      const mark = yes.has(q.id) ? ' ▲' : unsure.has(q.id) ? ' △' : '';
      const flagged = mark !== '';
      const unasked = questionApplies(q.id, answers) ? 'not answered' : 'does not apply';
      const answer = a ? `<b>${ANSWER_LABELS[a]}</b>${mark}` : `<span class="muted">${unasked}</span>`;
      return `<li${flagged ? ' class="flag"' : ''}><span>${esc(q.short)}</span><span>${answer}</span></li>`;
    });
    return `<div><h3>${esc(g.title)}</h3><ul class="answers">${items.join('')}</ul></div>`;
  });
  return section(
    'checklist',
    'Checklist answers',
    `<div class="two-col">${groups.join('')}</div><p class="muted">▲ an answer that calls for a clinician's check; △ not sure about a warning sign, itself a reason to ask a clinician.</p>`,
  );
}
