/**
 * For long recordings, events per hour of rest for each hour, so a clinician sees when in the night they
 * happen: a table with a small bar per hour (the figure is written beside it; the bar only repeats it).
 */
import { hourSpan, hourlyNote, TOO_LITTLE_REST, type HourlyRest } from '../analysis/hourly-rest';
import { capitalise, formatDuration, formatNumber } from '../format';
import { eventNoun } from '../guidance/phrases';
import { rect, svg } from './charts/svg';
import { esc, section, table } from './html';

const BAR_W = 90;
const BAR_H = 8;

/** Empty for recordings too short to show by hour (`hourlyRest` gave null). */
export function hourlySection(h: HourlyRest | null): string {
  if (!h) return '';
  const noun = (n: number) => eventNoun(h.onlyAccelerometer, n);
  const max = Math.max(...h.hours.map((x) => x.perHour ?? 0), 0);
  const rows = h.hours.map((x) => [
    esc(hourSpan(x)),
    String(x.twitches),
    formatDuration(x.restS),
    x.perHour === null ? esc(TOO_LITTLE_REST) : formatNumber(x.perHour),
    x.perHour === null || max === 0 ? '' : svg(BAR_W, BAR_H, rect(0, 1, (x.perHour / max) * BAR_W, BAR_H - 2, 'fill="#333"'), `${formatNumber(x.perHour)} per hour of rest`),
  ]);
  const title = `${capitalise(noun(2))} per hour of rest, hour by hour`;
  return section(
    'hourly',
    title,
    table([h.hours[0]?.clock ? 'Time' : 'From the start', capitalise(noun(2)), 'Rest', 'Per hour of rest', ''], rows, new Set([1, 2, 3])) +
      `<p class="muted">${esc(hourlyNote(h, noun))}</p>`,
  );
}
