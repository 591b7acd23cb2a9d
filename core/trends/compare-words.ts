/**
 * Two recordings of one site compared in plain words. The words follow the interval, never the point
 * estimate alone: "higher" or "lower" only when the whole 95 % interval lies on one side of no change.
 */
import { formatNumber } from '../format';
import { rateRatio, type RateRatio } from '../stats/rate-ratio';

export interface RateSample {
  /** How the recording is named in the sentence: a date, a file name, "the first recording". */
  label: string;
  twitchCount: number;
  restS: number;
}

export type Verdict = 'no-rest' | 'too-few' | 'same' | 'higher' | 'lower';

export interface RateComparison extends RateRatio {
  verdict: Verdict;
  /** `b` relative to `a`, as one or two sentences. */
  text: string;
}

/**
 * Below this many twitches on both sides the exact interval of the ratio spans more than a factor of five
 * each way (4 against 4: 0.19 to 5.3), so any sentence about a change would over-read noise.
 */
export const TOO_FEW_TWITCHES = 5;

/** How rate `b` compares with rate `a` (b ÷ a), with the interval in numbers and words. */
export function compareRates(a: RateSample, b: RateSample): RateComparison {
  if (!(a.restS > 0) || !(b.restS > 0)) {
    const none = [a, b].filter((s) => !(s.restS > 0)).map((s) => s.label);
    return {
      ratio: NaN,
      lower: 0,
      upper: Infinity,
      verdict: 'no-rest',
      text: `Cannot compare: ${none.join(' and ')} ${none.length === 1 ? 'has' : 'have'} no usable rest time.`,
    };
  }
  const rr = rateRatio(a.twitchCount, a.restS, b.twitchCount, b.restS);
  if (a.twitchCount < TOO_FEW_TWITCHES && b.twitchCount < TOO_FEW_TWITCHES) {
    return {
      ...rr,
      verdict: 'too-few',
      text: `Too few twitch-like events to compare: ${a.twitchCount} in ${a.label} and ${b.twitchCount} in ${b.label}. Longer rest recordings would give a clearer answer.`,
    };
  }
  const verdict: Verdict = rr.lower > 1 ? 'higher' : rr.upper < 1 ? 'lower' : 'same';
  const rates =
    verdict === 'same' ? `${rateOf(b, true)} in ${b.label}, ${rateOf(a, b.twitchCount === 0)} in ${a.label}.` : `${rateOf(b, true)}, against ${rateOf(a, b.twitchCount === 0)} in ${a.label}.`;
  const head = verdict === 'same' ? 'About the same' : `${verdict === 'higher' ? 'Higher' : 'Lower'} in ${b.label}`;
  const tail = verdict === 'same' ? 'a range that includes no change' : `all of it ${verdict === 'higher' ? 'above' : 'below'} no change`;
  return { ...rr, verdict, text: `${head}: ${rates} ${ratioSentence(rr, a.label, b.label)}, ${tail}.` };
}

/** "3.5 twitch-like events per minute of rest", "no twitch-like events"; the unit only where the sentence has not given it yet. */
function rateOf(s: RateSample, withUnit: boolean): string {
  if (s.twitchCount === 0) return withUnit ? 'no twitch-like events' : 'none';
  const r = formatNumber((s.twitchCount * 60) / s.restS);
  return withUnit ? `${r} ${r === '1' ? 'twitch-like event' : 'twitch-like events'} per minute of rest` : r;
}

function ratioSentence(rr: RateRatio, labelA: string, labelB: string): string {
  const lo = ratioNumber(rr.lower);
  const hi = ratioNumber(rr.upper);
  if (rr.ratio === Infinity) return `The rate in ${labelB} is at least ${lo} times that in ${labelA} (95% interval)`;
  if (rr.ratio === 0) return `The rate in ${labelB} is at most ${hi} times that in ${labelA} (95% interval)`;
  const range = rr.upper === Infinity ? `at least ${lo} times` : `${lo} to ${hi} times`;
  return `The rate in ${labelB} is ${ratioNumber(rr.ratio)} times that in ${labelA} (95% interval ${range})`;
}

/** Two significant digits, but near 1 two decimals, so a limit of 1.04 never prints as a bare "1". */
function ratioNumber(x: number): string {
  return Math.abs(x - 1) < 0.1 ? x.toFixed(2) : formatNumber(x);
}
