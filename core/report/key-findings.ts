/** Three plain lines a clinician reads first: twitches, sustained activity, what the person reported. */
import type { ChecklistAnswers } from '../guidance/checklist';
import { QUESTIONS, questionById } from '../guidance/checklist';
import type { Findings } from '../guidance/findings';
import { formatDuration, formatNumber, formatRate, listInWords, plural } from '../guidance/numbers';
import { RED_FLAGS } from '../guidance/rules';
import { rateInterval } from '../stats/poisson';

export function keyFindings(f: Findings, answers: ChecklistAnswers, notRaw?: string): [string, string, string] {
  return [twitchLine(f, notRaw), sustainedLine(f), checklistLine(answers)];
}

function twitchLine(f: Findings, notRaw: string | undefined): string {
  if (f.locations.length === 0) return `Twitch detection could not run on this file${notRaw ? `: ${notRaw}` : '.'}`;
  const recorded = f.locations.filter((l) => l.restS > 0);
  const where = plural(recorded.length, 'site');
  if (f.totalTwitches === 0) return `No twitch-like events in ${formatDuration(f.restS)} of rest (${where} recorded).`;
  const top = f.twitchLocations[0];
  const ci = rateInterval(top.twitchCount, top.restS);
  const ciText = ci ? ` (95% interval ${formatNumber(ci.lower)}–${formatNumber(ci.upper)})` : '';
  const spread = f.twitchLocations.length === 1 ? `in 1 of ${where}` : `in ${f.twitchLocations.length} of ${recorded.length} sites`;
  return `${plural(f.totalTwitches, 'twitch-like event')} ${spread} over ${formatDuration(f.restS)} of rest; highest in ${top.name} at ${formatRate(top.twitchesPerMinute)}${ciText}.`;
}

function sustainedLine(f: Findings): string {
  if (f.sustainedCount === 0) return 'No sustained, cramp-like activity.';
  const places = f.locations.filter((l) => l.sustainedCount > 0).map((l) => l.name);
  const where = places.length > 3 ? [`${places.length} sites`] : places;
  const total =
    f.sustainedTotalS <= 0
      ? ''
      : f.sustainedCount === 1
        ? ` lasting ${formatDuration(f.sustainedTotalS)}`
        : `, ${formatDuration(f.sustainedTotalS)} in total, longest ${formatDuration(f.longestSustainedS)}`;
  return `${plural(f.sustainedCount, 'sustained, cramp-like episode')}${total}${where.length ? `, in ${listInWords(where)}` : ''}.`;
}

function checklistLine(answers: ChecklistAnswers): string {
  const answered = QUESTIONS.filter((q) => answers[q.id] !== undefined).length;
  if (answered === 0) return 'Symptom checklist not filled in.';
  const flags = RED_FLAGS.filter((id) => answers[id] === 'yes').map((id) => questionById(id).short);
  const of = `${answered} of ${QUESTIONS.length} questions answered`;
  if (flags.length > 0) return `Reported: ${flags.join('; ')} (see guidance; ${of}).`;
  const open = RED_FLAGS.filter((id) => answers[id] !== 'no').map((id) => questionById(id).short);
  if (open.length === 0) return `No weakness, wasting, speech or swallowing trouble, or fixed-site twitching reported (${of}).`;
  return `No red-flag symptom reported; not sure or not answered: ${open.join('; ')} (${of}).`;
}
