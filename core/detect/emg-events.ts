import { absPeak } from '../dsp/abs-peak';
import { finiteMeanSquare } from '../dsp/bin-sums';
import type { ActivitySpan } from './activity';
import type { DetectedEvent } from './events';
import { countPeaks } from './hysteresis';
import type { Span } from './spans';
import type { Twitch } from './twitch';

/** Artifacts are listed in this order before the sort by time, which keeps ties in it. */
const ARTIFACT_ORDER = ['gap', 'clipping', 'flat', 'motion', 'ecg'] as const;

export interface EventSources {
  id: string;
  startS: number;
  fs: number;
  x: Float32Array;
  envelope: Float32Array;
  /** Samples per noise window, and the local and quiet floors per window. */
  win: number;
  localFloor: Float64Array;
  quietFloor: Float64Array;
  twitchK: number;
  /** Spikes counted for a span's density are at least this many samples apart. */
  separation: number;
  twitches: readonly Twitch[];
  sustained: readonly Span[];
  activity: readonly ActivitySpan[];
  artifacts: Record<(typeof ARTIFACT_ORDER)[number], readonly Span[]>;
}

/** The channel's events in time order: twitches, sustained and activity spans measured on the band-passed signal, artifacts. */
export function channelEvents(e: EventSources): DetectedEvent[] {
  const events: DetectedEvent[] = [];
  twitchEvents(e, events);
  for (const s of e.sustained) events.push({ channel: e.id, type: 'sustained', ...spanMeasures(e, s) });
  for (const a of e.activity) {
    events.push({ channel: e.id, type: 'activity', pattern: a.pattern, ...spanMeasures(e, a), ...(Number.isFinite(a.rhythmHz) ? { rhythmHz: Math.round(a.rhythmHz * 10) / 10 } : {}) });
  }
  for (const reason of ARTIFACT_ORDER) artifactEvents(e, reason, events);
  return events.sort((a, b) => a.startS - b.startS);
}

// The loops over twitches and artifacts (hundreds of heartbeats on a channel where the heart shows) live in
// functions of their own: inside channelEvents they made it hot only on the second or third analysis, where
// TurboFan then compiled all of it (30-90 ms on its thread).

function twitchEvents(e: EventSources, events: DetectedEvent[]): void {
  const twitches = e.twitches;
  for (let i = 0; i < twitches.length; i++) {
    const tw = twitches[i];
    events.push({
      channel: e.id,
      type: 'twitch',
      startS: timeOf(e, tw.start),
      endS: timeOf(e, tw.end),
      peakS: timeOf(e, tw.peak),
      amplitude: tw.amplitude,
      snr: tw.amplitude / tw.floor,
      ...(tw.multiplet > 1 ? { multiplet: tw.multiplet } : {}),
    });
  }
}

/** A sustained or activity span measured on the band-passed signal: its peak, RMS and density of spikes. */
function spanMeasures(e: EventSources, s: Span): Pick<DetectedEvent, 'startS' | 'endS' | 'peakS' | 'amplitude' | 'snr' | 'rms' | 'density'> {
  const { x, win, fs } = e;
  const peak = absPeak(x, s.start, s.end);
  const floor = e.quietFloor[(peak.index / win) | 0];
  const spikes = countPeaks(e.envelope, s.start, s.end, e.twitchK * floor, e.separation);
  return {
    startS: timeOf(e, s.start),
    endS: timeOf(e, s.end),
    peakS: timeOf(e, peak.index),
    amplitude: peak.value,
    snr: peak.value / floor,
    rms: finiteRms(x, s.start, s.end),
    density: spikes / ((s.end - s.start) / fs),
  };
}

function artifactEvents(e: EventSources, reason: (typeof ARTIFACT_ORDER)[number], events: DetectedEvent[]): void {
  const { x, win } = e;
  for (const s of e.artifacts[reason]) {
    const peak = absPeak(x, s.start, s.end);
    const floor = e.localFloor[(peak.index / win) | 0];
    events.push({
      channel: e.id,
      type: 'artifact',
      startS: timeOf(e, s.start),
      endS: timeOf(e, s.end),
      peakS: timeOf(e, peak.index),
      amplitude: peak.value,
      snr: floor > 0 && peak.value > 0 ? peak.value / floor : 0,
      reason,
    });
  }
}

/** Seconds from the recording's start to sample `i`. */
function timeOf(e: EventSources, i: number): number {
  return e.startS + i / e.fs;
}

/** RMS of the finite samples of `x[from, to)`, 0 when there are none. */
function finiteRms(x: Float32Array, from: number, to: number): number {
  const meanSquare = finiteMeanSquare(x, from, to);
  return meanSquare === meanSquare ? Math.sqrt(meanSquare) : 0;
}
