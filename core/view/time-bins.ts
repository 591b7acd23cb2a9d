import type { DetectedEvent, EventType } from '../analysis/types';

/** Counts of kept events per fixed time bin: the "twitches over time" chart and the overview's density. */
export interface BinnedCounts {
  binS: number;
  /** Bin start times, seconds. */
  starts: Float64Array;
  /** One count array per group key (a site, a channel or an event type). */
  counts: Map<string, Float64Array>;
}

/** Rejected events are the user's "not an event"; everything else counts. */
export function isKept(e: DetectedEvent): boolean {
  return e.review !== 'rejected';
}

export function binEvents(
  events: readonly DetectedEvent[],
  durationS: number,
  binS: number,
  groupOf: (e: DetectedEvent) => string | null,
  type: EventType | null = 'twitch',
): BinnedCounts {
  const n = Math.max(1, Math.ceil(durationS / binS));
  const starts = new Float64Array(n);
  for (let i = 0; i < n; i++) starts[i] = i * binS;
  const counts = new Map<string, Float64Array>();
  for (const e of events) {
    if (!isKept(e) || (type !== null && e.type !== type)) continue;
    const key = groupOf(e);
    if (key === null) continue;
    let arr = counts.get(key);
    if (!arr) {
      arr = new Float64Array(n);
      counts.set(key, arr);
    }
    const i = Math.min(n - 1, Math.max(0, Math.floor(e.peakS / binS)));
    arr[i]++;
  }
  return { binS, starts, counts };
}

/** Bin lengths people think in; only those giving a readable number of bars are offered. */
const BIN_LENGTHS_S = [10, 30, 60, 300, 900, 3600] as const;
const MIN_BINS = 3;
const MAX_BINS = 120;

/** Bin lengths that fit a recording of `durationS`, and the one closest to about twenty bars. */
export function binChoices(durationS: number): { choices: number[]; preferred: number } {
  const fit = BIN_LENGTHS_S.filter((b) => durationS / b >= MIN_BINS && durationS / b <= MAX_BINS);
  const choices = fit.length > 0 ? fit : [BIN_LENGTHS_S.find((b) => durationS / b <= MAX_BINS) ?? 3600];
  const preferred = choices.reduce((best, b) => (Math.abs(Math.log(durationS / b / 20)) < Math.abs(Math.log(durationS / best / 20)) ? b : best));
  return { choices, preferred };
}
