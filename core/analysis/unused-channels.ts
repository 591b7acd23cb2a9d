/**
 * Channels with nothing to show: no rest time and no event of their own, such as an electrode that was not
 * connected (flat or held at the end of its range throughout) or a channel sampled too slowly for muscle
 * signals. Tables and charts leave them out and say so once, with the reason.
 */
import type { Recording } from '../recording';
import { summariseSites } from './site-summary';
import type { Analysis, ArtifactReason } from './types';

export interface UnusedChannel {
  channel: string;
  label: string;
  /** Why, in a few words: "flat throughout", "at the end of its range throughout", ... */
  reason: string;
}

/** Share of the analysed time an artifact must cover to name the channel's state. */
const MOSTLY = 0.9;

const REASON_WORDS: Partial<Record<ArtifactReason, string>> = {
  flat: 'flat throughout (not connected?)',
  clipping: 'at the end of its range throughout',
  noise: 'noise throughout',
  gap: 'no samples',
};

/**
 * Channels the import already set aside (core/import/dead.ts: no values, all zero, constant, stuck at its
 * limits), in the same words; an accelerometer once per sensor.
 */
export function setAsideAtImport(rec: Recording): UnusedChannel[] {
  const out: UnusedChannel[] = [];
  const sensors = new Set<string>();
  for (const c of rec.channels) {
    if (!c.dead) continue;
    if (c.sensor) {
      if (sensors.has(c.sensor)) continue;
      sensors.add(c.sensor);
    }
    const r = c.dead.reason;
    const reason = r === 'no values' ? REASON_WORDS.gap! : r === 'stuck at its limits' ? REASON_WORDS.clipping! : REASON_WORDS.flat!;
    out.push({ channel: c.sensor ?? c.id, label: c.sensor ? (rec.sensors.find((s) => s.id === c.sensor)?.label ?? c.label) : c.label, reason });
  }
  return out;
}

export function unusedChannels(analysis: Analysis): UnusedChannel[] {
  const out: UnusedChannel[] = [];
  for (const s of analysis.summary.channels) {
    if (s.restS > 0) continue;
    const mine = analysis.events.filter((e) => e.channel === s.channel);
    if (mine.some((e) => e.type === 'twitch' || e.type === 'sustained' || e.type === 'activity')) continue;
    const covered = new Map<ArtifactReason, number>();
    for (const e of mine) if (e.type === 'artifact' && e.reason) covered.set(e.reason, (covered.get(e.reason) ?? 0) + e.endS - e.startS);
    const [reason] = [...covered].sort((a, b) => b[1] - a[1])[0] ?? [];
    const label = analysis.channels.find((c) => c.id === s.channel)?.label ?? s.channel;
    const mostly = reason !== undefined && (covered.get(reason) ?? 0) >= MOSTLY * Math.max(s.analyzedS, 1e-9);
    out.push({ channel: s.channel, label, reason: mostly ? (REASON_WORDS[reason] ?? 'no usable signal') : s.analyzedS > 0 ? 'no usable rest or activity' : 'not analysed' });
  }
  return out;
}

/** The analysis without its unused channels: what tables, charts and findings should show. */
export function withoutUnusedChannels(analysis: Analysis): Analysis {
  const unused = new Set(unusedChannels(analysis).map((u) => u.channel));
  if (unused.size === 0) return analysis;
  const keep = <T extends { channel: string }>(x: T) => !unused.has(x.channel);
  const channels = analysis.summary.channels.filter(keep);
  return {
    ...analysis,
    channels: analysis.channels.filter((c) => !unused.has(c.id)),
    events: analysis.events.filter(keep),
    summary: { channels, sites: summariseSites(channels) },
  };
}
