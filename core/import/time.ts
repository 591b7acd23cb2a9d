import type { TimeUnit } from './plan';

/** Seconds between the Unix epoch and 2000-01-01T00:00:00Z (Polar's device clock origin). */
export const POLAR_EPOCH_S = 946684800;

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ISO 8601 date-time text → milliseconds since the Unix epoch. Times without a zone are read as if UTC:
 * only differences matter inside a recording, and the start time keeps the text as written.
 * Hand-written because Date.parse is slow per row and treats zone-less text as local time.
 */
export function parseIsoMs(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) return NaN;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  let ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0) + frac;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return ms;
}

export function isIsoDateTime(text: string): boolean {
  return ISO.test(text.trim());
}

const TIME_OF_DAY = /^(\d{1,2}):(\d{2}):(\d{2})(?:[.,:](\d{1,6}))?$/;

/** `HH:MM:SS`, `HH:MM:SS.fff` (or `,fff`, `:fff`) → seconds since midnight; NaN for anything else. */
export function parseTimeOfDay(text: string): number {
  const m = TIME_OF_DAY.exec(text.trim());
  if (!m) return NaN;
  const h = +m[1];
  const min = +m[2];
  const s = +m[3];
  if (h > 23 || min > 59 || s > 60) return NaN;
  return h * 3600 + min * 60 + s + (m[4] ? Number(`0.${m[4]}`) : 0);
}

/** ISO text of an epoch time, in UTC; null beyond the ±275,000 years a Date can hold (a broken time cell). */
export function isoFromEpochS(s: number): string | null {
  const d = new Date(Math.round(s * 1000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Seconds = value × scale + offset for a time cell in `unit` (absolute for epoch kinds, relative otherwise). */
export function timeScale(unit: TimeUnit): { scale: number; offset: number } {
  switch (unit) {
    case 's':
    case 'epoch-s':
    case 'time-of-day':
      return { scale: 1, offset: 0 };
    case 'ms':
    case 'epoch-ms':
    case 'iso':
      return { scale: 1e-3, offset: 0 };
    case 'us':
    case 'epoch-us':
      return { scale: 1e-6, offset: 0 };
    case 'ns':
    case 'epoch-ns':
      return { scale: 1e-9, offset: 0 };
    case 'polar-ns':
      return { scale: 1e-9, offset: POLAR_EPOCH_S };
  }
}

export function toSeconds(value: number, unit: TimeUnit): number {
  const { scale, offset } = timeScale(unit);
  return value * scale + offset;
}

/** Times that say when, not only how long after the start: they give the recording's start time. */
export function isEpoch(unit: TimeUnit): boolean {
  return unit !== 's' && unit !== 'ms' && unit !== 'us' && unit !== 'ns' && unit !== 'time-of-day';
}

/** A time unit named in a column header: `time_s`, `Time (s)`, `t [ms]`, `timestamp_ns`, `X[s]`. */
export function timeUnitFromLabel(label: string): TimeUnit | null {
  const t = label.toLowerCase();
  const m = /[([]\s*(s|sec|secs|seconds|ms|msec|milliseconds|us|µs|ns)\s*[)\]]|[_\s](s|sec|ms|us|ns)$/.exec(t);
  const u = m?.[1] ?? m?.[2];
  if (!u) return null;
  if (u === 'ms' || u === 'msec' || u === 'milliseconds') return 'ms';
  if (u === 'us' || u === 'µs') return 'epoch-us';
  if (u === 'ns') return 'epoch-ns';
  return 's';
}

export function isTimeLabel(label: string): boolean {
  return /^\s*("?)(time|timestamp|t|seconds|secs|sec|elapsed|time_s|time_ms|x\[s\]|date|datetime|clock|unix|epoch)\b/i.test(label) ||
    /\b(time|timestamp)\b/i.test(label.replace(/_/g, ' '));
}

/**
 * The unit of a numeric time column from its values: epoch magnitudes are unmistakable;
 * small values are relative seconds unless the header said milliseconds.
 */
export function inferNumericTimeUnit(first: number, fromLabel: TimeUnit | null): TimeUnit {
  const a = Math.abs(first);
  if (a > 1e17) return 'epoch-ns';
  if (a > 1e14) return 'epoch-us';
  if (a > 1e11) return 'epoch-ms';
  if (a > 1e8) return fromLabel === 'ms' ? 'epoch-ms' : 'epoch-s';
  if (fromLabel === 'ms') return 'ms';
  return 's';
}
