import { fftOfSize } from '../dsp/spectrum';
import type { Spikes } from './spikes';

export interface Rhythm {
  /** Frequency of the strongest line in the band, Hz (NaN when the stretch is too short). */
  hz: number;
  /** Its power over the median power from `floorLowHz` to `floorHighHz`. */
  prominence: number;
}

export interface RhythmOptions {
  fs: number;
  /** Discharges are counted in bins of this many seconds. */
  binS: number;
  /** Transform length, in bins (a power of two). */
  nfft: number;
  lowHz: number;
  highHz: number;
  floorLowHz: number;
  floorHighHz: number;
}

/**
 * The rhythm of a train of discharges: the Welch spectrum (Hann, half-overlapping segments) of discharge
 * counts in short bins, and its strongest line within [lowHz, highHz] over the spectrum's median level.
 * For a renewal train whose intervals vary with a CV c, the line at its rate stands (1 + φ) / (1 − φ)
 * above the level of random firing, φ = exp(−2π²c²) (Cox 1962): about 40x for c = 0.05 (tremor bursts
 * keep their period within a few percent), 10x for c = 0.1, under 5x for the c = 0.15-0.25 of voluntary
 * units, and 1x for random (Poisson) discharges such as fasciculations.
 */
export function rhythmOf(spikes: Spikes, from: number, to: number, start: number, end: number, o: RhythmOptions): Rhythm {
  const bin = Math.max(1, Math.round(o.binS * o.fs));
  const bins = Math.floor((end - start) / bin);
  const nfft = o.nfft;
  if (bins < nfft) return { hz: Number.NaN, prominence: 0 };
  const counts = new Float64Array(bins);
  for (let k = from; k < to; k++) {
    const b = Math.floor((spikes.at[k] - start) / bin);
    if (b >= 0 && b < bins) counts[b]++;
  }
  const fft = fftOfSize(nfft);
  const frame = new Float64Array(nfft);
  const out = fft.createComplexArray() as number[];
  const power = new Float64Array(nfft / 2 + 1);
  const hop = nfft >> 1;
  for (let at = 0; at + nfft <= bins; at += hop) {
    let mean = 0;
    for (let i = 0; i < nfft; i++) mean += counts[at + i];
    mean /= nfft;
    for (let i = 0; i < nfft; i++) frame[i] = (counts[at + i] - mean) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / nfft));
    fft.realTransform(out, frame);
    for (let k = 0; k < power.length; k++) power[k] += out[2 * k] * out[2 * k] + out[2 * k + 1] * out[2 * k + 1];
  }
  const binHz = 1 / (bin / o.fs) / nfft;
  const floorBins: number[] = [];
  for (let k = Math.ceil(o.floorLowHz / binHz); k <= Math.min(power.length - 1, Math.floor(o.floorHighHz / binHz)); k++) floorBins.push(power[k]);
  floorBins.sort((a, b) => a - b);
  const floor = floorBins[floorBins.length >> 1];
  let best = Math.ceil(o.lowHz / binHz);
  for (let k = best; k <= Math.min(power.length - 1, Math.floor(o.highHz / binHz)); k++) if (power[k] > power[best]) best = k;
  return { hz: best * binHz, prominence: floor > 0 ? power[best] / floor : 0 };
}
