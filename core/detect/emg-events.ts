import { absPeak } from '../dsp/abs-peak';
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
  const { id, fs, x, win } = e;
  const t = (i: number): number => e.startS + i / fs;
  const events: DetectedEvent[] = [];
  for (const tw of e.twitches) {
    events.push({
      channel: id,
      type: 'twitch',
      startS: t(tw.start),
      endS: t(tw.end),
      peakS: t(tw.peak),
      amplitude: tw.amplitude,
      snr: tw.amplitude / tw.floor,
      ...(tw.multiplet > 1 ? { multiplet: tw.multiplet } : {}),
    });
  }
  const span = (s: Span): Pick<DetectedEvent, 'startS' | 'endS' | 'peakS' | 'amplitude' | 'snr' | 'rms' | 'density'> => {
    const peak = absPeak(x, s.start, s.end);
    const floor = e.quietFloor[(peak.index / win) | 0];
    const spikes = countPeaks(e.envelope, s.start, s.end, e.twitchK * floor, e.separation);
    return {
      startS: t(s.start),
      endS: t(s.end),
      peakS: t(peak.index),
      amplitude: peak.value,
      snr: peak.value / floor,
      rms: finiteRms(x, s.start, s.end),
      density: spikes / ((s.end - s.start) / fs),
    };
  };
  for (const s of e.sustained) events.push({ channel: id, type: 'sustained', ...span(s) });
  for (const a of e.activity) {
    events.push({ channel: id, type: 'activity', pattern: a.pattern, ...span(a), ...(Number.isFinite(a.rhythmHz) ? { rhythmHz: Math.round(a.rhythmHz * 10) / 10 } : {}) });
  }
  for (const reason of ARTIFACT_ORDER) {
    for (const s of e.artifacts[reason]) {
      const peak = absPeak(x, s.start, s.end);
      const floor = e.localFloor[(peak.index / win) | 0];
      events.push({
        channel: id,
        type: 'artifact',
        startS: t(s.start),
        endS: t(s.end),
        peakS: t(peak.index),
        amplitude: peak.value,
        snr: floor > 0 && peak.value > 0 ? peak.value / floor : 0,
        reason,
      });
    }
  }
  return events.sort((a, b) => a.startS - b.startS);
}

/** RMS of the finite samples of `x[from, to)`, 0 when there are none. */
function finiteRms(x: Float32Array, from: number, to: number): number {
  let sum = 0;
  let m = 0;
  for (let i = from; i < to; i++) {
    const v = x[i];
    if (v === v) {
      sum += v * v;
      m++;
    }
  }
  return m > 0 ? Math.sqrt(sum / m) : 0;
}
