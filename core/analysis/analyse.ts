import type { AccelResult } from '../detect/accel';
import { describeParams, resolveParams, type DetectionParams, type SummaryParams } from '../detect/params';
import { notAnalysed, type ChannelResult } from '../detect/result';
import type { Span } from '../detect/spans';
import { Workspace } from '../detect/workspace';
import { formatDuration } from '../format';
import type { Recording } from '../recording';
import type { AnalysedChannel, Analysis, ChannelSummary, DetectedEvent } from './types';
import { analysedChannels, channelsOf } from './channels';
import { setAsideCrosstalk } from './crosstalk';
import { runChannelJob, type ChannelJob, type JobOutcome } from './jobs';
import type { KeptConditioning } from './kept-conditioning';
import { keepsConditioning } from './working-memory';
import { ratePerMinute, summariseSites } from './site-summary';

export interface AnalyseOptions {
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
  /** EMG conditionings kept from the last analysis of this recording, and where this one's are kept. */
  kept?: KeptConditioning;
}

/**
 * What an analysis of a recording consists of: the analysed channels, and their detection in two phases.
 * Accelerometers come first, so their movement spans can be set aside in the EMG recorded alongside; the
 * channels of one phase are independent of each other (see `parallel.ts`).
 */
export class AnalysisPlan {
  readonly params: DetectionParams;
  readonly channels: AnalysedChannel[];
  readonly results = new Map<string, ChannelResult>();
  /** Samples per analysed channel, all axes counted: the weight of its share of the progress. */
  readonly weights = new Map<string, number>();
  readonly totalWeight: number;
  private readonly movementS: Array<{ startS: number; endS: number }> = [];

  private readonly kept: KeptConditioning | undefined;

  constructor(
    readonly rec: Recording,
    opts: AnalyseOptions,
  ) {
    this.params = resolveParams(opts.params);
    this.channels = analysedChannels(rec, opts.sites ?? {});
    for (const c of this.channels) this.weights.set(c.id, channelsOf(rec, c.id).reduce((s, ch) => s + ch.data.length, 0));
    // Conditioned signals are kept only where re-thresholding them fits the working memory allowed.
    this.kept = keepsConditioning(Math.max(0, ...this.phase('emg').map((c) => this.weights.get(c.id)!))) ? opts.kept : undefined;
    this.totalWeight = [...this.weights.values()].reduce((a, b) => a + b, 0) || 1;
  }

  /** The analysed channels of a phase, in file order. */
  phase(kind: 'accel' | 'emg'): AnalysedChannel[] {
    return this.channels.filter((c) => c.kind === kind);
  }

  /**
   * The detection job of a channel; null when there is nothing to detect on (a file of epoch counts, or
   * no samples), whose result is then set here. EMG jobs need the accelerometer phase's results first.
   */
  job(c: AnalysedChannel): ChannelJob | null {
    const rec = this.rec;
    const parts = channelsOf(rec, c.id);
    if (rec.notRaw || parts.length === 0) {
      this.results.set(c.id, notAnalysed((parts[0]?.data.length ?? 0) / c.sampleRateHz, rec.notRaw ?? 'No samples to analyse.'));
      return null;
    }
    const first = parts[0];
    if (c.kind === 'accel') {
      return { kind: 'accel', id: c.id, axes: parts.map((p) => p.data), fs: c.sampleRateHz, startS: first.startS, ...(first.resolution ? { resolution: first.resolution } : {}) };
    }
    const movement: Span[] = this.movementS.map((m) => ({
      start: Math.max(0, Math.floor((m.startS - first.startS) * first.sampleRateHz)),
      end: Math.min(first.data.length, Math.ceil((m.endS - first.startS) * first.sampleRateHz)),
    }));
    const kept = this.kept?.take(c.id, this.params.emg, first.sampleRateHz);
    return {
      kind: 'emg',
      id: c.id,
      data: first.data,
      fs: first.sampleRateHz,
      startS: first.startS,
      unit: first.unit,
      ...(first.range ? { range: first.range } : {}),
      movement,
      ...(this.kept ? { keep: true } : {}),
      ...(kept ? { conditioning: kept } : {}),
    };
  }

  /** Keeps the conditioning a job handed back, as soon as it comes (even when the analysis is then cancelled). */
  keep(job: ChannelJob, out: JobOutcome): void {
    this.kept?.keep(job.id, out.conditioning);
  }

  /** A job that ended without a result gave back the arrays it was lent: a kept conditioned signal among them. */
  givenBack(job: ChannelJob, arrays: Float32Array[]): void {
    if (job.kind === 'emg' && job.conditioning) this.kept?.givenBack(job.id, job.conditioning, arrays[1]);
  }

  /** Takes a channel's result; an accelerometer's movement, in seconds, joins the spans the EMG sets aside. */
  done(c: AnalysedChannel, r: ChannelResult): void {
    if (c.kind === 'accel') {
      const first = channelsOf(this.rec, c.id)[0];
      for (const s of (r as AccelResult).movement) this.movementS.push({ startS: first.startS + s.start / c.sampleRateHz, endS: first.startS + s.end / c.sampleRateHz });
    }
    this.results.set(c.id, r);
  }

  /** Every channel's events and summary (crosstalk set aside), pooled by site. Call when every channel is done. */
  analysis(): Analysis {
    const params = this.params;
    const events: DetectedEvent[] = [];
    const results = setAsideCrosstalk(this.channels, this.results, params.emg);
    const summaries = this.channels.map((c) => {
      const r = results.get(c.id)!;
      events.push(...r.events);
      return channelSummary(c, r, !this.rec.notRaw, params.summary);
    });
    events.sort((a, b) => a.startS - b.startS || a.channel.localeCompare(b.channel));
    return { channels: this.channels, events, summary: { channels: summaries, sites: summariseSites(summaries, params.summary.minRateRestS) }, parameters: describeParams(params) };
  }
}

/** Recording → Analysis on this thread, one channel after another (`analyseInParallel` spreads them). */
export function analyseRecording(rec: Recording, opts: AnalyseOptions = {}): Analysis {
  const plan = new AnalysisPlan(rec, opts);
  const workspace = opts.workspace ?? new Workspace();
  let done = 0;
  abortIfAsked(opts);
  for (const c of [...plan.phase('accel'), ...plan.phase('emg')]) {
    const w = plan.weights.get(c.id)!;
    const checkpoint = (f: number): void => {
      abortIfAsked(opts);
      opts.onProgress?.((done + f * w) / plan.totalWeight);
    };
    const job = plan.job(c);
    if (job) {
      const out = runChannelJob(job, plan.params, checkpoint, workspace);
      plan.keep(job, out);
      plan.done(c, out.result);
    }
    done += w;
    opts.onProgress?.(done / plan.totalWeight);
  }
  const analysis = plan.analysis();
  opts.onProgress?.(1);
  return analysis;
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
  const noRest = analysed && r.restS < p.minRateRestS;
  const active = sustainedS + activityS >= p.activeShare * r.analysedS && r.analysedS > 0;
  // A muscle active throughout is said to be so first: its noise floor, taken from activity, says nothing of rest.
  if (noRest && active) {
    rate = { twitchesPerMinute: null, noRate: 'no-rest' };
    notes.push('Active throughout: no rest to count twitches in.');
  } else if (r.cannotTell) {
    rate = { twitchesPerMinute: null, noRate: 'cannot-tell' };
    notes.push(r.cannotTell);
  } else if (noRest) {
    rate = { twitchesPerMinute: null, noRate: 'no-rest' };
    notes.push(`Only ${formatDuration(r.restS)} of rest: a twitch rate needs at least ${formatDuration(p.minRateRestS)}, so none is given.`);
  } else if (analysed && r.restS < p.steadyRestS) {
    notes.push(`Only ${formatDuration(r.restS)} of rest: the rate is a rough figure (${formatDuration(p.steadyRestS)} or more gives a steadier one).`);
  }
  return {
    channel: c.id,
    site: c.site,
    analyzedS: r.analysedS,
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

export function abortIfAsked(opts: AnalyseOptions): void {
  if (opts.signal?.aborted) throw abortError();
}

export function abortError(): Error {
  const e = new Error('Analysis cancelled');
  e.name = 'AbortError';
  return e;
}
