/**
 * Start dates as headers write them (`2016-6-11`, `6/11/2016`, `11.06.2016`, Unix seconds) → valid ISO 8601,
 * with the zone only where the file states one. Recordings whose zone is unknown keep their wall-clock time
 * without a zone, which ISO 8601 reads as local time: the time the person saw on the device.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function validDate({ y, m, d }: Ymd): boolean {
  if (!(y >= 1970 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * A calendar date in any of the orders devices write: ISO-like `Y-M-D` or `Y/M/D` always; `a/b/Y` and `a.b.Y`
 * by `order` (ActiGraph states `M/d/yyyy`; a dot means day first), and by the values when one of them is over 12.
 */
export function parseDate(text: string, order?: DateOrder): Ymd | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) {
    const r = { y: +m[1], m: +m[2], d: +m[3] };
    return validDate(r) ? r : null;
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(t);
  if (!m) return null;
  const a = +m[1];
  const b = +m[3];
  const y = m[4].length === 2 ? 2000 + +m[4] : +m[4];
  const dayFirst = order === 'dmy' || (order === undefined && (m[2] === '.' || a > 12)) || (order === 'mdy' && b <= 12 && a > 12);
  const r = dayFirst ? { y, m: b, d: a } : { y, m: a, d: b };
  return validDate(r) ? r : null;
}

/** `7:05:04.409`, `07:05:04`, `19:49` → parts; null when not a time of day. */
export function parseClock(text: string): { h: number; min: number; s: number; frac: string } | null {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return null;
  let h = +m[1];
  if (m[5]) h = (h % 12) + (m[5].toLowerCase() === 'pm' ? 12 : 0);
  const r = { h, min: +m[2], s: m[3] ? +m[3] : 0, frac: m[4] ?? '' };
  return r.h < 24 && r.min < 60 && r.s < 61 ? r : null;
}

/** `+0200`, `+02`, `GMT+2`, `UTC -05:00`, `Z` → `+02:00`, `-05:00`, `Z`; null when not a zone. */
export function normaliseZone(text: string): string | null {
  const t = text.trim();
  if (/^(z|utc|gmt)$/i.test(t)) return 'Z';
  const m = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (!m || +m[2] > 14) return null;
  return `${m[1]}${pad(+m[2])}:${m[3] ?? '00'}`;
}

/** A date and a time of day from a header → ISO 8601 (`2016-06-11T07:05:04.409`), with `zone` if known. */
export function isoFromParts(date: string, time: string, zone: string | null = null, order?: DateOrder): string | null {
  const d = parseDate(date, order);
  const c = parseClock(time);
  if (!d || !c) return null;
  const frac = c.frac ? `.${c.frac.slice(0, 3).padEnd(3, '0')}` : '';
  return `${d.y}-${pad(d.m)}-${pad(d.d)}T${pad(c.h)}:${pad(c.min)}:${pad(c.s)}${frac}${zone ?? ''}`;
}

/** The zone an ISO date-time states (`Z`, `+02:00`), or null when it states none. */
export function zoneOfIso(text: string): string | null {
  const m = /(Z|[+-]\d{2}:?\d{2})\s*$/.exec(text.trim());
  if (!m) return null;
  return m[1] === 'Z' ? 'Z' : `${m[1].slice(0, 3)}:${m[1].slice(-2)}`;
}

/**
 * Seconds since the Unix epoch → ISO 8601 in the given zone: `Z`, an offset (the wall time there), or null
 * for times read from zone-less text (kept as the wall time they were written in). Null beyond the range a
 * Date holds.
 */
export function isoAt(epochS: number, zone: string | null): string | null {
  const offsetMin = zone && zone !== 'Z' ? (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6)) : 0;
  const d = new Date(Math.round(epochS * 1000) + offsetMin * 60_000);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 23) + (zone ?? '');
}
