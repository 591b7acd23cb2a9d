/**
 * The processing each channel actually had: the band its rate allowed, the mains notches and the heartbeats
 * taken out. Methods prints it per channel; the key findings warn when the band was cut short.
 */
import type { AnalysedChannel, Analysis } from '../analysis/types';
import { formatNumber } from '../format';

/** Detection keeps the band below 0.45 × the sample rate (core/detect/emg.ts, accel.ts). */
const NYQUIST_SHARE = 0.45;
/** Below this ratio of top to bottom edge there is no band left to analyse (as detection decides). */
const MIN_BAND_RATIO = 1.5;
/** Below this rate an EMG channel loses the fast part of a motor-unit potential (detection's own note). */
export const FULL_BAND_RATE_HZ = 500;

export interface ChannelProcessing {
  channel: AnalysedChannel;
  /** [low, high] Hz actually applied, or null when the rate left no band to analyse. */
  band: [number, number] | null;
  /** The band the settings ask for, before the rate cut it. */
  wantedHighHz: number;
  mainsHz: number | null;
  heartbeats: number;
}

const num = (g: unknown, k: string, fallback: number): number => {
  const v = typeof g === 'object' && g !== null ? (g as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' ? v : fallback;
};

export function channelProcessing(analysis: Analysis): ChannelProcessing[] {
  return analysis.channels.map((c) => {
    const group = analysis.parameters[c.kind];
    const low = num(group, 'bandLowHz', c.kind === 'emg' ? 20 : 5);
    const wantedHighHz = num(group, 'bandHighHz', c.kind === 'emg' ? 450 : 45);
    const high = Math.min(wantedHighHz, NYQUIST_SHARE * c.sampleRateHz);
    const summary = analysis.summary.channels.find((s) => s.channel === c.id);
    const heartbeats = analysis.events.filter((e) => e.channel === c.id && e.type === 'artifact' && e.reason === 'ecg').length;
    return { channel: c, band: high >= low * MIN_BAND_RATIO ? [low, high] : null, wantedHighHz, mainsHz: summary?.mainsHz ?? null, heartbeats };
  });
}

/** "20–90 Hz", or "none (rate too low)". */
export function bandText(p: ChannelProcessing): string {
  return p.band ? `${formatNumber(p.band[0])}–${formatNumber(p.band[1])} Hz` : 'none: sampled too slowly';
}
