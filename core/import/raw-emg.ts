import { labelWords, NOT_SIGNAL } from './labels';

/**
 * Columns that may be raw muscle signal although no name says so, told by what they hold: a recording's
 * own voltages swing both ways around zero many times a second, while counts, class labels, levels and
 * sensor offsets sit on one side of it.
 */

/** A name that says nothing of the contents: none, or a bare channel, column or input number. */
export function isNeutralLabel(label: string): boolean {
  return /^\s*((ch|chan|channel|column|col|signal|sig|input|in|ain|analog|a|data|value|val|raw|sensor)?[\s_#-]*\d*)\s*$/i.test(label) && !NOT_SIGNAL.test(labelWords(label));
}

/** The fewest samples the head must show, and the share of them each sign must hold. */
const MIN_SAMPLES = 50;
const MIN_SIGN_SHARE = 0.03;
/** Muscle signal crosses zero about a hundred times a second; at the highest usual rates that is a few in a hundred samples. */
const MIN_CROSSINGS_PER_SAMPLE = 0.01;

/**
 * Values of the head (NaN where unreadable) that swing around zero as a raw EMG channel does: both signs
 * often, zero within the middle 90 % of the values, and crossings every few dozen samples. A quiet channel
 * written in a few steps of its converter (0 and ±1 step at rest) still qualifies; an offset one (a sensor
 * centred on half its supply), a count or a class label does not.
 */
export function swingsAroundZero(values: readonly number[]): boolean {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length < MIN_SAMPLES) return false;
  let pos = 0;
  let neg = 0;
  let crossings = 0;
  let lastSign = 0;
  for (const x of v) {
    const s = Math.sign(x);
    if (s === 0) continue;
    if (s > 0) pos++;
    else neg++;
    if (lastSign !== 0 && s !== lastSign) crossings++;
    lastSign = s;
  }
  if (pos < MIN_SIGN_SHARE * v.length || neg < MIN_SIGN_SHARE * v.length || crossings < MIN_CROSSINGS_PER_SAMPLE * v.length) return false;
  const sorted = [...v].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return at(0.05) <= 0 && at(0.95) >= 0;
}

/** Volts per unit a raw EMG column may be written in, and the typical size of surface and needle EMG, in µV. */
const EMG_UNITS: ReadonlyArray<[unit: string, toMicrovolts: number]> = [
  ['V', 1e6],
  ['mV', 1e3],
  ['µV', 1],
];
const TYPICAL_UV = 100;

/**
 * The unit that puts a column's RMS (about its median) nearest, on a log scale, to 100 µV: EMG runs from
 * a few µV at rest to a few mV in strong contraction, so V, mV and µV readings of one column lie three
 * decades apart and only one of them lands in that span.
 */
export function emgUnitBySize(values: readonly number[]): { unit: string; toMicrovolts: number } {
  const v = values.filter((x) => Number.isFinite(x));
  const sorted = [...v].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? 0;
  const rms = Math.sqrt(v.reduce((a, x) => a + (x - median) ** 2, 0) / Math.max(1, v.length));
  let best = EMG_UNITS[EMG_UNITS.length - 1];
  for (const u of EMG_UNITS) {
    if (Math.abs(Math.log10((rms * u[1]) / TYPICAL_UV)) < Math.abs(Math.log10((rms * best[1]) / TYPICAL_UV))) best = u;
  }
  return { unit: best[0], toMicrovolts: best[1] };
}
