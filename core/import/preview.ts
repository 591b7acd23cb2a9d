import type { Channel } from '../recording';
import { extremes } from '../stats/extremes';
import { labelWords, NOT_SIGNAL } from './labels';

/** What the import check shows of one column: its first seconds, an overview of all of it, its range and noise. */
export interface ChannelPreview {
  /** The first seconds as recorded (not filtered), at most PREVIEW_POINTS samples (min/max pairs when longer). */
  first: Float32Array;
  /** Seconds `first` covers. */
  firstS: number;
  /** Min and max per bucket over the whole recording, OVERVIEW_BUCKETS of each (NaN where a bucket is a gap). */
  overviewMin: Float32Array;
  overviewMax: Float32Array;
  /** Lowest and highest finite sample; NaN when there is none. */
  min: number;
  max: number;
  /**
   * Sample-to-sample noise: 1.4826 × median |x[i] − x[i−1]| / √2, a robust standard deviation of white noise
   * riding on the signal (Donoho's MAD estimator on first differences), in the channel's unit.
   */
  noise: number;
  /** Could be muscle signal though nothing named it so: numeric, varied, fast enough, not a named non-signal. */
  emgLike: boolean;
}

const FIRST_S = 2;
const PREVIEW_POINTS = 1200;
const OVERVIEW_BUCKETS = 240;
const NOISE_SAMPLES = 20_000;
/** Muscle signal needs at least this rate to show anything (surface EMG is sampled at 200 Hz and up). */
const EMG_LIKE_MIN_HZ = 200;

export function channelPreview(ch: Channel): ChannelPreview {
  const d = ch.data;
  const n = d.length;
  const firstN = Math.min(n, Math.max(2, Math.round(FIRST_S * ch.sampleRateHz)));
  const { min, max } = sampleRange(d);
  const overview = envelope(d, OVERVIEW_BUCKETS);
  return {
    first: firstN <= PREVIEW_POINTS ? d.slice(0, firstN) : interleave(envelope(d.subarray(0, firstN), PREVIEW_POINTS / 2)),
    firstS: firstN / ch.sampleRateHz,
    overviewMin: overview.min,
    overviewMax: overview.max,
    min,
    max,
    noise: diffNoise(d),
    emgLike: isEmgLike(ch, d),
  };
}

/** The extremes, or NaN for both when the channel holds no number. */
function sampleRange(d: Float32Array): { min: number; max: number } {
  const { min, max } = extremes(d);
  return min <= max ? { min, max } : { min: NaN, max: NaN };
}

function envelope(d: Float32Array, buckets: number): { min: Float32Array; max: Float32Array } {
  const k = Math.max(1, Math.min(buckets, d.length));
  const lo = new Float32Array(k).fill(NaN);
  const hi = new Float32Array(k).fill(NaN);
  for (let b = 0; b < k; b++) {
    const from = Math.floor((b * d.length) / k);
    const to = Math.floor(((b + 1) * d.length) / k);
    const { min, max } = extremes(d.subarray(from, to));
    if (min <= max) {
      lo[b] = min;
      hi[b] = max;
    }
  }
  return { min: lo, max: hi };
}

/** min, max, min, max…: a line through them draws the envelope of a stretch too long to draw sample by sample. */
function interleave(e: { min: Float32Array; max: Float32Array }): Float32Array {
  const out = new Float32Array(e.min.length * 2);
  for (let i = 0; i < e.min.length; i++) {
    out[2 * i] = e.min[i];
    out[2 * i + 1] = e.max[i];
  }
  return out;
}

function diffNoise(d: Float32Array): number {
  const step = Math.max(1, Math.floor(d.length / NOISE_SAMPLES));
  const diffs: number[] = [];
  for (let i = step; i < d.length; i += step) {
    const v = Math.abs(d[i] - d[i - 1]);
    if (v === v) diffs.push(v);
  }
  if (diffs.length === 0) return NaN;
  diffs.sort((a, b) => a - b);
  return (1.4826 * diffs[diffs.length >> 1]) / Math.SQRT2;
}

/** Unnamed or raw columns that vary over many values at a muscle-signal rate, and whose name says nothing else. */
function isEmgLike(ch: Channel, d: Float32Array): boolean {
  if (ch.kind === 'emg') return true;
  if (ch.kind !== 'other' || ch.dead || ch.sampleRateHz < EMG_LIKE_MIN_HZ || NOT_SIGNAL.test(labelWords(ch.label))) return false;
  if (!/^(|a\.u\.|adc|uv|counts?)$/i.test(ch.unit)) return false;
  // Labels, classes and digital lines take a handful of values; a signal takes many.
  const seen = new Set<number>();
  for (let i = 0; i < Math.min(d.length, 4000) && seen.size <= 16; i++) if (d[i] === d[i]) seen.add(d[i]);
  return seen.size > 16;
}
