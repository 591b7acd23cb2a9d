/**
 * Rules that turn findings and checklist answers into guidance items. Each rule looks at one thing and
 * says why it fired with the actual numbers; red-flag answers always lead.
 */
import type { Answer, ChecklistAnswers, QuestionId } from './checklist';
import { questionById } from './checklist';
import type { SectionId } from './content';
import type { Findings } from './findings';
import { MIN_REST_S } from './findings';
import { formatDuration, formatNumber, formatRate, listInWords, plural } from './numbers';

export type GuidanceLevel = 'see-clinician' | 'attention' | 'info';

export interface GuidanceItem {
  /** Stable id of the rule that chose the item. */
  id: string;
  level: GuidanceLevel;
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

/** Answers that should always send the user to a clinician (see the `see-clinician` section). */
export const RED_FLAGS: readonly QuestionId[] = ['weakness', 'weakness-worse', 'wasting', 'speech-swallowing', 'same-place'];

/** At least this many twitches before "most came from one place" means anything. */
const CONCENTRATED_MIN_TWITCHES = 10;
const CONCENTRATED_SHARE = 0.8;
const FREQUENT_SUSTAINED = 3;
const WIDESPREAD_SITES = 3;

export interface RuleInput {
  findings: Findings;
  answers: ChecklistAnswers;
}

export interface Rule {
  id: string;
  apply(input: RuleInput): GuidanceItem | null;
}

const yes = (answers: ChecklistAnswers, id: QuestionId): boolean => answers[id] === 'yes';
const is = (answers: ChecklistAnswers, id: QuestionId, a: Answer): boolean => answers[id] === a;

/** "twitches found in left calf at 2.1/min", "... in 3 sites at 0.2–0.6/min", "no twitches found in 14 min of rest". */
export function twitchPhrase(f: Findings): string {
  const locs = f.twitchLocations;
  if (locs.length === 0) return `no twitches found in ${formatDuration(f.restS)} of rest`;
  const count = plural(f.totalTwitches, 'twitch', 'twitches');
  if (locs.length === 1) return `${count} found in ${locs[0].name} at ${formatRate(locs[0].twitchesPerMinute)}`;
  if (locs.length === 2)
    return `${count} found in ${locs[0].name} (${formatRate(locs[0].twitchesPerMinute)}) and ${locs[1].name} (${formatRate(locs[1].twitchesPerMinute)})`;
  const lo = locs[locs.length - 1].twitchesPerMinute;
  const hi = locs[0].twitchesPerMinute;
  return `${count} found in ${locs.length} sites at ${formatNumber(lo)}–${formatRate(hi)}`;
}

function yesAnswers(answers: ChecklistAnswers, ids: readonly QuestionId[]): string[] {
  return ids.filter((id) => yes(answers, id)).map((id) => questionById(id).short);
}

const redFlags: Rule = {
  id: 'see-clinician',
  apply({ findings, answers }) {
    const flagged = yesAnswers(answers, RED_FLAGS);
    if (flagged.length === 0) return null;
    const sudden = yes(answers, 'same-place') && yes(answers, 'sudden-onset') ? ' (started suddenly)' : '';
    return {
      id: 'see-clinician',
      level: 'see-clinician',
      title: 'Please arrange to see a clinician',
      text:
        'You answered yes to something a doctor or other clinician should check in person. It does not mean something serious is wrong: many things can cause it. A clinician can test your strength and reflexes, which a recording cannot do. Take this report with you.',
      reason: `You answered yes to: ${flagged.join('; ')}${sudden}. ${capitalise(twitchPhrase(findings))}.`,
      source: 'see-clinician',
    };
  },
};

const tongue: Rule = {
  id: 'tongue',
  apply({ findings }) {
    if (findings.tongueTwitches === 0) return null;
    return {
      id: 'tongue',
      level: 'see-clinician',
      title: 'Twitch-like spikes on the tongue channel',
      text:
        'Harmless twitching seldom shows up in the tongue, so it is worth showing this recording to a clinician. Talking, swallowing and lip movement also make spikes on a tongue sensor, so some of these may not be twitches at all.',
      reason: `${plural(findings.tongueTwitches, 'twitch-like spike')} on the tongue channel at ${formatRate(findings.tongueRate)}.`,
      source: 'ms-als',
    };
  },
};

const dailyLife: Rule = {
  id: 'daily-life',
  apply({ answers }) {
    if (!yes(answers, 'disturbs-life')) return null;
    return {
      id: 'daily-life',
      level: 'see-clinician',
      title: 'Twitching that disturbs sleep or daily life',
      text:
        'When twitching gets in the way of sleep or everyday life, a clinician can look for causes that can be treated and suggest ways to ease it.',
      reason: `You answered yes to: ${questionById('disturbs-life').short}.`,
      source: 'see-clinician',
    };
  },
};

const strengthUnsure: Rule = {
  id: 'strength-unsure',
  apply({ answers }) {
    if (yes(answers, 'weakness') || yes(answers, 'weakness-worse')) return null;
    const unsure = (['weakness', 'weakness-worse'] as const).filter((id) => is(answers, id, 'unsure'));
    if (unsure.length === 0) return null;
    return {
      id: 'strength-unsure',
      level: 'attention',
      title: 'Not sure about your strength',
      text:
        'Strength is the main thing that separates harmless twitching from rarer causes. Try the same task with each side, such as rising onto your toes or gripping something. If one side is clearly weaker, or you stay unsure, a clinician can test your strength properly.',
      reason: `You answered "not sure" to: ${unsure.map((id) => questionById(id).short).join('; ')}.`,
      source: 'ms-als',
    };
  },
};

const concentrated: Rule = {
  id: 'one-site',
  apply({ findings, answers }) {
    const recorded = findings.locations.filter((l) => l.restS > 0);
    if (recorded.length < 2 || findings.totalTwitches < CONCENTRATED_MIN_TWITCHES) return null;
    if (findings.topShare < CONCENTRATED_SHARE) return null;
    const top = [...findings.twitchLocations].sort((a, b) => b.twitchCount - a.twitchCount)[0];
    const others = recorded.filter((l) => l !== top).map((l) => l.twitchesPerMinute);
    const othersText =
      others.length === 1
        ? `the other site ${formatRate(others[0])}`
        : `other sites ${formatNumber(Math.min(...others))}–${formatRate(Math.max(...others))}`;
    const answered = yes(answers, 'same-place') ? '; you also said it is always in the same muscle group' : '';
    return {
      id: 'one-site',
      level: 'attention',
      title: 'Most twitches came from one place',
      text:
        'Twitching was much more frequent at one recording site than at the others. Twitching that always stays in one muscle group is worth mentioning to a clinician, especially if it began suddenly or that muscle feels weaker.',
      reason: `${top.twitchCount} of ${findings.totalTwitches} twitches (${Math.round(findings.topShare * 100)}%) were in ${top.name} at ${formatRate(top.twitchesPerMinute)}; ${othersText}${answered}.`,
      source: 'see-clinician',
    };
  },
};

const frequentSustained: Rule = {
  id: 'sustained-frequent',
  apply({ findings, answers }) {
    if (findings.sustainedCount < FREQUENT_SUSTAINED) return null;
    const context = yesAnswers(answers, ['hard-exercise', 'dehydration']);
    return {
      id: 'sustained-frequent',
      level: 'attention',
      title: 'Repeated cramp-like episodes',
      text:
        'The recording has several stretches of steady muscle activity, which is how a cramp looks in the signal. Cramps are common, often after hard exercise or when short of fluids. If they come often, last long or hurt, mention them to a clinician.',
      reason: `${sustainedPhrase(findings)}${context.length ? `; you reported ${listInWords(context)}` : ''}.`,
      source: 'cramp',
    };
  },
};

const fewSustained: Rule = {
  id: 'sustained-few',
  apply({ findings }) {
    if (findings.sustainedCount === 0 || findings.sustainedCount >= FREQUENT_SUSTAINED) return null;
    return {
      id: 'sustained-few',
      level: 'info',
      title: findings.sustainedCount === 1 ? 'One cramp-like episode' : 'Two cramp-like episodes',
      text:
        'Steady muscle activity lasting seconds or longer is listed apart from twitches. An occasional cramp is common. It helps to note whether you felt a cramp or moved at that moment.',
      reason: `${sustainedPhrase(findings)}.`,
      source: 'cramp',
    };
  },
};

const littleRest: Rule = {
  id: 'little-rest',
  apply({ findings }) {
    if (findings.restS >= MIN_REST_S) return null;
    if (findings.locations.length === 0) {
      return {
        id: 'little-rest',
        level: 'attention',
        title: 'Nothing here could be searched for twitches',
        text:
          'This file has no muscle (EMG) or raw movement signal that TwitchScope can search, so it says nothing about twitching either way. A recording of raw samples from a sensor on the muscle is needed.',
        reason: 'No channel in the file could be analysed.',
        source: 'recording',
      };
    }
    return {
      id: 'little-rest',
      level: 'attention',
      title: 'Too little quiet time to judge',
      text:
        'Twitch rates need a few minutes of clean recording with the muscle relaxed and still. For a fair count, record again for 10 to 30 minutes while resting.',
      reason: `Only ${formatDuration(findings.restS)} of usable rest; at least ${formatDuration(MIN_REST_S)} is needed.`,
      source: 'recording',
    };
  },
};

const checklistOpen: Rule = {
  id: 'checklist-open',
  apply({ answers }) {
    const symptomIds = RED_FLAGS;
    const open = symptomIds.filter((id) => answers[id] === undefined).length;
    if (open < symptomIds.length) return null;
    return {
      id: 'checklist-open',
      level: 'info',
      title: 'Fill in the checklist',
      text:
        'The recording cannot tell whether a muscle is weak or shrinking, and those matter most. Answer the symptom questions so the guidance can take them into account.',
      reason: `None of the ${symptomIds.length} key symptom questions is answered yet.`,
      source: 'see-clinician',
    };
  },
};

const widespread: Rule = {
  id: 'widespread',
  apply({ findings, answers }) {
    if (findings.twitchLocations.length < WIDESPREAD_SITES) return null;
    // Talk of a harmless syndrome would undercut the clinician item that a red-flag answer brings.
    if (RED_FLAGS.some((id) => yes(answers, id))) return null;
    return {
      id: 'widespread',
      level: 'info',
      title: 'Twitches in several places',
      text:
        'Twitches that come and go in different parts of the body are common. When they carry on for months and no cause is found, doctors call it benign fasciculation syndrome, which does not make muscles weaker.',
      reason: `${capitalise(twitchPhrase(findings))}, ${strengthAnswerPhrase(answers)}.`,
      source: 'bfs',
    };
  },
};

const normalStrength: Rule = {
  id: 'normal-strength',
  apply({ findings, answers }) {
    if (findings.totalTwitches === 0) return null;
    if (!is(answers, 'weakness', 'no') || !is(answers, 'wasting', 'no') || !is(answers, 'speech-swallowing', 'no')) return null;
    return {
      id: 'normal-strength',
      level: 'info',
      title: 'Twitching with normal strength',
      text:
        'Strength is what matters most. Twitches in muscles that still work normally are very rarely a sign of ALS or MS, which bring other changes such as growing weakness or trouble with feeling, sight or balance.',
      reason: `${capitalise(twitchPhrase(findings))}; you reported no weakness, no muscle wasting and no speech or swallowing trouble.`,
      source: 'ms-als',
    };
  },
};

const triggers: Rule = {
  id: 'triggers',
  apply({ findings, answers }) {
    const reported = yesAnswers(answers, ['caffeine', 'stress', 'poor-sleep', 'hard-exercise', 'dehydration']);
    if (reported.length === 0) return null;
    return {
      id: 'triggers',
      level: 'info',
      title: 'Everyday triggers you mentioned',
      text:
        'These often make twitching worse. Less caffeine, regular sleep, enough to drink and rest after hard exercise often help. You could record again after a few calmer days and compare.',
      reason: `You answered yes to: ${listInWords(reported)}; ${twitchPhrase(findings)}.`,
      source: 'triggers',
    };
  },
};

const twitchesFound: Rule = {
  id: 'twitches-found',
  apply({ findings }) {
    if (findings.totalTwitches === 0 || findings.twitchLocations.length >= WIDESPREAD_SITES) return null;
    return {
      id: 'twitches-found',
      level: 'info',
      title: 'What the counted twitches are',
      text:
        'TwitchScope counted brief, single spikes like those a twitching motor unit makes. Now-and-then twitches like these are common in healthy people, above all in relaxed calves, feet and hands.',
      reason: `${capitalise(twitchPhrase(findings))}, over ${formatDuration(findings.restS)} of rest.`,
      source: 'twitch',
    };
  },
};

const noTwitches: Rule = {
  id: 'no-twitches',
  apply({ findings }) {
    if (findings.totalTwitches > 0 || findings.restS < MIN_REST_S) return null;
    return {
      id: 'no-twitches',
      level: 'info',
      title: 'No twitches found in this recording',
      text:
        'No brief twitch-like spikes showed up while the muscles were at rest. Twitches come and go, so this describes this session only.',
      reason: `0 twitches in ${formatDuration(findings.restS)} of rest.`,
      source: 'recording',
    };
  },
};

const accelerometerOnly: Rule = {
  id: 'accelerometer-only',
  apply({ findings }) {
    if (!findings.onlyAccelerometer) return null;
    const n = findings.locations.reduce((k, l) => k + l.channels.length, 0);
    return {
      id: 'accelerometer-only',
      level: 'info',
      title: 'Movement sensor only',
      text:
        'This recording has movement (accelerometer) data but no muscle signal (EMG). It only catches twitches strong enough to shake the skin, so small ones are missed and counts are likely to be low.',
      reason: n === 1 ? 'The recording has 1 analysed channel, an accelerometer, and no EMG.' : `All ${n} analysed channels are accelerometers; there is no EMG.`,
      source: 'recording',
    };
  },
};

/** In rank order within each level. */
export const RULES: readonly Rule[] = [
  redFlags,
  tongue,
  dailyLife,
  strengthUnsure,
  concentrated,
  frequentSustained,
  littleRest,
  checklistOpen,
  normalStrength,
  widespread,
  triggers,
  fewSustained,
  twitchesFound,
  noTwitches,
  accelerometerOnly,
];

function sustainedPhrase(f: Findings): string {
  const count = plural(f.sustainedCount, 'sustained episode');
  if (f.sustainedTotalS <= 0) return count;
  if (f.sustainedCount === 1) return `${count} lasting ${formatDuration(f.sustainedTotalS)}`;
  return `${count}, ${formatDuration(f.sustainedTotalS)} in total, longest ${formatDuration(f.longestSustainedS)}`;
}

function strengthAnswerPhrase(answers: ChecklistAnswers): string {
  const a = answers.weakness;
  if (a === 'no') return 'no weakness reported';
  if (a === 'yes') return 'weakness reported';
  if (a === 'unsure') return 'not sure about weakness';
  return 'weakness question not answered';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
