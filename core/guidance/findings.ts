/**
 * The facts about an analysis that guidance rules and the report's key findings talk about, computed once.
 * Channels without a body site count as their own location (named by label) so no twitch goes unmentioned.
 */
import { restBins } from '../analysis/rest-bins';
import { minRateRestOf, nothingTells } from '../analysis/site-summary';
import type { Analysis, NoRate } from '../analysis/types';
import { dispersedRateInterval, dispersionIndex } from '../stats/dispersion';
import type { Interval } from '../stats/poisson';

export interface Location {
  /** Body site (`left calf`), or the channel label for a channel with no site. */
  name: string;
  hasSite: boolean;
  channels: string[];
  twitchCount: number;
  restS: number;
  twitchesPerMinute: number;
  /** Why the location has no rate (its channels could not tell, or too little rest): then the rate is 0 and the interval null. */
  noRate?: NoRate;
  /** How much more the counts in 30 s stretches of rest vary than independent events would; null with too few stretches. */
  dispersion: number | null;
  /** 95 % interval of the rate: exact Poisson, widened when the dispersion shows clustering; null without rest. */
  interval: Interval | null;
  sustainedCount: number;
  /** Every channel here is an accelerometer: its events are brief movements, not motor-unit twitches. */
  onlyAccelerometer: boolean;
}

export interface Findings {
  locations: Location[];
  /**
   * Locations with at least one event, busiest first, of the recording's main measure: EMG when there is any,
   * else the accelerometers. Totals and the rest time below are of the same measure.
   */
  twitchLocations: Location[];
  totalTwitches: number;
  /** With EMG: brief movements the accelerometers found, reported apart from the EMG count. */
  accelMovements: number;
  /**
   * Longest usable rest of any channel of the main measure that can tell: channels record in parallel, so rest
   * times do not add.
   */
  restS: number;
  /** Every location of the main measure cannot tell (noise, hum left over, a loosely moving device): no rate anywhere. */
  cannotTell: boolean;
  sustainedCount: number;
  sustainedTotalS: number;
  longestSustainedS: number;
  /** Twitches on channels whose site is the tongue. */
  tongueTwitches: number;
  tongueRate: number;
  onlyAccelerometer: boolean;
}

/** Below this much clean rest a rate says little (70–90 s is needed to see one FP even in ALS; Mills 2011). */
export const MIN_REST_S = 120;

export function findingsOf(analysis: Analysis): Findings {
  const labelOf = new Map(analysis.channels.map((c) => [c.id, c.label]));
  const kindOf = new Map(analysis.channels.map((c) => [c.id, c.kind]));
  const byName = new Map<string, Location>();
  const telling = new Map<string, number>();
  const minRestS = minRateRestOf(analysis.parameters);
  // Brief movements and twitch-like EMG events are different measures: at a site with EMG the accelerometer
  // gets a location of its own instead of adding its movements to the EMG count.
  const emgSites = new Set(analysis.summary.channels.filter((c) => c.site !== null && kindOf.get(c.channel) === 'emg').map((c) => c.site));
  for (const c of analysis.summary.channels) {
    const ownAccel = c.site !== null && kindOf.get(c.channel) === 'accel' && emgSites.has(c.site);
    const name = c.site !== null ? (ownAccel ? `${c.site} (accelerometer)` : c.site) : (labelOf.get(c.channel) ?? c.channel);
    const loc = byName.get(name) ?? {
      name,
      hasSite: c.site !== null,
      channels: [],
      twitchCount: 0,
      restS: 0,
      twitchesPerMinute: 0,
      dispersion: null,
      interval: null,
      sustainedCount: 0,
      onlyAccelerometer: true,
    };
    loc.channels.push(c.channel);
    loc.sustainedCount += c.sustainedCount;
    // A channel that could not tell adds neither its twitches nor its rest to the location's rate.
    if (c.noRate === 'cannot-tell') telling.set(name, telling.get(name) ?? 0);
    else {
      telling.set(name, (telling.get(name) ?? 0) + 1);
      loc.twitchCount += c.twitchCount;
      loc.restS += c.restS;
    }
    loc.onlyAccelerometer &&= kindOf.get(c.channel) === 'accel';
    byName.set(name, loc);
  }
  const locations = [...byName.values()];
  for (const l of locations) {
    const noRate: NoRate | null = telling.get(l.name) === 0 ? 'cannot-tell' : l.restS < minRestS ? 'no-rest' : null;
    if (noRate) {
      l.noRate = noRate;
      continue;
    }
    l.twitchesPerMinute = l.restS > 0 ? (l.twitchCount * 60) / l.restS : 0;
    const bins = restBins(analysis, l.channels);
    l.dispersion = dispersionIndex(bins.counts, bins.restS);
    l.interval = dispersedRateInterval(l.twitchCount, l.restS, l.dispersion ?? 1);
  }

  const onlyAccelerometer = analysis.channels.length > 0 && analysis.channels.every((c) => c.kind === 'accel');
  const main = locations.filter((l) => l.onlyAccelerometer === onlyAccelerometer);
  const rated = main.filter((l) => !l.noRate);
  const twitchLocations = rated
    .filter((l) => l.twitchCount > 0)
    .sort((a, b) => b.twitchesPerMinute - a.twitchesPerMinute || b.twitchCount - a.twitchCount);
  const totalTwitches = rated.reduce((s, l) => s + l.twitchCount, 0);
  const mainChannels = new Set(main.flatMap((l) => l.channels));

  const sustained = analysis.events.filter((e) => e.type === 'sustained' && e.review !== 'rejected');
  let sustainedTotalS = 0;
  let longestSustainedS = 0;
  for (const e of sustained) {
    const d = e.endS - e.startS;
    sustainedTotalS += d;
    longestSustainedS = Math.max(longestSustainedS, d);
  }
  const summarySustained = analysis.summary.channels.reduce((s, c) => s + c.sustainedCount, 0);

  const tongue = locations.filter((l) => l.hasSite && !l.noRate && /\btongue$/.test(l.name));
  const tongueTwitches = tongue.reduce((s, l) => s + l.twitchCount, 0);
  const tongueRest = tongue.reduce((s, l) => s + l.restS, 0);

  return {
    locations,
    twitchLocations,
    totalTwitches,
    accelMovements: locations.filter((l) => !main.includes(l)).reduce((s, l) => s + l.twitchCount, 0),
    restS: analysis.summary.channels.reduce((m, c) => (mainChannels.has(c.channel) && c.noRate !== 'cannot-tell' ? Math.max(m, c.restS) : m), 0),
    sustainedCount: Math.max(summarySustained, sustained.length),
    sustainedTotalS,
    longestSustainedS,
    tongueTwitches,
    tongueRate: tongueRest > 0 ? (tongueTwitches * 60) / tongueRest : 0,
    cannotTell: nothingTells(main),
    onlyAccelerometer,
  };
}
