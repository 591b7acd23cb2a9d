/** Recording start times on one calendar axis, and how days are written in trends. */

/**
 * Milliseconds for an ISO 8601 start time. A time without a zone is the device's wall clock: it is read as
 * if it were UTC so every machine places it on the same day, and labels (also in UTC) show it as written.
 */
export function calendarMs(iso: string | null): number {
  if (iso === null) return NaN;
  const t = iso.trim().replace(' ', 'T');
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(t) || !/T\d/.test(t);
  return Date.parse(zoned ? t : `${t}Z`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "5 Jan 2026"; `withYear: false` gives "5 Jan". */
export function dayLabel(ms: number, withYear = true): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${withYear ? ` ${d.getUTCFullYear()}` : ''}`;
}

export const DAY_MS = 86_400_000;
