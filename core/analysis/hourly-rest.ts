/**
 * Twitches per hour of rest for each hour of a long recording, to show when in the night they happen
 * (twitching that disturbs sleep is one reason the guidance gives to see a clinician). Hours are counted
 * from the recording's first sample; the last one may be shorter. Counts and rest come from `restBins`, so
 * rest here leaves out the same spans as every rate, and the hours' rest adds up to the summaries' rest.
 */
import { capitalise, formatDuration, formatNumber } from '../format';
import { absoluteTime } from './absolute-time';
import { restBins } from './rest-bins';
import type { Analysis } from './types';

export const HOUR_S = 3600;
/**
 * Below 4 hours of analysed time the hourly view is left out: an evening recording has at most three rows,
 * which "Twitches over time" already shows finer, while 4 hours covers more than two sleep cycles (~90 min
 * each), the least span over which "early or late in the night" means something.
 */
export const LONG_RECORDING_S = 4 * HOUR_S;
/**
 * An hour needs 10 minutes of rest on each channel (on average) for a figure: with less, one twitch more or
 * less moves the hour's figure by 6 per hour or more, and the hour mostly holds movement, activity or gaps.
 */
export const MIN_HOUR_REST_S = 600;

export interface RestHour {
  /** Seconds from the recording's start to the start of the hour. */
  startS: number;
  endS: number;
  /** Wall-clock time of the hour's start on the recording's own clock (`23:17`), or null for an undated file. */
  clock: string | null;
  /** The same for the hour's end. */
  endClock: string | null;
  twitches: number;
  /** Seconds of rest in the hour, added over the channels counted (as in the rates by site: twitches over this rest give the figure). The too-little-rest rule applies per channel. */
  restS: number;
  /** Twitches per hour of rest, or null when the hour has less than `MIN_HOUR_REST_S` of rest per channel. */
  perHour: number | null;
}

export interface HourlyRest {
  hours: RestHour[];
  /** How many channels the counts add over. */
  channels: number;
  /** Every channel counted is an accelerometer: its events are brief movements, not twitches. */
  onlyAccelerometer: boolean;
}

/**
 * Hour by hour for a recording of at least `LONG_RECORDING_S` of analysed time, else null. Channels are
 * pooled the way sites are: twitches and rest add over the channels of the recording's main measure (EMG
 * when there is any, else the accelerometers) that can tell, and the figure is twitches over that rest, so
 * with several channels it is per hour of rest on one channel. `start` is the recording's `startTime`.
 */
export function hourlyRest(analysis: Analysis, start: string | null): HourlyRest | null {
  const kindOf = new Map(analysis.channels.map((c) => [c.id, c.kind]));
  const onlyAccelerometer = analysis.channels.length > 0 && analysis.channels.every((c) => c.kind === 'accel');
  const main = analysis.summary.channels.filter((c) => kindOf.get(c.channel) === (onlyAccelerometer ? 'accel' : 'emg') && c.noRate !== 'cannot-tell');
  const analysedS = main.reduce((m, c) => Math.max(m, c.analyzedS), 0);
  if (main.length === 0 || analysedS < LONG_RECORDING_S) return null;
  const bins = restBins(
    analysis,
    main.map((c) => c.channel),
    { binS: HOUR_S, minRestShare: 0, partialLast: true },
  );
  const hours: RestHour[] = [];
  for (let i = 0; i < bins.counts.length; i++) {
    const restS = bins.restS[i];
    const startS = i * HOUR_S;
    hours.push({
      startS,
      endS: Math.min(startS + HOUR_S, bins.extentS),
      clock: clockOf(start, startS),
      endClock: clockOf(start, Math.min(startS + HOUR_S, bins.extentS)),
      twitches: bins.counts[i],
      restS,
      perHour: restS / main.length >= MIN_HOUR_REST_S ? (bins.counts[i] * HOUR_S) / restS : null,
    });
  }
  return { hours, channels: main.length, onlyAccelerometer };
}

/** "23:17": hours and minutes of the recording's clock `offsetS` after its start (its zone, or its local time). */
function clockOf(start: string | null, offsetS: number): string | null {
  const at = absoluteTime(start, offsetS, () => 0);
  return at ? (/T(\d{2}:\d{2})/.exec(at)?.[1] ?? null) : null;
}

/** The hour as a row names it: "23:30–00:30" on the recording's clock, or "2–3 h" from the start when undated. */
export function hourSpan(h: RestHour): string {
  if (h.clock && h.endClock) return `${h.clock}–${h.endClock}`;
  return `${formatNumber(h.startS / HOUR_S)}–${formatNumber(h.endS / HOUR_S)} h`;
}

/** What an hour without a figure says, beside its rest. */
export const TOO_LITTLE_REST = 'too little rest';

/** How to read the hours, the same in Results and the report. `noun(n)` names n events (twitches, brief movements). */
export function hourlyNote(h: HourlyRest, noun: (count: number) => string): string {
  const dated = h.hours[0]?.clock !== null && h.hours[0]?.clock !== undefined;
  return [
    `Each hour counts the ${noun(2)} found in that hour's rest, from the start of the recording${dated ? ', with times on the recording\'s own clock' : ''}.`,
    'Rest leaves out movement, sustained activity, artifacts and gaps; it does not confirm sleep.',
    h.channels > 1 ? `${capitalise(noun(2))} and rest add over the ${h.channels} channels, as in the rates by site, so each figure is per hour of rest on one channel.` : '',
    h.hours.some((x) => x.perHour === null)
      ? `No figure (${TOO_LITTLE_REST}) for an hour with less than ${formatDuration(MIN_HOUR_REST_S)} of rest${h.channels > 1 ? ' per channel' : ''}: one ${noun(1)} more or less would change it a lot.`
      : '',
    'It shows when they were found, not whether they disturbed sleep.',
  ]
    .filter(Boolean)
    .join(' ');
}
