import { guessColumn } from './labels';
import type { ClockPlan, TimeUnit } from './plan';
import type { ColumnProfile } from './profile';
import { inferNumericTimeUnit, isTimeLabel, timeUnitFromLabel } from './time';

/** The column a table's samples are timed by, and the other columns that hold times or counts, never signals. */
export interface TableClock {
  clock: (ClockPlan & { type: 'column' }) | null;
  /** Columns that are clocks or counters but not the chosen clock, with what they hold. */
  skipped: Array<{ column: number; what: string }>;
}

/** Rank of a candidate clock: the lower the better. */
function rankOf(p: ColumnProfile, named: boolean): number {
  // Named a time but not moving forward: still the clock the file means; the import then says what is wrong with it.
  if (named && p.role.kind === 'values' && p.values.some((v) => !Number.isNaN(v))) return 0.5;
  if (p.role.kind !== 'time' && p.role.kind !== 'counter') return Infinity;
  if (named) return 0;
  if (p.role.kind === 'counter') return Infinity;
  if (p.role.how === 'epoch' || p.role.how === 'iso') return 1;
  if (p.role.how === 'relative') return p.column === 0 ? 2 : p.role.fromZero ? 2.5 : Infinity;
  return 3;
}

/**
 * Picks the time column by content: a column whose header names a time and whose values move forward; else
 * Unix or ISO times anywhere; else rising seconds in the first column; else a clock time of day. The header's
 * language never matters (Zeit, Temps, Время or none), only what the cells hold.
 */
export function pickClock(labels: readonly string[], named: boolean, profiles: readonly ColumnProfile[], marked: ReadonlySet<number> = new Set()): TableClock {
  let best: ColumnProfile | null = null;
  let bestRank = Infinity;
  // A column the header names as a signal (or the user marked) stays one, however regular its values.
  const namedSignal = profiles.map((p) => marked.has(p.column) || (named && p.cells.length > 0 && guessColumn(labels[p.column] ?? '').kind !== 'other'));
  const signal = (p: ColumnProfile) => namedSignal[p.column];
  for (const p of profiles) {
    if (signal(p)) continue;
    const r = rankOf(p, named && isTimeLabel(labels[p.column] ?? ''));
    if (r < bestRank) {
      best = p;
      bestRank = r;
    }
  }
  const skipped: TableClock['skipped'] = [];
  for (const p of profiles) {
    if (p === best || signal(p)) continue;
    if (p.role.kind === 'counter') skipped.push({ column: p.column, what: 'sample counter' });
    else if (p.role.kind === 'time' && (p.role.how !== 'relative' || isTimeLabel(labels[p.column] ?? ''))) {
      skipped.push({ column: p.column, what: p.role.how === 'time-of-day' ? 'clock time' : 'time' });
    }
  }
  if (!best) return { clock: null, skipped };
  return { clock: { type: 'column', column: best.column, unit: unitOf(best, labels[best.column] ?? ''), presence: 'row' }, skipped };
}

function unitOf(p: ColumnProfile, label: string): TimeUnit {
  if (p.role.kind === 'time' && p.role.unit !== 's') return p.role.unit;
  const first = p.values.find((v) => !Number.isNaN(v)) ?? 0;
  return inferNumericTimeUnit(first, timeUnitFromLabel(label));
}

/** How far the vector magnitude of three columns sits from 1 g at rest, in each unit an export may use. */
const GRAVITY: ReadonlyArray<[string, number]> = [
  ['g', 1],
  ['m/s^2', 9.80665],
  ['mg', 1000],
];

/**
 * Three side-by-side columns whose vector magnitude stays near one gravity (in g, m/s² or milli-g): an
 * accelerometer, however its columns are named. Spread is the interquartile range of the magnitude over
 * its median: a sensor keeps it under 0.6 even while shaken by hand, three unrelated signals rarely sit at one gravity.
 */
export function isGravityTriplet(a: readonly number[], b: readonly number[], c: readonly number[]): boolean {
  const mags: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const m = Math.hypot(a[i], b[i], c[i]);
    if (Number.isFinite(m)) mags.push(m);
  }
  if (mags.length < 20) return false;
  mags.sort((x, y) => x - y);
  const median = mags[mags.length >> 1];
  const spread = (mags[Math.floor(mags.length * 0.75)] - mags[Math.floor(mags.length * 0.25)]) / median;
  return spread < 0.6 && GRAVITY.some(([, g]) => median > 0.7 * g && median < 1.4 * g);
}
