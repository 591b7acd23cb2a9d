import { ZeroPhaseFilter } from '../dsp/filtfilt';
import { butterworthHighpass } from '../dsp/sos';
import type { Channel } from '../recording';

/**
 * What the timeline draws for a channel. EMG is high-passed so electrode offset and baseline wander do not
 * dwarf the spikes; accelerometer axes are drawn as recorded (gravity tells posture).
 */
export const EMG_DISPLAY_HIGHPASS_HZ = 20;

/** Zero-phase 4th-order Butterworth high-pass at 20 Hz (SENIAM surface EMG band edge, Hermens et al. 2000). */
export function displaySignal(ch: Channel): Float32Array {
  if (ch.kind !== 'emg' || ch.sampleRateHz <= 2 * EMG_DISPLAY_HIGHPASS_HZ) return ch.data;
  const filter = new ZeroPhaseFilter(
    butterworthHighpass(4, EMG_DISPLAY_HIGHPASS_HZ, ch.sampleRateHz),
    Math.round((3 * ch.sampleRateHz) / EMG_DISPLAY_HIGHPASS_HZ),
  );
  const out = new Float32Array(ch.data.length).fill(NaN);
  const d = ch.data;
  // Filter each unbroken stretch on its own: a NaN inside a recursive filter would spread to the end.
  let i = 0;
  while (i < d.length) {
    while (i < d.length && Number.isNaN(d[i])) i++;
    const start = i;
    while (i < d.length && !Number.isNaN(d[i])) i++;
    if (i > start) filter.apply(d, out, start, i);
  }
  return out;
}
