/**
 * The facts about an analysis that guidance rules and the report's key findings talk about, computed once.
 * Channels without a body site count as their own location (named by label) so no twitch goes unmentioned.
 */
import { restBins } from '../analysis/rest-bins';
import type { Analysis } from '../analysis/types';
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
  /** Locations with at least one twitch, busiest first. */
  twitchLocations: Location[];
  totalTwitches: number;
  /** Longest usable rest of any analysed channel: channels record in parallel, so rest times do not add. */
  restS: number;
  sustainedCount: number;
  sustainedTotalS: number;
  longestSustainedS: number;
  /** Twitches on channels whose site is the tongue. */
  tongueTwitches: number;
  tongueRate: number;
  /** Busiest location's share of all twitches (0..1), when twitches were found. */
  topShare: number;
  onlyAccelerometer: boolean;
}

/** Below this much clean rest a rate says little (70–90 s is needed to see one FP even in ALS; Mills 2011). */
export const MIN_REST_S = 120;

export function findingsOf(analysis: Analysis): Findings {
  const labelOf = new Map(analysis.channels.map((c) => [c.id, c.label]));
  const kindOf = new Map(analysis.channels.map((c) => [c.id, c.kind]));
  const byName = new Map<string, Location>();
  for (const c of analysis.summary.channels) {
    const name = c.site ?? labelOf.get(c.channel) ?? c.channel;
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
    loc.twitchCount += c.twitchCount;
    loc.restS += c.restS;
    loc.sustainedCount += c.sustainedCount;
    loc.onlyAccelerometer &&= kindOf.get(c.channel) === 'accel';
    byName.set(name, loc);
  }
  const locations = [...byName.values()];
  for (const l of locations) {
    l.twitchesPerMinute = l.restS > 0 ? (l.twitchCount * 60) / l.restS : 0;
    const bins = restBins(analysis, l.channels);
    l.dispersion = dispersionIndex(bins.counts, bins.restS);
    l.interval = dispersedRateInterval(l.twitchCount, l.restS, l.dispersion ?? 1);
  }

  const twitchLocations = locations
    .filter((l) => l.twitchCount > 0)
    .sort((a, b) => b.twitchesPerMinute - a.twitchesPerMinute || b.twitchCount - a.twitchCount);
  const totalTwitches = locations.reduce((s, l) => s + l.twitchCount, 0);
  const topCount = locations.reduce((m, l) => Math.max(m, l.twitchCount), 0);

  const sustained = analysis.events.filter((e) => e.type === 'sustained' && e.review !== 'rejected');
  let sustainedTotalS = 0;
  let longestSustainedS = 0;
  for (const e of sustained) {
    const d = e.endS - e.startS;
    sustainedTotalS += d;
    longestSustainedS = Math.max(longestSustainedS, d);
  }
  const summarySustained = analysis.summary.channels.reduce((s, c) => s + c.sustainedCount, 0);

  const tongue = locations.filter((l) => l.hasSite && /\btongue$/.test(l.name));
  const tongueTwitches = tongue.reduce((s, l) => s + l.twitchCount, 0);
  const tongueRest = tongue.reduce((s, l) => s + l.restS, 0);

  return {
    locations,
    twitchLocations,
    totalTwitches,
    restS: analysis.summary.channels.reduce((m, c) => Math.max(m, c.restS), 0),
    sustainedCount: Math.max(summarySustained, sustained.length),
    sustainedTotalS,
    longestSustainedS,
    tongueTwitches,
    tongueRate: tongueRest > 0 ? (tongueTwitches * 60) / tongueRest : 0,
    topShare: totalTwitches > 0 ? topCount / totalTwitches : 0,
    onlyAccelerometer: analysis.channels.length > 0 && analysis.channels.every((c) => c.kind === 'accel'),
  };
}
