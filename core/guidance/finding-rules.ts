/** Guidance rules driven by what the recording shows. */
import { MIN_REST_S, type Findings, type Location } from './findings';
import { capitalise, formatDuration, formatRate, listInWords, plural } from '../format';
import { eventNoun, rateWithInterval, strengthAnswerPhrase, sustainedPhrase, twitchPhrase } from './phrases';
import { rule } from './rule-types';

const FREQUENT_SUSTAINED = 3;

export const tongue = rule({ id: 'tongue', level: 'see-clinician', kind: 'clinician', source: 'ms-als' }, ({ findings }) => {
  if (findings.tongueTwitches === 0) return null;
  return {
    title: 'Twitch-like events on the tongue channel',
    text: 'Harmless twitching seldom shows up in the tongue, so it is worth showing this recording to a clinician. Talking, swallowing and lip movement also make spikes on a tongue sensor, so some of these may not be twitches at all.',
    reason: `${plural(findings.tongueTwitches, 'twitch-like event')} on the tongue channel at ${formatRate(findings.tongueRate)}.`,
  };
});

/**
 * One site clearly busier than every other: its rate interval lies wholly above theirs, and each site had
 * enough rest to say so. Counts alone would call 10 calf twitches in 30 min busier than none in 2 min.
 */
export function leadingLocation(f: Findings): { top: Location; others: Location[] } | null {
  const enough = f.locations.filter((l) => l.restS >= MIN_REST_S && l.interval);
  // Accelerometer and EMG rates measure different things; compare like with like, EMG first.
  const emg = enough.filter((l) => !l.onlyAccelerometer);
  const pool = emg.length >= 2 ? emg : enough.filter((l) => l.onlyAccelerometer);
  if (pool.length < 2) return null;
  const [top, ...others] = [...pool].sort((a, b) => b.twitchesPerMinute - a.twitchesPerMinute);
  if (!others.every((o) => top.interval!.lower > o.interval!.upper)) return null;
  return { top, others };
}

export const concentrated = rule({ id: 'one-site', level: 'attention', kind: 'fact', source: 'see-clinician' }, ({ findings, answers }) => {
  const lead = leadingLocation(findings);
  if (!lead) return null;
  const answered = answers['same-place'] === 'yes' ? '; you also said it is always in the same muscle group' : '';
  return {
    title: 'More frequent at one site',
    text: `${capitalise(eventNoun(lead.top.onlyAccelerometer))} came clearly more often at one recording site than at the others in this recording. Muscles differ, and one recording cannot show that twitching always stays in one place; recordings over several weeks can (see Trends). Twitching that keeps to one muscle group is worth mentioning to a clinician, especially if it began suddenly or that muscle feels weaker.`,
    reason: `${rateWithInterval(lead.top)}, above ${listInWords(lead.others.map(rateWithInterval))}; each site had at least ${formatDuration(MIN_REST_S)} of rest${answered}.`,
  };
});

function sustainedText(f: Findings): string {
  const could = f.onlyAccelerometer ? 'a cramp, a tremor or simply moving' : 'a cramp or ordinary use of the muscle, such as tensing it or shifting position';
  return `The signal cannot tell whether ${f.sustainedCount === 1 ? 'it' : 'each'} was ${could}.`;
}

export const frequentSustained = rule({ id: 'sustained-frequent', level: 'attention', kind: 'fact', source: 'cramp' }, ({ findings, answers }) => {
  if (findings.sustainedCount < FREQUENT_SUSTAINED) return null;
  const context = (['hard-exercise', 'dehydration'] as const).filter((id) => answers[id] === 'yes');
  const reported = context.map((id) => (id === 'hard-exercise' ? 'hard exercise' : 'possibly being short of fluids'));
  return {
    title: 'Repeated sustained activity',
    text: `The recording has several stretches of steady activity. ${sustainedText(findings)} If you had cramps at those times, and they come often, last long or hurt, mention them to a clinician.`,
    reason: `${capitalise(sustainedPhrase(findings))}${reported.length ? `; you reported ${listInWords(reported)}` : ''}.`,
  };
});

export const fewSustained = rule({ id: 'sustained-few', level: 'info', kind: 'fact', source: 'cramp' }, ({ findings }) => {
  if (findings.sustainedCount === 0 || findings.sustainedCount >= FREQUENT_SUSTAINED) return null;
  return {
    title: findings.sustainedCount === 1 ? 'One stretch of sustained activity' : 'Two stretches of sustained activity',
    text: `Steady activity lasting a second or more is listed apart from brief events. ${sustainedText(findings)} A note of what you felt or did at that moment helps.`,
    reason: `${capitalise(sustainedPhrase(findings))}.`,
  };
});

export const littleRest = rule({ id: 'little-rest', level: 'attention', kind: 'fact', source: 'recording' }, ({ findings }) => {
  if (findings.restS >= MIN_REST_S || findings.cannotTell) return null;
  if (findings.locations.length === 0) {
    return {
      id: 'little-rest',
      level: 'attention',
      kind: 'fact',
      title: 'Nothing here could be searched for twitches',
      text: 'This file has no muscle (EMG) or raw movement signal that TwitchScope can search, so it says nothing about twitching either way. A recording of raw samples from a sensor on the muscle is needed.',
      reason: 'No channel in the file could be analysed.',
      source: 'recording',
    };
  }
  return {
    title: 'Too little quiet time to judge',
    text: 'A rate from so little rest is a rough figure. Rates need several minutes of clean recording with the muscle relaxed and still; 10 to 30 minutes gives a steadier figure.',
    reason: `Only ${formatDuration(findings.restS)} of usable rest; at least ${formatDuration(MIN_REST_S)} is needed.`,
  };
});

/** Every channel of the main measure cannot tell: the recording says nothing about twitching either way. */
export const cannotTell = rule({ id: 'cannot-tell', level: 'attention', kind: 'fact', source: 'recording' }, ({ findings }) => {
  if (!findings.cannotTell) return null;
  const channels = findings.locations.filter((l) => l.onlyAccelerometer === findings.onlyAccelerometer).reduce((n, l) => n + l.channels.length, 0);
  const better = findings.onlyAccelerometer
    ? 'a movement sensor strapped firmly to the limb, or sampling at 150 Hz or more,'
    : 'electrodes pressed well onto clean skin, with cables kept away from mains leads,';
  return {
    title: `${capitalise(eventNoun(findings.onlyAccelerometer))} could not be judged here`,
    text: `On every channel something in the recording could hide ${eventNoun(findings.onlyAccelerometer)} or pass for them, so no rate is given and this recording says nothing about twitching either way. Another recording with ${better} can be judged.`,
    reason: `${channels} of ${channels} ${channels === 1 ? 'channel' : 'channels'} could not tell; the notes under data quality say why.`,
  };
});

export const widespread = rule({ id: 'widespread', level: 'info', kind: 'reassurance', source: 'bfs' }, ({ findings, answers }) => {
  const withRest = findings.twitchLocations.filter((l) => l.restS >= MIN_REST_S);
  if (withRest.length < 3) return null;
  return {
    title: 'Twitching at several sites',
    text: 'Twitching that comes and goes in different parts of the body is common. When it carries on for months, and a clinician has found normal strength and no other cause, it is called benign fasciculation syndrome, which does not make muscles weaker.',
    reason: `${capitalise(twitchPhrase(findings))}, ${strengthAnswerPhrase(answers)}.`,
  };
});

export const twitchesFound = rule({ id: 'twitches-found', level: 'info', kind: 'fact', source: 'recording' }, ({ findings }) => {
  if (findings.totalTwitches === 0) return null;
  const what = findings.onlyAccelerometer
    ? 'TwitchScope counted brief movements while the limb was still. A worn movement sensor cannot feel a single motor unit, so these are not motor-unit twitches and may have other causes.'
    : 'TwitchScope counted brief, single spikes of the kind one motor unit firing makes on a skin sensor; the signal cannot prove that each one was a twitch.';
  return {
    title: 'What was counted',
    text: `${what} Counts change from day to day and there is no normal number for a home recording, so a count cannot show whether twitching is harmless.`,
    reason: `${capitalise(twitchPhrase(findings))}, over ${formatDuration(findings.restS)} of rest.`,
  };
});

export const noTwitches = rule({ id: 'no-twitches', level: 'info', kind: 'fact', source: 'recording' }, ({ findings }) => {
  if (findings.totalTwitches > 0 || findings.restS < MIN_REST_S) return null;
  return {
    title: `No ${eventNoun(findings.onlyAccelerometer)} found in this recording`,
    text: 'Nothing brief and spike-like showed up while the muscles were at rest. Twitches come and go, so this describes this session only and cannot rule anything out.',
    reason: `0 ${eventNoun(findings.onlyAccelerometer)} in ${formatDuration(findings.restS)} of rest.`,
  };
});

export const accelerometerOnly = rule({ id: 'accelerometer-only', level: 'info', kind: 'fact', source: 'recording' }, ({ findings }) => {
  if (!findings.onlyAccelerometer) return null;
  const n = findings.locations.reduce((k, l) => k + l.channels.length, 0);
  return {
    title: 'Movement sensor only',
    text: 'This recording has movement (accelerometer) data but no muscle signal (EMG). It can show brief movements of the limb while it was still, not the twitch of a single motor unit, so many twitches are missed and the movements it shows may have other causes.',
    reason: n === 1 ? 'The recording has 1 analysed channel, an accelerometer, and no EMG.' : `All ${n} analysed channels are accelerometers; there is no EMG.`,
  };
});
