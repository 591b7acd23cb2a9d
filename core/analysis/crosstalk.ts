import type { EmgParams } from '../detect/params';
import type { ChannelResult } from '../detect/result';
import type { AnalysedChannel, DetectedEvent } from './types';

interface Window {
  startS: number;
  endS: number;
}

/**
 * Crosstalk: a muscle's activity reaches the other electrodes over the same limb by volume conduction, so a
 * twitch-like candidate on one EMG channel while another channel at the same site (both unnamed counts as the
 * same: an armband's channels) is in activity, sustained activity or motion is not counted, nor is that time
 * rest. The window is the other channel's span from `isolationMs` before it (onsets are found a little late)
 * to `activityTailS` after it (units still derecruiting). Channels at different sites (left and right calf)
 * cannot see each other's potentials and are left alone. Returns new results; the inputs are not changed.
 */
export function setAsideCrosstalk(channels: readonly AnalysedChannel[], results: ReadonlyMap<string, ChannelResult>, p: EmgParams): Map<string, ChannelResult> {
  const out = new Map(results);
  const emg = channels.filter((c) => c.kind === 'emg' && results.has(c.id));
  for (const c of emg) {
    const others = emg.filter((o) => o.id !== c.id && o.site === c.site);
    if (others.length === 0) continue;
    const windows = mergeWindows(
      others.flatMap((o) =>
        results
          .get(o.id)!
          .events.filter(isBusy)
          .map((e) => ({ startS: e.startS - p.isolationMs / 1000, endS: e.endS + p.activityTailS })),
      ),
    );
    if (windows.length === 0) continue;
    const r = results.get(c.id)!;
    const inside = (t: number): boolean => windows.some((w) => t >= w.startS && t < w.endS);
    const kept = r.events.filter((e) => e.type !== 'twitch' || !inside(e.peakS));
    const setAside = r.events.length - kept.length;
    const own = mergeWindows(r.events.filter((e) => e.type !== 'twitch'));
    const lostRest = Math.min(r.restS, uncovered(windows, own, r.analysedS));
    if (setAside === 0 && lostRest <= 0) continue;
    const notes = setAside > 0 ? [...r.notes, `${setAside} twitch-like event${setAside === 1 ? '' : 's'} came while a neighbouring channel at the same site was active: taken for crosstalk, not counted.`] : r.notes;
    out.set(c.id, { ...r, events: kept, restS: r.restS - lostRest, excludedS: r.excludedS + lostRest, notes });
  }
  return out;
}

function isBusy(e: DetectedEvent): boolean {
  return e.type === 'activity' || e.type === 'sustained' || (e.type === 'artifact' && e.reason === 'motion');
}

function mergeWindows(w: readonly Window[]): Window[] {
  const sorted = [...w].sort((a, b) => a.startS - b.startS);
  const out: Window[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.startS <= last.endS) last.endS = Math.max(last.endS, x.endS);
    else out.push({ startS: x.startS, endS: x.endS });
  }
  return out;
}

/** Seconds of `windows` (clipped to 0..durationS) not covered by `own`; both merged and sorted. */
function uncovered(windows: readonly Window[], own: readonly Window[], durationS: number): number {
  let total = 0;
  for (const w of windows) {
    const from = Math.max(0, w.startS);
    const to = Math.min(durationS, w.endS);
    if (to <= from) continue;
    let covered = 0;
    for (const o of own) covered += Math.max(0, Math.min(to, o.endS) - Math.max(from, o.startS));
    total += Math.max(0, to - from - covered);
  }
  return total;
}
