/**
 * Numbers, durations, rates and times as people read them: the one place the app, the CLI and the report take
 * them from, so the same value prints the same way everywhere. Few digits, units always written.
 */

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

/**
 * A duration in words: 45 s, 1 min 59 s, 12.5 min, 2 h 5 min. Under 10 minutes the seconds are kept, so a
 * duration just short of a limit never reads as the limit itself ("1 min 59 s", not "2 min").
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 90) return `${formatNumber(seconds)} s`;
  if (seconds < 599.5) {
    const total = Math.floor(seconds);
    const s = total % 60;
    return s > 0 ? `${Math.floor(total / 60)} min ${s} s` : `${total / 60} min`;
  }
  const minutes = seconds / 60;
  if (minutes < 90) return `${formatNumber(minutes)} min`;
  // Rounded once, before splitting, so 23 h 59.7 min reads 24 h rather than 23 h 60 min.
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m > 0 ? `${h} h ${m} min` : `${h} h`;
}

/** Position in the recording: 4:07 or 1:02:09, with `decimals` of a second for the timeline (0:04.31). */
export function formatClock(seconds: number, decimals = 0): string {
  if (!Number.isFinite(seconds)) return '–';
  const sign = seconds < 0 ? '-' : '';
  const scale = 10 ** decimals;
  // Rounded once, before splitting, so 59.996 s reads 1:00.00 rather than 0:60.00.
  const total = Math.round(Math.abs(seconds) * scale) / scale;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total - h * 3600 - m * 60;
  const secText = sec.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${secText}` : `${sign}${m}:${secText}`;
}

/** Units as written for people: µV rather than the files' uV. */
export function formatUnit(unit: string): string {
  return unit === 'uV' ? 'µV' : unit;
}

/** An amplitude with its unit, to the digits a trace can show: 152 µV, 22.0 µV, 0.031 g. */
export function formatAmount(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  // Below 0.01 (unscaled devices' arbitrary units), three significant digits rather than a row of zeros.
  if (a > 0 && a < 0.01) return `${Number(x.toPrecision(3))} ${formatUnit(unit)}`;
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return `${x.toFixed(digits)} ${formatUnit(unit)}`;
}

/**
 * A value as a column records it, whatever its scale (ADC counts, volts, g): three significant digits, whole
 * numbers with separators from 1,000, powers of ten only below 0.001. The unit is left off when there is none.
 */
export function formatReading(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  const text = a >= 1000 ? Math.round(x).toLocaleString('en-US') : a !== 0 && a < 0.001 ? x.toExponential(2) : Number(x.toPrecision(3)).toString();
  return `${text}${unit ? ` ${formatUnit(unit)}` : ''}`;
}

/** A file's size: 0.4 MB, 9.9 MB, 24 MB. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes > 1e7 ? 0 : 1)} MB`;
}

export function formatHz(hz: number): string {
  return `${hz >= 100 ? Math.round(hz) : Number(hz.toPrecision(4))} Hz`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
