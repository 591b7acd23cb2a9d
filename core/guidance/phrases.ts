/** Findings in the few words guidance reasons use: what was found where, at what rate. */
import type { ChecklistAnswers } from './checklist';
import type { Findings, Location } from './findings';
import { formatDuration, formatNumber, formatRate, plural } from '../format';

/** What the events are called: brief movements on an accelerometer, twitch-like events on EMG. */
export function eventNoun(onlyAccelerometer: boolean, count = 2): string {
  if (onlyAccelerometer) return count === 1 ? 'brief movement' : 'brief movements';
  return count === 1 ? 'twitch-like event' : 'twitch-like events';
}

/** "3 twitch-like events found in left calf at 2.1/min", "... in 3 sites at 0.2–0.6/min", "none found in 14 min of rest". */
export function twitchPhrase(f: Findings): string {
  const locs = f.twitchLocations;
  const noun = (n: number) => eventNoun(f.onlyAccelerometer, n);
  if (locs.length === 0) return `no ${noun(2)} found in ${formatDuration(f.restS)} of rest`;
  const count = `${f.totalTwitches} ${noun(f.totalTwitches)}`;
  if (locs.length === 1) return `${count} found in ${locs[0].name} at ${formatRate(locs[0].twitchesPerMinute)}`;
  if (locs.length === 2)
    return `${count} found in ${locs[0].name} (${formatRate(locs[0].twitchesPerMinute)}) and ${locs[1].name} (${formatRate(locs[1].twitchesPerMinute)})`;
  const lo = locs[locs.length - 1].twitchesPerMinute;
  const hi = locs[0].twitchesPerMinute;
  return `${count} found in ${locs.length} sites at ${formatNumber(lo)}–${formatRate(hi)}`;
}

/** "left calf 4.1/min (95% interval 3–5.6)". */
export function rateWithInterval(l: Location): string {
  const ci = l.interval;
  return `${l.name} ${formatRate(l.twitchesPerMinute)}${ci ? ` (95% interval ${formatNumber(ci.lower)}–${formatNumber(ci.upper)})` : ''}`;
}

export function sustainedPhrase(f: Findings): string {
  const count = plural(f.sustainedCount, 'stretch', 'stretches') + ' of sustained activity';
  if (f.sustainedTotalS <= 0) return count;
  if (f.sustainedCount === 1) return `${count} lasting ${formatDuration(f.sustainedTotalS)}`;
  return `${count}, ${formatDuration(f.sustainedTotalS)} in total, longest ${formatDuration(f.longestSustainedS)}`;
}

export function strengthAnswerPhrase(answers: ChecklistAnswers): string {
  const a = answers.weakness;
  if (a === 'no') return 'no weakness reported';
  if (a === 'yes') return 'weakness reported';
  if (a === 'unsure') return 'not sure about weakness';
  return 'weakness question not answered';
}
