import type { Analysis, ChannelSummary, DetectedEvent } from '../analysis/types';
import { minRateRestOf, ratePerMinute, summariseSites } from '../analysis/site-summary';
import { formatSite, parseSite } from '../sites';
import { sameEvent, type ReviewEdit } from './edits';

/**
 * The analysis as the user has reviewed it: sites relabelled, events tagged confirmed/rejected, added
 * twitches appended, and counts, rates and site summaries recomputed. `base` is never modified.
 */
export function applyReview(
  base: Analysis,
  edits: readonly ReviewEdit[],
  sites: Readonly<Record<string, string | null>> = {},
): Analysis {
  const channels = base.channels.map((c) => (c.id in sites ? { ...c, site: normaliseSite(sites[c.id]) } : c));
  const siteOf = new Map(channels.map((c) => [c.id, c.site]));

  const events: DetectedEvent[] = [];
  const delta = new Map<string, { twitch: number; sustained: number; sustainedS: number }>();
  const deltaOf = (id: string) => {
    let d = delta.get(id);
    if (!d) {
      d = { twitch: 0, sustained: 0, sustainedS: 0 };
      delta.set(id, d);
    }
    return d;
  };

  for (const detected of base.events) {
    const moved = detected.type !== 'twitch' ? edits.find((x) => x.action === 'adjust' && sameEvent(x, detected)) : undefined;
    const e = moved ? { ...detected, startS: moved.startS ?? detected.startS, endS: moved.endS ?? detected.endS } : detected;
    // A sustained episode whose edges moved counts its new length.
    if (moved && e.type === 'sustained' && e.review !== 'rejected') deltaOf(e.channel).sustainedS += e.endS - e.startS - (detected.endS - detected.startS);
    const edit = edits.find((x) => (x.action === 'confirm' || x.action === 'reject') && sameEvent(x, e));
    if (!edit) {
      events.push(e);
      continue;
    }
    const review = edit.action === 'confirm' ? 'confirmed' : 'rejected';
    events.push({ ...e, review });
    if (review === 'rejected' && e.review !== 'rejected') {
      if (e.type === 'twitch') deltaOf(e.channel).twitch--;
      if (e.type === 'sustained') {
        deltaOf(e.channel).sustained--;
        deltaOf(e.channel).sustainedS -= e.endS - e.startS;
      }
    }
  }

  const noiseOf = new Map(base.summary.channels.map((s) => [s.channel, s.noiseFloor]));
  for (const a of edits) {
    if (a.action !== 'add' || !siteOf.has(a.channel)) continue;
    // An added twitch the detector also found (e.g. after raising sensitivity) counts once.
    if (base.events.some((e) => e.type === 'twitch' && sameEvent(a, e))) continue;
    const amplitude = a.amplitude ?? 0;
    const noise = noiseOf.get(a.channel) ?? 0;
    events.push({
      channel: a.channel,
      type: 'twitch',
      startS: a.startS ?? a.peakS,
      endS: a.endS ?? a.peakS,
      peakS: a.peakS,
      amplitude,
      snr: noise > 0 ? amplitude / noise : 0,
      review: 'added',
    });
    deltaOf(a.channel).twitch++;
  }
  events.sort((x, y) => x.peakS - y.peakS || (x.channel < y.channel ? -1 : x.channel > y.channel ? 1 : 0));

  // Rest time stays as detected: a rejected episode was excluded from rest by the detector, and the review
  // says only that it was not cramp-like, not what the muscle did instead.
  const summaries: ChannelSummary[] = base.summary.channels.map((s) => {
    const d = delta.get(s.channel);
    const site = siteOf.has(s.channel) ? (siteOf.get(s.channel) ?? null) : s.site;
    if (!d && site === s.site) return s;
    const twitchCount = Math.max(0, s.twitchCount + (d?.twitch ?? 0));
    return {
      ...s,
      site,
      twitchCount,
      twitchesPerMinute: s.twitchesPerMinute === null ? null : ratePerMinute(twitchCount, s.restS),
      sustainedCount: Math.max(0, s.sustainedCount + (d?.sustained ?? 0)),
      sustainedS: Math.max(0, s.sustainedS + (d?.sustainedS ?? 0)),
    };
  });

  return { ...base, channels, events, summary: { channels: summaries, sites: summariseSites(summaries, minRateRestOf(base.parameters)) } };
}

function normaliseSite(s: string | null | undefined): string | null {
  if (s === null || s === undefined || s.trim() === '') return null;
  const parsed = parseSite(s);
  return parsed ? formatSite(parsed.site, parsed.side) : s.trim().toLowerCase();
}
