import { binMeanSquares, blockMeans } from '../dsp/bin-sums';
import { bandOfMeans } from '../dsp/envelope';
import { finiteQuantile, windowedSigma } from '../dsp/robust';
import type { EmgParams } from './params';
import { dilateSpans, mergeSpans, overlapsAny, runsOf, type Span } from './spans';
import type { Workspace } from './workspace';

/**
 * Motion artifacts: large, broad, low-frequency shifts (below ~20 Hz, De Luca et al. 2010). A 50 ms bin
 * is a motion candidate when its low-band (about 2-15 Hz) RMS exceeds `motionK` times both that band's own floor and the
 * EMG noise floor, and exceeds the EMG band's RMS in the bin; a run of such bins is motion when, with a bin either side, it holds more energy
 * below 15 Hz than in the EMG band. A large motor-unit potential leaks a little low-band energy into
 * the bins beside it but carries far more in the EMG band, so it never passes. Bins inside heartbeats are
 * skipped (a QRS is mostly below 15 Hz).
 */
export function findMotion(bands: MotionBands, n: number, fs: number, p: EmgParams, beats: Span[], emgFloor: Float64Array, emgWindow: number): Span[] {
  const { powerLow, powerBand, bin, bins } = bands;
  const flagged = flagBins(powerLow, powerBand, bin, n, p.motionK, bands.floor, emgFloor, emgWindow, beats);
  const spans: Span[] = [];
  for (const r of mergeSpans(runsOf(flagged), 2)) {
    let el = 0;
    let ex = 0;
    for (let k = Math.max(0, r.start - 1); k < Math.min(bins, r.end + 1); k++) {
      el += powerLow[k];
      ex += powerBand[k];
    }
    if (el > ex) spans.push({ start: r.start * bin, end: Math.min(n, r.end * bin) });
  }
  return dilateSpans(spans, Math.round(p.motionMarginS * fs), n);
}

/**
 * The motion test's inputs that heartbeats do not change: per bin of `bin` samples, the mean square of the
 * low band and of the EMG band, and the low band's floor; null when the low band has no floor (no motion).
 */
export interface MotionBands {
  powerLow: Float64Array;
  powerBand: Float64Array;
  floor: number;
  bin: number;
  bins: number;
}

/** The 5 ms blocks the low band is formed from, samples. */
function motionBlock(p: EmgParams, fs: number): number {
  return Math.max(1, Math.round((p.motionBlockMs / 1000) * fs));
}

/** Blocks per motion bin. */
function blocksPerBin(p: EmgParams, fs: number): number {
  return Math.max(1, Math.round(p.motionBinMs / 1000 / (motionBlock(p, fs) / fs)));
}

/** The bins motion is judged in, samples: motionBands reads the EMG band's power of the `n / bin` bins, the last one cut short. */
export function motionBin(p: EmgParams, fs: number): number {
  return blocksPerBin(p, fs) * motionBlock(p, fs);
}

/**
 * `powerBand`: the mean square of the conditioned signal per bin of motionBin samples (binMeanSquares,
 * ceil(n / bin) bins), the last one cut short.
 */
export function motionBands(data: Float32Array, powerBand: Float64Array, runs: Span[], fs: number, p: EmgParams, ws: Workspace): MotionBands | null {
  const n = data.length;
  // Motion lives below ~15 Hz, so the low band is formed from 5 ms block means: far less work, same answer.
  const block = motionBlock(p, fs);
  const blocks = Math.ceil(n / block);
  // In the workspace: for a day-long channel these are 200 MB, freed with it rather than left to the collector.
  const means = ws.floats('motionMeans', blocks).fill(Number.NaN);
  for (const r of runs) blockMeans(data, r.start, r.end, block, means);
  const blockS = block / fs;
  const low = bandOfMeans(means, Math.round(p.motionShortMs / 1000 / blockS) | 1, Math.round(p.motionLongMs / 1000 / blockS) | 1, ws.floats('motionLow', blocks));
  const floor = finiteQuantile(windowedSigma(low, Math.max(1, Math.round(1 / blockS))), 0.5);
  if (!(floor > 0)) return null;
  const perBin = blocksPerBin(p, fs);
  const bin = perBin * block;
  const bins = Math.ceil(n / bin);
  const powerLow = binMeanSquares(low, perBin, bins);
  zeroUnseen(powerLow, powerBand);
  return { powerLow, powerBand, floor, bin, bins };
}

/** A bin without a finite sample in either band counts as no power in both. */
function zeroUnseen(powerLow: Float64Array, powerBand: Float64Array): void {
  for (let b = 0; b < powerLow.length; b++) {
    if (!(powerLow[b] === powerLow[b] && powerBand[b] === powerBand[b])) {
      powerLow[b] = 0;
      powerBand[b] = 0;
    }
  }
}

/**
 * 1 for a motion candidate bin: more low-band than EMG-band power, low-band RMS over `k` times the larger
 * of the low band's floor and the EMG floor there, and clear of heartbeats.
 */
function flagBins(
  powerLow: Float64Array,
  powerBand: Float64Array,
  bin: number,
  n: number,
  k: number,
  lowFloor: number,
  emgFloor: Float64Array,
  emgWindow: number,
  beats: Span[],
): Uint8Array {
  const flagged = new Uint8Array(powerLow.length);
  for (let b = 0; b < powerLow.length; b++) {
    const from = b * bin;
    const level = k * Math.max(lowFloor, emgFloor[(from / emgWindow) | 0]);
    if (powerLow[b] > powerBand[b] && Math.sqrt(powerLow[b]) > level && !overlapsAny(beats, from, Math.min(n, from + bin))) flagged[b] = 1;
  }
  return flagged;
}

