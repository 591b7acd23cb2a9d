import type { PowerSpectrum } from './spectrum';

export interface MainsLine {
  harmonic: number;
  /** Where the line sits in the recorded band: the harmonic itself, or where it folds back to from above Nyquist. */
  freqHz: number;
  /** Peak power over the median power of the bins around it. */
  prominence: number;
  /** The harmonic lies above Nyquist and folded back (aliasing). */
  aliased: boolean;
}

export interface MainsFinding {
  mainsHz: 50 | 60 | null;
  /** Lines to remove: the harmonics that stand out from their neighbourhood. */
  lines: MainsLine[];
}

export interface MainsSearch {
  fs: number;
  /** Lines are looked for from `minHz` to `maxHz`. */
  minHz: number;
  maxHz: number;
  minProminence: number;
  /** Harmonics up to this order are looked for, folded back into the band when above Nyquist. */
  maxHarmonic: number;
}

/** Where a tone at `hz` lands after sampling at `fs`: folded into 0..fs/2. */
export function foldedHz(hz: number, fs: number): number {
  const r = hz % fs;
  return r <= fs / 2 ? r : fs - r;
}

/**
 * Mains hum: for 50 and 60 Hz, how far each harmonic stands above the median of its neighbourhood (±3–12 Hz,
 * clear of the line). Harmonics above Nyquist are looked for where they fold back to, as they do on
 * devices without a sharp anti-aliasing filter (a harmonic landing within 2 Hz of a lower one's line is
 * that line). The family whose fundamental or third harmonic stands out more wins; its lines above
 * `minProminence` are returned.
 */
export function findMains(spec: PowerSpectrum, o: MainsSearch): MainsFinding {
  let best: MainsFinding = { mainsHz: null, lines: [] };
  let bestScore = 0;
  for (const f0 of [50, 60] as const) {
    const lines: MainsLine[] = [];
    const seen: number[] = [];
    let score = 0;
    for (let h = 1; h <= o.maxHarmonic; h++) {
      const hz = foldedHz(h * f0, o.fs);
      const aliased = h * f0 > o.fs / 2;
      if (hz < o.minHz || hz > o.maxHz || seen.some((s) => Math.abs(s - hz) < 2)) continue;
      seen.push(hz);
      // A harmonic drifts h times as far as the fundamental; the peak is looked for that far out.
      const line = measureLine(spec, hz, Math.max(1, 0.1 * h));
      if (!line) continue;
      if (h === 1 || h === 3) score = Math.max(score, line.prominence);
      if (line.prominence >= o.minProminence) lines.push({ harmonic: h, ...line, aliased });
    }
    if (score >= o.minProminence && score > bestScore) {
      bestScore = score;
      best = { mainsHz: f0, lines };
    }
  }
  return best;
}

/**
 * The notch for each line: Q as asked, widened where the line may drift further than the notch is wide
 * (a harmonic h drifts h x `driftHz`; folded back, it can land low in the band, where a Q 30 notch is
 * only a fraction of a hertz wide).
 */
export function notchesFor(lines: readonly MainsLine[], q: number, driftHz: number): Array<{ hz: number; q: number }> {
  return lines.map((l) => ({ hz: l.freqHz, q: Math.min(q, l.freqHz / Math.max(l.freqHz / q, 2 * driftHz * l.harmonic)) }));
}

/**
 * What the lines still hold after filtering, in `residual` (the spectrum of the conditioned signal): the
 * largest prominence left at any line, and the share of the band's power (from `minHz` to `maxHz`) in the
 * excess over the neighbourhood within ±`reachHz` of the lines.
 */
export function residualHum(residual: PowerSpectrum, lines: readonly MainsLine[], minHz: number, maxHz: number): { prominence: number; share: number } {
  const { power, binHz } = residual;
  let total = 0;
  for (let k = Math.ceil(minHz / binHz); k <= Math.min(power.length - 1, Math.floor(maxHz / binHz)); k++) total += power[k];
  let excess = 0;
  let prominence = 0;
  for (const l of lines) {
    const line = measureLine(residual, l.freqHz, Math.max(1, 0.1 * l.harmonic));
    if (!line) continue;
    prominence = Math.max(prominence, line.prominence);
    const floor = line.floor;
    const reach = Math.max(1, Math.round(Math.max(1, 0.1 * l.harmonic) / binHz));
    const centre = Math.round(l.freqHz / binHz);
    for (let k = centre - reach; k <= centre + reach; k++) excess += Math.max(0, power[k] - floor);
  }
  return { prominence, share: total > 0 ? excess / total : 0 };
}

function measureLine(spec: PowerSpectrum, nominalHz: number, reachHz: number): { freqHz: number; prominence: number; floor: number } | null {
  const { power, binHz } = spec;
  const centre = Math.round(nominalHz / binHz);
  const reach = Math.max(1, Math.round(reachHz / binHz));
  const lo = Math.max(reach + 1, Math.round(3 / binHz));
  const hi = Math.max(lo + 2, Math.round(12 / binHz));
  if (centre + hi >= power.length || centre - hi < 1) return null;
  let peakBin = centre;
  for (let k = centre - reach; k <= centre + reach; k++) if (power[k] > power[peakBin]) peakBin = k;
  const around: number[] = [];
  for (let d = lo; d <= hi; d++) around.push(power[centre - d], power[centre + d]);
  around.sort((a, b) => a - b);
  const floor = around[around.length >> 1];
  if (!(floor > 0)) return null;
  const a = power[peakBin - 1];
  const b = power[peakBin];
  const c = power[peakBin + 1];
  // Quadratic interpolation of the peak bin (Smith, "Spectral Audio Signal Processing", QIFFT).
  const denom = a - 2 * b + c;
  const offset = denom !== 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom)) : 0;
  return { freqHz: (peakBin + offset) * binHz, prominence: b / floor, floor };
}

/**
 * How far events keep step with the mains: the hum's phase at each peak (from `data`, demodulated at `f0`
 * over `cycles` whole cycles around it, less the window's mean), and Rayleigh's statistic z = n R^2 over
 * them (R the length of the mean unit phasor; Mardia & Jupp 2000, 5.3.1). Events independent of the mains
 * fall at any phase (z about 1, P(z > k) = exp(-k)); hum leftovers, whose sharp features come at one point
 * of the mains cycle, cluster.
 */
export function mainsLocking(data: Float32Array, peaks: readonly number[], fs: number, f0: number, cycles = 10): number {
  const w = (2 * Math.PI * f0) / fs;
  const half = Math.round((cycles * fs) / f0 / 2);
  // The demodulating phasor depends only on the offset from the peak: computed once, not at every peak.
  const cos = new Float64Array(2 * half + 1);
  const sin = new Float64Array(2 * half + 1);
  for (let d = -half; d <= half; d++) {
    cos[d + half] = Math.cos(w * d);
    sin[d + half] = Math.sin(w * d);
  }
  const phasor = new Float64Array(2);
  let c = 0;
  let s = 0;
  let n = 0;
  for (const i of peaks) {
    if (!humAround(data, i, half, cos, sin, phasor)) continue;
    const r = Math.hypot(phasor[0], phasor[1]);
    if (!(r > 0)) continue;
    c += phasor[0] / r;
    s += phasor[1] / r;
    n++;
  }
  return n > 0 ? (c * c + s * s) / n : 0;
}

/**
 * The hum's phasor (re, im) around sample `i` into `out`: the finite samples within ±`half`, less their mean,
 * demodulated by the tables. False when fewer than `half` samples are finite. A kernel of its own, so it is
 * optimised once rather than entered half-way by on-stack replacement and thrown out at every peak.
 */
function humAround(data: Float32Array, i: number, half: number, cos: Float64Array, sin: Float64Array, out: Float64Array): boolean {
  const from = Math.max(0, i - half);
  const to = Math.min(data.length, i + half + 1);
  let mean = 0;
  let count = 0;
  for (let j = from; j < to; j++) {
    if (!Number.isFinite(data[j])) continue;
    mean += data[j];
    count++;
  }
  if (count < half) return false;
  mean /= count;
  let re = 0;
  let im = 0;
  for (let j = from; j < to; j++) {
    if (!Number.isFinite(data[j])) continue;
    re += (data[j] - mean) * cos[j - i + half];
    im -= (data[j] - mean) * sin[j - i + half];
  }
  out[0] = re;
  out[1] = im;
  return true;
}
