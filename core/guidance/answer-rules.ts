/** Guidance rules driven mainly by the checklist answers. */
import type { ChecklistAnswers, QuestionId } from './checklist';
import { questionById } from './checklist';
import { capitalise, listInWords } from '../format';
import { twitchPhrase } from './phrases';
import { flaggedUnsure, flaggedYes, RED_FLAGS, rule, type GuidanceItem, type Rule } from './rule-types';

const shortOf = (ids: readonly QuestionId[]): string[] => ids.map((id) => questionById(id).short);
const yes = (answers: ChecklistAnswers, id: QuestionId): boolean => answers[id] === 'yes';

/** A yes to a red flag, or "not sure" about one: the clinician item that leads, alone with its reason. */
export const redFlags = rule({ id: 'see-clinician', level: 'see-clinician', kind: 'clinician', source: 'see-clinician' }, ({ findings, answers }) => {
  const flagged = flaggedYes(answers);
  const unsure = flaggedUnsure(answers);
  if (flagged.length === 0 && unsure.length === 0) return null;
  const sudden = yes(answers, 'same-place') && yes(answers, 'sudden-onset') ? ' (started suddenly)' : '';
  const reasons = [
    flagged.length ? `You answered yes to: ${shortOf(flagged).join('; ')}${sudden}.` : '',
    unsure.length ? `You were not sure about: ${shortOf(unsure).join('; ')}.` : '',
    `${capitalise(twitchPhrase(findings))}.`,
  ];
  return {
    title: flagged.length ? 'Please arrange to see a clinician' : 'Worth asking a clinician',
    text: flagged.length
      ? 'You answered yes to something a doctor or other clinician should check in person, whatever this recording shows. A clinician can examine your strength, muscles and reflexes, which no recording can do. Take this report with you.'
      : 'You were not sure about something that matters more than any recording, and it is hard to judge on your own. A clinician can check it in person. Take this report with you.',
    reason: reasons.filter(Boolean).join(' '),
  };
});

/**
 * A clinician item for one checklist question answered yes, its reason naming the question; none when
 * `coveredElsewhere` says another item already speaks of it.
 */
function yesRule(
  id: string,
  question: QuestionId,
  item: Pick<GuidanceItem, 'level' | 'title' | 'text'>,
  coveredElsewhere: (answers: ChecklistAnswers) => boolean = () => false,
): Rule {
  return rule({ id, level: item.level, kind: 'clinician', source: 'see-clinician' }, ({ answers }) =>
    !yes(answers, question) || coveredElsewhere(answers) ? null : { title: item.title, text: item.text, reason: `You answered yes to: ${questionById(question).short}.` },
  );
}

export const dailyLife = yesRule('daily-life', 'disturbs-life', {
  level: 'see-clinician',
  title: 'Twitching that disturbs sleep or daily life',
  text: 'When twitching gets in the way of sleep or everyday life, a clinician can look for causes that can be treated and suggest ways to ease it.',
});

// With "always in one place" the red-flag item already says it started suddenly.
export const suddenOnset = yesRule(
  'sudden-onset',
  'sudden-onset',
  {
    level: 'attention',
    title: 'Twitching that began suddenly',
    text: 'Mention a sudden start to a clinician, above all if the twitching keeps to one muscle group or a muscle feels weaker. Noting the day it began helps them.',
  },
  (answers) => yes(answers, 'same-place'),
);

export const checklistOpen = rule({ id: 'checklist-open', level: 'info', kind: 'fact', source: 'see-clinician' }, ({ answers }) => {
  const open = RED_FLAGS.filter((id) => answers[id] === undefined).length;
  if (open < RED_FLAGS.length) return null;
  return {
    title: 'Fill in the checklist',
    text: 'The recording cannot tell whether a muscle is weak or shrinking, and those matter most. Answer the symptom questions so the guidance can take them into account.',
    reason: `None of the ${RED_FLAGS.length} key symptom questions is answered yet.`,
  };
});

export const normalStrength = rule({ id: 'normal-strength', level: 'info', kind: 'reassurance', source: 'ms-als' }, ({ findings, answers }) => {
  if (findings.totalTwitches === 0) return null;
  if (!(['weakness', 'wasting', 'speech-swallowing'] as const).every((id) => answers[id] === 'no')) return null;
  return {
    title: 'Strength matters more than counts',
    text: 'When a clinician examines a twitching muscle and finds normal strength, the twitching is most often harmless. Noticing no weakness yourself is a good sign, but it is not the same as that examination; if you are worried, a clinician\'s check is what settles it.',
    reason: `${capitalise(twitchPhrase(findings))}; you reported no weakness, no muscle wasting and no speech or swallowing trouble.`,
  };
});

export const triggers = rule({ id: 'triggers', level: 'info', kind: 'self-help', source: 'triggers' }, ({ findings, answers }) => {
  const reported = shortOf((['caffeine', 'stress', 'poor-sleep', 'hard-exercise', 'dehydration'] as const).filter((id) => yes(answers, id)));
  if (reported.length === 0) return null;
  return {
    title: 'Everyday triggers you mentioned',
    text: 'These often make twitching worse. Less caffeine, regular sleep, enough to drink and rest after hard exercise often help.',
    reason: `You answered yes to: ${listInWords(reported)}; ${twitchPhrase(findings)}.`,
  };
});
