/**
 * Representative waveform snippets for the report: which events to show, and their signal cut from the
 * recording and band-passed for display the way detection sees it.
 */
import { channelsOf } from '../analysis/channels';
import type { AnalysedChannel, Analysis, DetectedEvent } from '../analysis/types';
import { ZeroPhaseFilter } from '../dsp/filtfilt';
import { butterworthBandpass, butterworthHighpass, cascade, notch, type Sos } from '../dsp/sos';
import type { Recording } from '../recording';

export interface Snippet {
  kind: 'twitch' | 'sustained';
  event: DetectedEvent;
  channel: AnalysedChannel;
  /** For accelerometers: the axis shown. */
  axis?: string;
  /** Display unit: µV for EMG, mg for accelerometers. */
  unit: 'µV' | 'mg';
  startS: number;
  sampleRateHz: number;
  /** Display signal; NaN where the recording has a gap. */
  values: Float32Array;
  /** Display band, e.g. "20–450 Hz". */
  band: string;
}

export const MAX_SNIPPETS = 6;
const MAX_TWITCH_SNIPPETS = 4;

/** Half-width of a twitch window: a surface motor-unit potential is 5–30 ms, a movement twitch 100–300 ms. */
const TWITCH_HALF_S = { emg: 0.075, accel: 0.75 } as const;
const SUSTAINED_BEFORE_S = 1;
const SUSTAINED_SHOW_S = 4;
/** Real signal either side of a snippet so filters settle: a Q 30 notch at 50 Hz rings for about 0.2 s (1/(π·1.7 Hz)). */
const FILTER_PAD_S = { emg: 1.5, accel: 2 } as const;

const usable = (e: DetectedEvent) => e.review !== 'rejected';

/**
 * Up to four twitches, one of median amplitude from each of the busiest locations (more from the busiest
 * when there are few locations), then the longest sustained episode.
 */
export function pickSnippetEvents(analysis: Analysis): DetectedEvent[] {
  const siteOf = new Map(analysis.channels.map((c) => [c.id, c.site ?? c.label]));
  const byLocation = new Map<string, DetectedEvent[]>();
  for (const e of analysis.events) {
    if (e.type !== 'twitch' || !usable(e)) continue;
    const key = siteOf.get(e.channel) ?? e.channel;
    const list = byLocation.get(key) ?? [];
    list.push(e);
    byLocation.set(key, list);
  }
  const groups = [...byLocation.values()]
    .sort((a, b) => b.length - a.length)
    .map((g) => [...g].sort((a, b) => a.amplitude - b.amplitude));
  const sustained = analysis.events
    .filter((e) => e.type === 'sustained' && usable(e))
    .sort((a, b) => b.endS - b.startS - (a.endS - a.startS));
  const twitchSlots = Math.min(MAX_TWITCH_SNIPPETS, MAX_SNIPPETS - Math.min(1, sustained.length));
  const picked: DetectedEvent[] = [];
  // Quantiles to take from each location on successive rounds: typical first, then smaller and larger.
  const rounds = [0.5, 0.9, 0.2, 0.75];
  for (const q of rounds) {
    for (const g of groups) {
      if (picked.length >= twitchSlots) break;
      const candidate = g[Math.min(g.length - 1, Math.floor(q * g.length))];
      if (!picked.includes(candidate)) picked.push(candidate);
    }
  }
  picked.sort((a, b) => a.peakS - b.peakS);
  if (sustained.length > 0) picked.push(sustained[0]);
  return picked;
}

export function extractSnippet(rec: Recording, analysis: Analysis, event: DetectedEvent): Snippet | null {
  const channel = analysis.channels.find((c) => c.id === event.channel);
  const sources = channelsOf(rec, event.channel);
  if (!channel || sources.length === 0) return null;
  const kind = event.type === 'sustained' ? 'sustained' : 'twitch';
  const fs = sources[0].sampleRateHz;
  const offsetS = sources[0].startS;
  const [fromS, toS] =
    kind === 'twitch'
      ? [event.peakS - TWITCH_HALF_S[channel.kind], event.peakS + TWITCH_HALF_S[channel.kind]]
      : [event.startS - SUSTAINED_BEFORE_S, Math.min(event.endS + SUSTAINED_BEFORE_S, event.startS + SUSTAINED_SHOW_S)];
  const n = sources[0].data.length;
  const from = Math.max(0, Math.round((fromS - offsetS) * fs));
  const to = Math.min(n, Math.round((toS - offsetS) * fs));
  if (to - from < 8) return null;
  const pad = Math.round(FILTER_PAD_S[channel.kind] * fs);
  const padFrom = Math.max(0, from - pad);
  const padTo = Math.min(n, to + pad);
  const mainsHz = analysis.summary.channels.find((s) => s.channel === channel.id)?.mainsHz ?? null;
  const { filter, band } = displayFilter(channel.kind, fs, mainsHz);
  const scale = channel.kind === 'emg' ? 1 : 1000;
  let best: { values: Float32Array; axis?: string; size: number } | null = null;
  for (const src of sources) {
    const filtered = bandpassed(src.data, padFrom, padTo, filter);
    const values = filtered.subarray(from - padFrom, to - padFrom);
    for (let i = 0; i < values.length; i++) values[i] *= scale;
    const size = peakAbs(values, Math.round((event.startS - offsetS) * fs) - from, Math.round((event.endS - offsetS) * fs) - from + 1);
    if (!best || size > best.size) best = { values, axis: src.axis, size };
  }
  if (!best) return null;
  return {
    kind,
    event,
    channel,
    ...(channel.kind === 'accel' && best.axis ? { axis: best.axis } : {}),
    unit: channel.kind === 'emg' ? 'µV' : 'mg',
    startS: offsetS + from / fs,
    sampleRateHz: fs,
    values: best.values,
    band,
  };
}

export function snippetsFor(rec: Recording, analysis: Analysis): Snippet[] {
  const out: Snippet[] = [];
  for (const e of pickSnippetEvents(analysis)) {
    const s = extractSnippet(rec, analysis, e);
    if (s) out.push(s);
  }
  return out;
}

/** Notch quality of the mains filter, as detection uses (Q 30 keeps the EMG band; Mewett et al. 2004). */
const MAINS_Q = 30;

// Same band as detection (SENIAM 20–450 Hz for EMG; 5–45 Hz twitch band for accelerometers), Butterworth
// order 4 run forward and backward so peaks stay where they happened; where detection found mains hum,
// the same notches at the mains frequency and its harmonics, so the trace shows what was analysed.
function displayFilter(kind: 'emg' | 'accel', fs: number, mainsHz: number | null): { filter: ZeroPhaseFilter; band: string } {
  const [low, high] = kind === 'emg' ? [20, 450] : [5, 45];
  const top = Math.min(high, 0.45 * fs);
  const parts: Sos[] = [top > low * 1.5 ? butterworthBandpass(4, low, top, fs) : butterworthHighpass(4, low, fs)];
  if (kind === 'emg' && mainsHz) for (let f = mainsHz; f < Math.min(top * 1.1, 0.49 * fs); f += mainsHz) parts.push(notch(f, MAINS_Q, fs));
  const sos = cascade(...parts);
  const band = `${top > low * 1.5 ? `${low}–${Math.round(top)} Hz` : `above ${low} Hz`}${parts.length > 1 ? `, ${mainsHz} Hz notched` : ''}`;
  return { filter: new ZeroPhaseFilter(sos, 6 * sos.sections), band };
}

/** Filters data[from, to) with gaps held at zero, then puts the gaps back as NaN. */
function bandpassed(data: Float32Array, from: number, to: number, filter: ZeroPhaseFilter): Float32Array {
  const x = data.slice(from, to);
  let mean = 0;
  let finite = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) {
      mean += x[i];
      finite++;
    }
  }
  mean = finite > 0 ? mean / finite : 0;
  const gap = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) x[i] -= mean;
    else {
      gap[i] = 1;
      x[i] = 0;
    }
  }
  filter.apply(x, x);
  for (let i = 0; i < x.length; i++) if (gap[i]) x[i] = NaN;
  return x;
}

function peakAbs(x: Float32Array, from: number, to: number): number {
  let m = 0;
  for (let i = Math.max(0, from); i < Math.min(x.length, to); i++) {
    const a = Math.abs(x[i]);
    if (a > m) m = a;
  }
  return m;
}
