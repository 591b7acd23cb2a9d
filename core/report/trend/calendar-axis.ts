/** Calendar ticks for trends: days, Mondays or first days of months, by the span shown. */
import { DAY_MS, dayLabel } from '../../trends/calendar';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface CalendarTick {
  ms: number;
  label: string;
}

/**
 * The range to draw: the recordings' span with a margin either side (half a day, or 4 % of the span, so the
 * first and last marks clear the axes), at least three days wide.
 */
export function calendarRange(times: readonly number[]): { min: number; max: number } {
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const pad = Math.max(DAY_MS / 2, 0.04 * (hi - lo), (3 * DAY_MS - (hi - lo)) / 2);
  return { min: lo - pad, max: hi + pad };
}

export function calendarTicks(min: number, max: number, maxTicks = 8): CalendarTick[] {
  const days = (max - min) / DAY_MS;
  const out: CalendarTick[] = [];
  const first = new Date(Math.ceil(min / DAY_MS) * DAY_MS);
  const stepDays = [1, 2, 7, 14].find((s) => days / s <= maxTicks);
  if (stepDays !== undefined) {
    // Weekly ticks fall on Mondays, where people count weeks from.
    if (stepDays >= 7) while (first.getUTCDay() !== 1) first.setUTCDate(first.getUTCDate() + 1);
    for (let t = first.getTime(); t <= max; t += stepDays * DAY_MS) out.push({ ms: t, label: dayLabel(t, false) });
    return out;
  }
  const stepMonths = [1, 2, 3, 6, 12].find((m) => days / 30.44 / m <= maxTicks) ?? 12;
  const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + (first.getUTCDate() === 1 ? 0 : 1), 1));
  while (d.getUTCMonth() % stepMonths !== 0) d.setUTCMonth(d.getUTCMonth() + 1);
  for (; d.getTime() <= max; d.setUTCMonth(d.getUTCMonth() + stepMonths)) out.push({ ms: d.getTime(), label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
  return out;
}
