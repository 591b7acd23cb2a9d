/** Guidance paired with the findings: content, checklist, ranked items and the disclaimer. */
import type { Analysis } from '../analysis/types';
import type { ChecklistAnswers } from './checklist';
import { findingsOf } from './findings';
import type { GuidanceItem } from './rule-types';
import { callsForClinician, LEVEL_ORDER, RULES } from './rules';

export {
  ANSWERS,
  ANSWER_LABELS,
  QUESTIONS,
  QUESTION_GROUPS,
  questionById,
  sanitizeAnswers,
  type Answer,
  type ChecklistAnswers,
  type Question,
  type QuestionGroup,
  type QuestionId,
} from './checklist';
export { DISCLAIMER, SECTIONS, sectionById, type ContentSection, type SectionId } from './content';
export { findingsOf, MIN_REST_S, type Findings, type Location } from './findings';
export { callsForClinician, LEVEL_LABELS, LEVEL_ORDER, RED_FLAGS, RULES, twitchPhrase, type GuidanceItem, type GuidanceLevel, type ItemKind } from './rules';

/** A few items read in a minute; clinician items are never dropped to meet it. */
export const MAX_ITEMS = 6;

/** Kinds of item that would soothe or suggest self-care beside an answer that calls for a clinician. */
const HELD_WHEN_FLAGGED = new Set(['reassurance', 'self-help']);

/**
 * Findings plus answers → ranked guidance: clinician items first, then things worth noting, then background.
 * When an answer calls for a clinician, reassuring and self-help items are held back.
 */
export function guidanceFor(analysis: Analysis, answers: ChecklistAnswers): GuidanceItem[] {
  const input = { findings: findingsOf(analysis), answers };
  const hold = callsForClinician(answers);
  const items: GuidanceItem[] = [];
  for (const rule of RULES) {
    const item = rule.apply(input);
    if (item && !(hold && HELD_WHEN_FLAGGED.has(item.kind))) items.push(item);
  }
  const ranked = items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.item.level) - LEVEL_ORDER.indexOf(b.item.level) || a.order - b.order)
    .map((x) => x.item);
  const urgent = ranked.filter((i) => i.level === 'see-clinician').length;
  return ranked.slice(0, Math.max(MAX_ITEMS, urgent));
}
