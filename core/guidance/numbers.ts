/** Numbers as people read them in guidance and the report: few digits, units always written. */

export function formatRate(perMinute: number): string {
  return `${formatNumber(perMinute)}/min`;
}

/** Two significant digits below 10, whole numbers above and whenever exact: 0.42, 3.5, 5, 27. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const rounded = Number(x.toPrecision(2));
  const a = Math.abs(rounded);
  if (a >= 10) return String(Math.round(x));
  if (a >= 1) return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return String(rounded);
}

/** A duration in words: 45 s, 12.5 min, 2 h 5 min. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 90) return `${formatNumber(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 90) return `${formatNumber(minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return m > 0 ? `${h} h ${m} min` : `${h} h`;
}

/** Clock position in the recording: 4:07 or 1:02:09. */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
