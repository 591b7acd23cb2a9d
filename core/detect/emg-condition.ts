import { bandpassDesign } from '../dsp/design-cache';
import { movingRmsGapFree } from '../dsp/envelope';
import { ZeroPhaseFilter } from '../dsp/filtfilt';
import { finiteQuantile, slidingQuantile, windowedSigma } from '../dsp/robust';
import { findMains, foldedHz, notchesFor, residualHum, type MainsFinding } from '../dsp/mains';
import { subtractHum } from '../dsp/hum';
import { nextPowerOfTwo, welchSpectrum, type PowerSpectrum } from '../dsp/spectrum';
import { fillShortGaps } from './gaps';
import { findPotentials, type Potentials } from './hysteresis';
import type { EmgParams } from './params';
import { findRawArtifacts } from './raw-artifacts';
import { irregularBlocks } from './raw-blocks';
import { complement, dilateSpans, mergeSpans, nanOutside, splitRuns, type Span } from './spans';
import type { Workspace } from './workspace';

/** A channel's samples with short holes filled, and where it cannot be read. */
export interface Prepared {
  fs: number;
  n: number;
  data: Float32Array;
  /** Samples next to filled-in cells: no potential may peak there. */
  patched: Span[];
  gaps: Span[];
  clipping: Span[];
  flat: Span[];
  /** Gap-free stretches the filters run over (clipped and flat stretches taken out). */
  runs: Span[];
  /** Gaps, clipping and flat: no usable signal. */
  blanks: Span[];
  /** The ends of each run, where the filters still ring. */
  edges: Span[];
}

export function prepare(input: { data: Float32Array; fs: number; range?: { min: number; max: number } }, p: EmgParams): Prepared {
  const { fs } = input;
  const samples = (s: number): number => Math.round(s * fs);
  // One read of the raw samples finds where both the gap filler and the clipping scan must look.
  const blocks = irregularBlocks(input.data);
  const { data, filled, finite } = fillGaps(input, p, blocks);
  const n = data.length;
  const patchMargin = samples(p.patchMarginMs / 1000);
  const patched = dilateSpans(filled, patchMargin, n);
  const raw = findRawArtifacts(data, p.clipMinRun, Math.max(p.clipMinRun + 1, samples(p.flatMinS)), input.range, blocks);
  const minRun = samples(p.minRunS);
  const gaps = complement(
    finite.filter((r) => r.end - r.start >= minRun),
    n,
  );
  // Filters never see clipped or flat stretches: their steps would ring for seconds in the motion band.
  // A few samples either side go too: a filled-in cell next to the rail is half-way to it.
  const runs = splitRuns(finite, dilateSpans([...raw.clipping, ...raw.flat], patchMargin, n), minRun);
  const edge = samples(p.filterEdgeS);
  const edges = runs.flatMap((r) => [
    { start: r.start, end: Math.min(r.end, r.start + edge) },
    { start: Math.max(r.start, r.end - edge), end: r.end },
  ]);
  return {
    fs,
    n,
    data,
    patched,
    gaps,
    clipping: dilateSpans(raw.clipping, samples(p.clipMarginS), n),
    flat: mergeSpans(raw.flat),
    runs,
    blanks: mergeSpans([...gaps, ...raw.clipping, ...raw.flat]),
    edges,
  };
}

function fillGaps(input: { data: Float32Array; fs: number }, p: EmgParams, blocks?: Int32Array): ReturnType<typeof fillShortGaps> {
  return fillShortGaps(input.data, Math.max(1, Math.round((p.maxFilledGapMs / 1000) * input.fs)), blocks);
}

/** The samples as `prepare` fills them in (the input itself when it has no short holes). */
export function filledSamples(input: { data: Float32Array; fs: number }, p: EmgParams): Float32Array {
  return fillGaps(input, p).data;
}

/** The conditioned signal: band-passed, mains removed, NaN outside the runs. */
export interface Conditioned {
  x: Float32Array;
  mains: MainsFinding;
  highHz: number;
  /** With mains found: what its lines still hold after filtering (largest prominence, share of the band's power). */
  humLeft: { prominence: number; share: number } | null;
  /** Power of the harmonics folded back from above Nyquist, over the band's power outside every mains line, before filtering (0 without any). */
  foldedHum: number;
}

/**
 * Mains lines from the raw spectrum (folded-back harmonics included), then one zero-phase band-pass with a
 * notch per line over each run; with mains found, the conditioned signal's spectrum says what is left of it.
 * Written into `out` when given (a signal to keep), else into the workspace.
 */
export function condition(prep: Prepared, p: EmgParams, highHz: number, ws: Workspace, spectrumDone: () => void, out?: Float32Array): Conditioned {
  const { fs, n, data, runs } = prep;
  const nfft = nextPowerOfTwo(Math.round(fs));
  const maxHz = Math.min(0.45 * fs, highHz * 1.1);
  const lastBin = lastBinRead(maxHz, fs / nfft, p.mainsHarmonics);
  const spectrum = welchSpectrum(data, fs, nfft, p.welchSegments, lastBin);
  const mains = spectrum ? findMains(spectrum, { fs, minHz: p.bandLowHz, maxHz, minProminence: p.mainsProminence, maxHarmonic: p.mainsHarmonics }) : { mainsHz: null, lines: [] };
  spectrumDone();
  const foldedHum = spectrum ? foldedHumRatio(spectrum, mains, p.bandLowHz, highHz) : 0;
  const design = bandpassDesign(p.filterOrder, p.bandLowHz, highHz, fs, notchesFor(mains.lines, p.notchQ, p.mainsDriftHz));
  // The workspace's x overlays the forward output kept in `memory.forward` (see Workspace.signal): runs are
  // filtered from the last back, as a run's forward output reaches into x only below the later runs'
  // samples, and NaN is written outside the runs afterwards. A signal to keep is an array of its own, and
  // its forward passes are run twice rather than hold 8 bytes a sample more while it is made.
  const memory = out ? null : ws.signal(n);
  const x = out ?? memory!.x;
  const band = new ZeroPhaseFilter(design, Math.round(0.5 * fs), ws.filter);
  for (let k = runs.length - 1; k >= 0; k--) band.apply(data, x, runs[k].start, runs[k].end, memory?.forward);
  nanOutside(x, runs);
  const left = (): Conditioned['humLeft'] => {
    const residual = mains.lines.length > 0 ? welchSpectrum(x, fs, nfft, p.welchSegments, lastBin) : null;
    return residual ? residualHum(residual, mains.lines, p.bandLowHz, highHz) : null;
  };
  let humLeft = left();
  // Where the notches leave hum (its amplitude wanders, or folded harmonics drift past them), the lines are
  // tracked and subtracted, and what is left is measured again.
  if (humLeft && humLeft.share >= p.humTrackShare && mains.mainsHz !== null) {
    const harmonics = inBandHarmonics(mains.mainsHz, fs, p.bandLowHz, highHz, p.mainsHarmonics);
    for (const r of runs) subtractHum(x, data, r.start, r.end, fs, mains.mainsHz, harmonics, p.humWindowS);
    humLeft = left();
  }
  return { x, mains, highHz, humLeft, foldedHum };
}

/**
 * The highest bin that findMains (lines up to `maxHz`), residualHum and foldedHumRatio (lines found there,
 * band up to highHz <= `maxHz`) can read, so the spectra need no median above it. measureLine reads
 * centre ± hi, hi = max(lo + 2, round(12 Hz / bin)), lo = max(reach + 1, round(3 Hz / bin)), reach =
 * max(1, round(max(1 Hz, 0.1 h) / bin)) for harmonic h <= `maxHarmonic`; a found line lies at most reach + 1
 * bins past its nominal centre, and the hum's excess is read within reach of it. The bound below is that
 * plus one hi more, with a bin to spare; tests/detect/emg-spectrum-bins.test.ts records the bins read.
 */
export function lastBinRead(maxHz: number, binHz: number, maxHarmonic: number): number {
  const reach = Math.max(1, Math.round(Math.max(1, 0.1 * maxHarmonic) / binHz));
  const lo = Math.max(reach + 1, Math.round(3 / binHz));
  const hi = Math.max(lo + 2, Math.round(12 / binHz));
  return Math.round(maxHz / binHz) + 2 * hi + 2;
}

/** The folded lines' excess power over the power of the band outside every mains line (what is not hum). */
function foldedHumRatio(spectrum: PowerSpectrum, mains: MainsFinding, lowHz: number, highHz: number): number {
  const folded = mains.lines.filter((l) => l.aliased);
  if (folded.length === 0) return 0;
  const rest = 1 - residualHum(spectrum, mains.lines, lowHz, highHz).share;
  return rest > 0 ? residualHum(spectrum, folded, lowHz, highHz).share / rest : Infinity;
}

/** Every harmonic up to `maxHarmonic` that lands in the band, folded back or not: several may land on one line. */
function inBandHarmonics(f0: number, fs: number, lowHz: number, highHz: number, maxHarmonic: number): number[] {
  const out: number[] = [];
  for (let h = 1; h <= maxHarmonic; h++) {
    const hz = foldedHz(h * f0, fs);
    if (hz >= lowHz / 2 && hz <= highHz * 1.1) out.push(h);
  }
  return out;
}

/** Robust noise floors per window of `win` samples: local (for twitches), quiet (for dense activity), and the channel's median. */
export interface Floors {
  win: number;
  local: Float64Array;
  quiet: Float64Array;
  median: number;
}

export function noiseFloors(x: Float32Array, p: EmgParams, fs: number): Floors {
  const win = Math.max(1, Math.round(p.noiseWindowS * fs));
  const sigma = windowedSigma(x, win);
  const reach = Math.max(1, Math.round(p.noiseNeighbourhoodS / p.noiseWindowS));
  return { win, local: slidingQuantile(sigma, reach, 0.25), quiet: slidingQuantile(sigma, reach * 4, 0.1), median: finiteQuantile(sigma, 0.5) };
}

/** The short envelope and the candidate potentials: `weak` at the heartbeat threshold, `pot` at the twitch threshold. */
export interface Candidates {
  envelope: Float32Array;
  envelopeWidth: number;
  weak: Potentials;
  weakSpans: Span[];
  pot: Potentials;
}

export function findCandidates(x: Float32Array, runs: readonly Span[], floors: Floors, p: EmgParams, fs: number, ws: Workspace): Candidates {
  const n = x.length;
  const envelope = nanOutside(ws.envelope(n), runs);
  const envelopeWidth = Math.max(1, Math.round((p.envelopeMs / 1000) * fs)) | 1;
  for (const r of runs) movingRmsGapFree(x.subarray(r.start, r.end), envelopeWidth, envelope.subarray(r.start, r.end));
  const { local: floor, win: floorWindow } = floors;
  // One candidate per heartbeat, at a lower threshold so the train stays whole. Twitch candidates, at a
  // threshold no lower, can only start inside these.
  const weak = findPotentials({ x, envelope, floor, floorWindow, high: Math.min(p.ecgK, p.twitchK), low: p.releaseK, mergeGap: Math.round((p.qrsMergeMs / 1000) * fs) });
  const weakSpans = mergeSpans(weak.spans());
  const pot = findPotentials({ x, envelope, floor, floorWindow, high: p.twitchK, low: p.releaseK, mergeGap: Math.round((p.mergeGapMs / 1000) * fs), within: weakSpans });
  return { envelope, envelopeWidth, weak, weakSpans, pot };
}
