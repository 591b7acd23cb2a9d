import { EMG_DEFAULTS } from '../detect/params';
import { bandpassDesign } from '../dsp/design-cache';
import { ZeroPhaseFilter } from '../dsp/filtfilt';
import { findMains, notchesFor } from '../dsp/mains';
import { nextPowerOfTwo, welchSpectrum } from '../dsp/spectrum';
import type { Channel } from '../recording';

/**
 * What the timeline draws for a channel. EMG is drawn as the detector conditions it (band-passed, mains
 * notched), so offset, wander and hum do not hide the spikes the counts are about; accelerometer axes are
 * drawn as recorded (gravity tells posture).
 */
/** Which signal a trace draws: as the detector conditions it, or as recorded. */
export type SignalView = 'filtered' | 'raw';

export interface DisplaySignal {
  data: Float32Array;
  /** How the drawn signal differs from the recorded one, in a few words, or null when it does not. */
  description: string | null;
}

/** The spectrum's share of the work, as progress: the filtering is the rest. */
const SPECTRUM_SHARE = 0.15;

/** Spectrum stretches for finding mains: enough for a stable median, cheap next to the filtering. */
const WELCH_SEGMENTS = 16;

/**
 * Zero-phase Butterworth band-pass at the detector's band (SENIAM, Hermens et al. 2000) with notches at
 * the mains lines found in a median Welch spectrum, the same conditioning `core/detect/emg.ts` applies.
 * `onProgress` hears the fraction done after the spectrum and after each filtered stretch.
 */
export function displaySignal(ch: Channel, onProgress?: (fraction: number) => void): DisplaySignal {
  const fs = ch.sampleRateHz;
  const low = EMG_DEFAULTS.bandLowHz.value;
  if (ch.kind !== 'emg' || fs <= 2.5 * low) return { data: ch.data, description: null };
  const high = Math.min(EMG_DEFAULTS.bandHighHz.value, 0.45 * fs);
  const spectrum = welchSpectrum(ch.data, fs, nextPowerOfTwo(Math.round(fs)), WELCH_SEGMENTS);
  const mains = spectrum
    ? findMains(spectrum, { fs, minHz: low, maxHz: Math.min(0.45 * fs, high * 1.1), minProminence: EMG_DEFAULTS.mainsProminence.value, maxHarmonic: EMG_DEFAULTS.mainsHarmonics.value })
    : { mainsHz: null, lines: [] };
  onProgress?.(SPECTRUM_SHARE);
  const design = bandpassDesign(EMG_DEFAULTS.filterOrder.value, low, high, fs, notchesFor(mains.lines, EMG_DEFAULTS.notchQ.value, EMG_DEFAULTS.mainsDriftHz.value));
  const filter = new ZeroPhaseFilter(design, Math.round((3 * fs) / low));
  const out = new Float32Array(ch.data.length).fill(NaN);
  const d = ch.data;
  // Filter each unbroken stretch on its own: a NaN inside a recursive filter would spread to the end.
  let i = 0;
  while (i < d.length) {
    while (i < d.length && Number.isNaN(d[i])) i++;
    const start = i;
    while (i < d.length && !Number.isNaN(d[i])) i++;
    if (i > start) filter.apply(d, out, start, i);
    onProgress?.(SPECTRUM_SHARE + (1 - SPECTRUM_SHARE) * (i / d.length));
  }
  const band = `${round(low)}–${round(high)} Hz`;
  return { data: out, description: mains.mainsHz ? `${band}, ${mains.mainsHz} Hz hum notched` : band };
}

function round(hz: number): number {
  return Math.round(hz);
}
