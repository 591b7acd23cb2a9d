/** The person's checklist answers, grouped as they were asked. */
import type { ChecklistAnswers } from '../guidance/checklist';
import { ANSWER_LABELS, QUESTIONS, QUESTION_GROUPS } from '../guidance/checklist';
import { RED_FLAGS } from '../guidance/rules';
import { esc, section } from './html';

export function checklistSection(answers: ChecklistAnswers): string {
  const groups = QUESTION_GROUPS.map((g) => {
    const items = QUESTIONS.filter((q) => q.group === g.id).map((q) => {
      const a = answers[q.id];
      const flagged = a === 'yes' && RED_FLAGS.includes(q.id);
      const answer = a ? `<b>${ANSWER_LABELS[a]}</b>${flagged ? ' ▲' : ''}` : '<span class="muted">not answered</span>';
      return `<li><span>${esc(q.short)}</span><span>${answer}</span></li>`;
    });
    return `<div><h3>${esc(g.title)}</h3><ul class="answers">${items.join('')}</ul></div>`;
  });
  return section('checklist', 'Checklist answers', `<div class="two-col">${groups.join('')}</div><p class="muted">▲ an answer that calls for a clinician's check.</p>`);
}
