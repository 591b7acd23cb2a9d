import { detectAccel } from '../detect/accel';
import { detectEmg } from '../detect/emg';
import { describeParams, resolveParams, type SummaryParams } from '../detect/params';
import { notAnalysed, type ChannelResult } from '../detect/result';
import type { Span } from '../detect/spans';
import { Workspace } from '../detect/workspace';
import { formatDuration } from '../format';
import type { Recording } from '../recording';
import type { AnalysedChannel, Analysis, ChannelSummary, DetectedEvent } from './types';
import { analysedChannels, channelsOf } from './channels';
import { ratePerMinute, summariseSites } from './site-summary';

export interface AnalyzeOptions {
  /** Site per analysed channel id (EMG channel id or accelerometer sensor id); missing = from the label. */
  sites?: Record<string, string | null>;
  /** Detection parameters to override (see `core/detect/params.ts`): `sensitivity` 0..1 and `emg.*`/`accel.*`/`summary.*`. */
  params?: Record<string, unknown>;
  /** Fraction done, 0..1. */
  onProgress?: (fraction: number) => void;
  signal?: { readonly aborted: boolean };
  /**
   * Working memory to reuse (a batch of files, or the same recording again at another sensitivity): the
   * caller keeps it between analyses in one thread. Fresh pages cost the kernel a fault each, about a
   * twentieth of a short recording's analysis.
   */
  workspace?: Workspace;
}

/**
 * Recording → Analysis. Accelerometers run first so their movement spans can be set aside in the EMG
 * recorded alongside; each channel's events are summarised, then pooled by site.
 */
export function analyzeRecording(rec: Recording, opts: AnalyzeOptions = {}): Analysis {
  const params = resolveParams(opts.params);
  const channels = analysedChannels(rec, opts.sites ?? {});
  const order = [...channels.filter((c) => c.kind === 'accel'), ...channels.filter((c) => c.kind === 'emg')];
  const weight = (id: string): number => channelsOf(rec, id).reduce((s, c) => s + c.data.length, 0);
  const total = order.reduce((s, c) => s + weight(c.id), 0) || 1;
  let done = 0;
  const workspace = opts.workspace ?? new Workspace();
  const results = new Map<string, ChannelResult>();
  const movementS: Array<{ startS: number; endS: number }> = [];
  abortIfAsked(opts);

  for (const c of order) {
    const w = weight(c.id);
    const checkpoint = (f: number): void => {
      abortIfAsked(opts);
      opts.onProgress?.((done + f * w) / total);
    };
    const parts = channelsOf(rec, c.id);
    if (rec.notRaw || parts.length === 0) {
      results.set(c.id, notAnalysed((parts[0]?.data.length ?? 0) / c.sampleRateHz, rec.notRaw ?? 'No samples to analyse.'));
    } else if (c.kind === 'accel') {
      const r = detectAccel(
        { id: c.id, axes: parts.map((p) => p.data), fs: c.sampleRateHz, startS: parts[0].startS, ...(parts[0].resolution ? { resolution: parts[0].resolution } : {}) },
        params.accel,
        checkpoint,
        workspace,
      );
      for (const s of r.movement) movementS.push({ startS: parts[0].startS + s.start / c.sampleRateHz, endS: parts[0].startS + s.end / c.sampleRateHz });
      results.set(c.id, r);
    } else {
      const ch = parts[0];
      const movement: Span[] = movementS.map((m) => ({
        start: Math.max(0, Math.floor((m.startS - ch.startS) * ch.sampleRateHz)),
        end: Math.min(ch.data.length, Math.ceil((m.endS - ch.startS) * ch.sampleRateHz)),
      }));
      const r = detectEmg(
        { id: c.id, data: ch.data, fs: ch.sampleRateHz, startS: ch.startS, unit: ch.unit, ...(ch.range ? { range: ch.range } : {}), movement: movement.filter((s) => s.end > s.start) },
        params.emg,
        checkpoint,
        workspace,
      );
      if (movement.length > 0) r.notes.push('Time when the accelerometer showed movement is left out of the rest time.');
      results.set(c.id, r);
    }
    done += w;
    opts.onProgress?.(done / total);
  }

  const events: DetectedEvent[] = [];
  const summaries = channels.map((c) => {
    const r = results.get(c.id)!;
    events.push(...r.events);
    return channelSummary(c, r, !rec.notRaw, params.summary);
  });
  events.sort((a, b) => a.startS - b.startS || a.channel.localeCompare(b.channel));
  opts.onProgress?.(1);
  return { channels, events, summary: { channels: summaries, sites: summariseSites(summaries, params.summary.minRateRestS) }, parameters: describeParams(params) };
}

/**
 * One channel's figures. The rate is null, with one plain note saying why, when the channel cannot tell
 * (too noisy, hum left over) or has too little rest to count in; a rate from less than `steadyRestS` of rest
 * says it is rough.
 */
function channelSummary(c: AnalysedChannel, r: ChannelResult, analysed: boolean, p: SummaryParams): ChannelSummary {
  const twitchCount = r.events.filter((e) => e.type === 'twitch').length;
  const spanS = (type: DetectedEvent['type']): number => r.events.filter((e) => e.type === type).reduce((s, e) => s + (e.endS - e.startS), 0);
  const sustainedS = spanS('sustained');
  const activityS = spanS('activity');
  const notes = [...r.notes];
  let rate: Pick<ChannelSummary, 'twitchesPerMinute' | 'noRate'> = { twitchesPerMinute: ratePerMinute(twitchCount, r.restS) };
  if (r.cannotTell) {
    rate = { twitchesPerMinute: null, noRate: 'cannot-tell' };
    notes.push(r.cannotTell);
  } else if (analysed && r.restS < p.minRateRestS) {
    rate = { twitchesPerMinute: null, noRate: 'no-rest' };
    const active = sustainedS + activityS >= p.activeShare * r.analyzedS && r.analyzedS > 0;
    notes.push(
      active
        ? 'Active throughout: no rest to count twitches in.'
        : `Only ${formatDuration(r.restS)} of rest: a twitch rate needs at least ${formatDuration(p.minRateRestS)}, so none is given.`,
    );
  } else if (analysed && r.restS < p.steadyRestS) {
    notes.push(`Only ${formatDuration(r.restS)} of rest: the twitch rate is a rough figure (${formatDuration(p.steadyRestS)} or more gives a steadier one).`);
  }
  return {
    channel: c.id,
    site: c.site,
    analyzedS: r.analyzedS,
    restS: r.restS,
    twitchCount,
    ...rate,
    sustainedCount: r.events.filter((e) => e.type === 'sustained').length,
    sustainedS,
    activityS,
    noiseFloor: r.noiseFloor,
    mainsHz: r.mainsHz,
    excludedS: r.excludedS,
    ...(r.minDetectable !== undefined ? { minDetectable: r.minDetectable } : {}),
    notes,
  };
}

function abortIfAsked(opts: AnalyzeOptions): void {
  if (opts.signal?.aborted) {
    const e = new Error('Analysis cancelled');
    e.name = 'AbortError';
    throw e;
  }
}
