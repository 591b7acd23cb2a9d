/**
 * The lines a clinician reads first: the events and their rate, the caveats that change how that rate reads,
 * sustained activity, whether a person reviewed the events, and what the person reported (warning signs
 * marked).
 */
import { cannotTellEverywhere, noRateWords, nothingTells } from '../analysis/site-summary';
import type { Analysis } from '../analysis/types';
import type { ChecklistAnswers } from '../guidance/checklist';
import { QUESTIONS, questionById } from '../guidance/checklist';
import { MIN_REST_S, type Findings } from '../guidance/findings';
import { formatDuration, formatNumber, formatRate, listInWords, plural } from '../format';
import { eventNoun } from '../guidance/phrases';
import { clinicianYes, flaggedUnsure, questionApplies, RED_FLAGS } from '../guidance/rule-types';
import { agreementOf, agreementSummary, precisionPhrase } from '../review/agreement';
import { bandText, FULL_BAND_RATE_HZ, type ChannelProcessing } from './processing';

export interface KeyLine {
  text: string;
  /** A warning sign the person reported: set apart so it cannot be missed. */
  flag?: boolean;
}

export function keyFindings(f: Findings, analysis: Analysis, processing: readonly ChannelProcessing[], answers: ChecklistAnswers, notRaw?: string): KeyLine[] {
  const lines: KeyLine[] = [{ text: eventLine(f, notRaw) }];
  const caveats = caveatsOf(f, processing);
  if (caveats.length) lines.push({ text: `Read with care: ${caveats.join('; ')}.` });
  lines.push({ text: sustainedLine(f, analysis) });
  if (f.locations.length > 0) lines.push({ text: reviewLine(analysis, f.onlyAccelerometer) });
  lines.push(checklistLine(answers));
  return lines;
}

function eventLine(f: Findings, notRaw: string | undefined): string {
  if (f.locations.length === 0) return `Detection could not run on this file${notRaw ? `: ${notRaw}` : '.'}`;
  const main = f.locations.filter((l) => l.onlyAccelerometer === f.onlyAccelerometer);
  const recorded = main.filter((l) => l.restS > 0 && !l.noRate);
  const missing = main.filter((l) => l.noRate);
  const also =
    (f.accelMovements > 0 ? ` The accelerometer found ${plural(f.accelMovements, 'brief movement')} at rest, counted apart.` : '') +
    (missing.length && recorded.length ? ` No rate for ${listInWords(missing.map((l) => `${l.name} (${noRateWords(l)})`))}.` : '');
  const noun = (n: number) => eventNoun(f.onlyAccelerometer, n);
  if (recorded.length === 0 && missing.length > 0) {
    const why = nothingTells(missing) ? `cannot tell: ${cannotTellEverywhere(f.onlyAccelerometer, noun(2))}` : 'no rest: no channel had enough rest to count in';
    return `No rate of ${noun(2)}: ${why}.${missing.length > 1 ? ` By site: ${listInWords(missing.map((l) => `${l.name} (${noRateWords(l)})`))}.` : ''}`;
  }
  const where = plural(recorded.length, 'site');
  if (f.totalTwitches === 0) return `No ${noun(2)} in ${formatDuration(f.restS)} of rest (${where} recorded).${also}`;
  const top = f.twitchLocations[0];
  const ci = top.interval ? ` (95% interval ${formatNumber(top.interval.lower)}–${formatNumber(top.interval.upper)})` : '';
  const counted = `${f.totalTwitches} ${noun(f.totalTwitches)}`;
  if (recorded.length === 1) return `${counted} in ${top.name} over ${formatDuration(f.restS)} of rest: ${formatRate(top.twitchesPerMinute)}${ci}.${also}`;
  const spread = f.twitchLocations.length === 1 ? `in 1 of ${where}` : `in ${f.twitchLocations.length} of ${recorded.length} sites`;
  return `${f.totalTwitches} ${noun(f.totalTwitches)} ${spread} over ${formatDuration(f.restS)} of rest; highest in ${top.name} at ${formatRate(top.twitchesPerMinute)}${ci}.${also}`;
}

/** What changes how the rate reads: a band cut short by the sample rate, little rest, a movement sensor only. */
function caveatsOf(f: Findings, processing: readonly ChannelProcessing[]): string[] {
  const out: string[] = [];
  const slow = new Map<number, ChannelProcessing>();
  for (const p of processing) if (p.channel.kind === 'emg' && p.channel.sampleRateHz < FULL_BAND_RATE_HZ) slow.set(p.channel.sampleRateHz, p);
  for (const [fs, p] of slow) {
    out.push(
      p.band
        ? `EMG sampled at ${formatNumber(fs)} Hz, so only ${bandText(p)} was kept: small, fast potentials may be missed and the rate may be too low`
        : `EMG sampled at ${formatNumber(fs)} Hz, too slowly for muscle signals`,
    );
  }
  const rated = f.locations.filter((l) => l.restS > 0 && !l.noRate);
  if (rated.length > 0 && f.restS < MIN_REST_S) out.push(`only ${formatDuration(f.restS)} of rest, so the rate is a rough figure`);
  else {
    const short = rated.filter((l) => l.restS < MIN_REST_S).map((l) => `${l.name} (${formatDuration(l.restS)})`);
    if (short.length) out.push(`little rest at ${listInWords(short)}: rough figures`);
  }
  if (f.onlyAccelerometer) out.push('movement sensor only: brief movements of the limb, not motor-unit twitches');
  return out;
}

function sustainedLine(f: Findings, analysis: Analysis): string {
  const activity = analysis.events.filter((e) => e.type === 'activity' && e.review !== 'rejected');
  const patterns = [...new Set(activity.map((e) => e.pattern).filter((p): p is NonNullable<typeof p> => p !== undefined))];
  const use = activity.length ? ` ${plural(activity.length, 'span')} of muscle use${patterns.length ? ` (${listInWords(patterns)})` : ''}, left out of rest.` : '';
  if (f.sustainedCount === 0) return `No sustained activity.${use}`;
  const places = f.locations.filter((l) => l.sustainedCount > 0).map((l) => l.name);
  const where = places.length > 3 ? [`${places.length} sites`] : places;
  const total =
    f.sustainedTotalS <= 0
      ? ''
      : f.sustainedCount === 1
        ? ` lasting ${formatDuration(f.sustainedTotalS)}`
        : `, ${formatDuration(f.sustainedTotalS)} in total, longest ${formatDuration(f.longestSustainedS)}`;
  const cannot = f.onlyAccelerometer ? 'a cramp, tremor or movement' : 'a cramp or ordinary muscle use';
  return `${plural(f.sustainedCount, 'stretch', 'stretches')} of sustained activity${total}${where.length ? `, in ${listInWords(where)}` : ''}; the signal cannot tell whether ${f.sustainedCount === 1 ? 'it' : 'each'} was ${cannot}.${use}`;
}

/** Agreement on the main measure's events (EMG when there is any), the ones the count above is of. */
function reviewLine(analysis: Analysis, onlyAccelerometer: boolean): string {
  const main = analysis.channels.filter((c) => (c.kind === 'accel') === onlyAccelerometer).map((c) => c.id);
  const a = agreementOf(analysis, 'twitch', main);
  if (a.status === 'not-reviewed') return `Not reviewed by a person: the ${eventNoun(onlyAccelerometer)} are as the detector found them (${a.detected}).`;
  const precision = precisionPhrase(a);
  return `Reviewed by a person: ${agreementSummary(a)}${precision ? ` (${precision})` : ''}.`;
}

function checklistLine(answers: ChecklistAnswers): KeyLine {
  const answered = QUESTIONS.filter((q) => answers[q.id] !== undefined).length;
  if (answered === 0) return { text: 'Symptom checklist not filled in.' };
  const of = `${answered} of ${QUESTIONS.length} questions answered`;
  const yes = clinicianYes(answers).map((id) => questionById(id).short);
  const unsure = flaggedUnsure(answers).map((id) => questionById(id).short);
  if (yes.length || unsure.length) {
    const parts = [yes.length ? `reported ${yes.join('; ')}` : '', unsure.length ? `not sure about ${unsure.join('; ')}` : ''].filter(Boolean);
    return { text: `▲ Warning signs: ${parts.join('; ')} (see guidance; ${of}).`, flag: true };
  }
  const open = RED_FLAGS.filter((id) => answers[id] !== 'no' && questionApplies(id, answers)).map((id) => questionById(id).short);
  if (open.length === 0) return { text: `No weakness, wasting, speech or swallowing trouble, or fixed-site twitching reported (${of}).` };
  return { text: `No warning sign reported; not answered: ${open.join('; ')} (${of}).` };
}
