/** What a guidance rule sees and what it returns, and which answers call for a clinician. */
import type { ChecklistAnswers, QuestionId } from './checklist';
import type { SectionId } from './content';
import type { Findings } from './findings';

export type GuidanceLevel = 'see-clinician' | 'attention' | 'info';

/**
 * What an item does for the reader. `reassurance` and `self-help` items are held back whenever an answer
 * calls for a clinician, so nothing soothing stands beside "see a clinician".
 */
export type ItemKind = 'clinician' | 'fact' | 'reassurance' | 'self-help';

export interface GuidanceItem {
  /** Stable id of the rule that chose the item. */
  id: string;
  level: GuidanceLevel;
  kind: ItemKind;
  title: string;
  text: string;
  /** Why the item was chosen, with the numbers and answers behind it. */
  reason: string;
  /** The content section the advice comes from. */
  source: SectionId;
}

export const LEVEL_ORDER: readonly GuidanceLevel[] = ['see-clinician', 'attention', 'info'];

export const LEVEL_LABELS: Record<GuidanceLevel, string> = {
  'see-clinician': 'See a clinician',
  attention: 'Worth noting',
  info: 'Good to know',
};

/** Answers that send the user to a clinician (see the `see-clinician` section); "not sure" counts as a reason to ask. */
export const RED_FLAGS: readonly QuestionId[] = ['weakness', 'weakness-worse', 'wasting', 'speech-swallowing', 'same-place'];

export interface RuleInput {
  findings: Findings;
  answers: ChecklistAnswers;
}

/** What a rule is whatever the recording: its id, how urgent it is, what it does for the reader, its source. */
export type RuleHead = Pick<GuidanceItem, 'id' | 'level' | 'kind' | 'source'>;

/** What a rule says about one recording and its answers, and why. */
export type RuleWords = Pick<GuidanceItem, 'title' | 'text' | 'reason'>;

export interface Rule extends RuleHead {
  apply(input: RuleInput): GuidanceItem | null;
}

/** A rule from what it is and what it says when it applies (`say` gives null when it does not). */
export function rule(head: RuleHead, say: (input: RuleInput) => RuleWords | null): Rule {
  return {
    ...head,
    apply(input) {
      const words = say(input);
      return words && { id: head.id, level: head.level, kind: head.kind, ...words, source: head.source };
    },
  };
}

/** Red-flag questions answered yes. */
export function flaggedYes(answers: ChecklistAnswers): QuestionId[] {
  return RED_FLAGS.filter((id) => answers[id] === 'yes');
}

/** Whether a question was put to this person: "Is the weakness getting worse?" follows a yes or not sure to weakness. */
export function questionApplies(id: QuestionId, answers: ChecklistAnswers): boolean {
  return !(id === 'weakness-worse' && answers.weakness === 'no');
}

/** Red-flag questions answered "not sure", among those that apply. */
export function flaggedUnsure(answers: ChecklistAnswers): QuestionId[] {
  return RED_FLAGS.filter((id) => answers[id] === 'unsure' && questionApplies(id, answers));
}

/** Yes answers that call for a clinician: the red flags, then a sudden start, which holds back reassurance too. */
export function clinicianYes(answers: ChecklistAnswers): QuestionId[] {
  return answers['sudden-onset'] === 'yes' ? [...flaggedYes(answers), 'sudden-onset'] : flaggedYes(answers);
}

/** Whether an answer calls for a clinician, so reassurance and self-help are held back. */
export function callsForClinician(answers: ChecklistAnswers): boolean {
  return clinicianYes(answers).length > 0 || flaggedUnsure(answers).length > 0;
}
