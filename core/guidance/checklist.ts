/** The short symptom and context checklist the user fills in; its answers steer the guidance items. */

export type Answer = 'yes' | 'no' | 'unsure';

export const ANSWERS: readonly Answer[] = ['yes', 'no', 'unsure'];

export const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };

export type QuestionId =
  | 'weakness'
  | 'weakness-worse'
  | 'wasting'
  | 'speech-swallowing'
  | 'same-place'
  | 'sudden-onset'
  | 'disturbs-life'
  | 'caffeine'
  | 'stress'
  | 'poor-sleep'
  | 'hard-exercise'
  | 'dehydration';

export type QuestionGroup = 'symptoms' | 'context';

export interface Question {
  id: QuestionId;
  group: QuestionGroup;
  /** The question as the user reads it. */
  text: string;
  /** A few words for tables and reasons ("weakness getting worse"). */
  short: string;
  /** Every question takes yes / no / not sure; a question may also be left unanswered. */
  kind: 'yes-no-unsure';
}

export const QUESTION_GROUPS: ReadonlyArray<{ id: QuestionGroup; title: string; hint: string }> = [
  { id: 'symptoms', title: 'Your symptoms', hint: 'About the muscles that twitch and how you feel.' },
  { id: 'context', title: 'The last few days', hint: 'Everyday things that often set off twitching.' },
];

export const QUESTIONS: readonly Question[] = [
  {
    id: 'weakness',
    group: 'symptoms',
    text: 'Do you notice weakness or loss of strength in a muscle that twitches?',
    short: 'weakness where it twitches',
    kind: 'yes-no-unsure',
  },
  {
    id: 'weakness-worse',
    group: 'symptoms',
    text: 'If so, is the weakness getting worse over weeks or months?',
    short: 'weakness getting worse',
    kind: 'yes-no-unsure',
  },
  {
    id: 'wasting',
    group: 'symptoms',
    text: 'Does a muscle look thinner or smaller than before, or than the same muscle on your other side?',
    short: 'visible muscle wasting',
    kind: 'yes-no-unsure',
  },
  {
    id: 'speech-swallowing',
    group: 'symptoms',
    text: 'Do you have slurred speech, trouble swallowing, or a hoarse voice that does not go away?',
    short: 'speech or swallowing trouble, lasting hoarseness',
    kind: 'yes-no-unsure',
  },
  {
    id: 'same-place',
    group: 'symptoms',
    text: 'Is the twitching always in the same muscle or muscle group?',
    short: 'twitching always in one muscle group',
    kind: 'yes-no-unsure',
  },
  {
    id: 'sudden-onset',
    group: 'symptoms',
    text: 'Did the twitching start suddenly?',
    short: 'sudden start',
    kind: 'yes-no-unsure',
  },
  {
    id: 'disturbs-life',
    group: 'symptoms',
    text: 'Does the twitching disturb your sleep or get in the way of daily life?',
    short: 'disturbs sleep or daily life',
    kind: 'yes-no-unsure',
  },
  {
    id: 'caffeine',
    group: 'context',
    text: 'Have you had more caffeine (coffee, tea, energy drinks) or other stimulants than usual?',
    short: 'caffeine or stimulants',
    kind: 'yes-no-unsure',
  },
  {
    id: 'stress',
    group: 'context',
    text: 'Have you been more stressed or worried than usual?',
    short: 'stress',
    kind: 'yes-no-unsure',
  },
  {
    id: 'poor-sleep',
    group: 'context',
    text: 'Have you slept badly or too little?',
    short: 'poor sleep',
    kind: 'yes-no-unsure',
  },
  {
    id: 'hard-exercise',
    group: 'context',
    text: 'Have you done hard exercise?',
    short: 'hard exercise',
    kind: 'yes-no-unsure',
  },
  {
    id: 'dehydration',
    group: 'context',
    text: 'Might you be short of fluids (drinking little, sweating a lot, or a stomach bug)?',
    short: 'possibly dehydrated',
    kind: 'yes-no-unsure',
  },
];

/** The user's answers; any question may be left out. */
export type ChecklistAnswers = Partial<Record<QuestionId, Answer>>;

export function questionById(id: QuestionId): Question {
  const q = QUESTIONS.find((x) => x.id === id);
  if (!q) throw new Error(`unknown checklist question ${id}`);
  return q;
}

/**
 * Answers read back from storage or an older version: keeps known questions with valid answers only,
 * so a stale sidecar can never make the rules misfire.
 */
export function sanitizeAnswers(raw: unknown): ChecklistAnswers {
  const out: ChecklistAnswers = {};
  if (typeof raw !== 'object' || raw === null) return out;
  const record = raw as Record<string, unknown>;
  for (const q of QUESTIONS) {
    const a = record[q.id];
    if (a === 'yes' || a === 'no' || a === 'unsure') out[q.id] = a;
  }
  return out;
}
