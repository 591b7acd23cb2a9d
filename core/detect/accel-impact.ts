import { quantileInPlace, MAD_TO_SIGMA } from '../dsp/robust';
import type { AccelParams } from './params';

/**
 * Whether a transient at `peak` is an impact that lasted less than a sample, judged on the raw axes where
 * two samples are shorter than a muscle twitch: an impact puts nearly all its energy into the two
 * neighbouring samples it falls across (its brief ringing is averaged away inside them), or into those and
 * one sample after them pointing back (the mount springing back once), while a twitch (contraction 35-98 ms,
 * Sica & McComas 1971) swings back over the samples after. The baseline (gravity, posture, a slow fidget
 * underneath) is a quadratic fitted per axis to the flanks either side of the ±`knockSpanMs` window, and the
 * noise is the flanks' robust sigma around it. Energy is counted from `knockPulseBeforeMs` before the peak to
 * `knockPulseAfterMs` after it, where a twitch's swing back lies. It is an impact when the energy outside the
 * best pair of samples (or such a triple), less what the noise puts there, stays under `knockPulseLeft` of
 * the pulse's energy by `knockPulseZ` standard deviations of the noise's energy: a weak transient whose shape
 * the noise hides stays a twitch. Gaps (NaN) or a window reaching past the recording: not an impact.
 */
export function isImpact(axes: readonly Float32Array[], peak: number, fs: number, p: AccelParams, scratch: KnockScratch): boolean {
  const half = Math.round((p.knockSpanMs / 1000) * fs);
  const reach = half + Math.max(3, Math.round((p.knockFlankMs / 1000) * fs));
  if (peak - reach < 0 || peak + reach >= axes[0].length) return false;
  const window = 2 * half + 1;
  const flanks = 2 * (reach - half);
  // One reused buffer, no allocation per transient: energy per sample [0, window), the baseline-free samples
  // axis after axis from `window` (the rebound's direction is compared with the impact's), then one axis's
  // flank deviations from `flankAt`.
  const flankAt = (axes.length + 1) * window;
  const buf = scratch.impact(flankAt + flanks);
  const fit = scratch.fit;
  buf.fill(0, 0, window);
  let axis = 0;
  let noiseVar = 0;
  for (const a of axes) {
    if (!flankQuadratic(a, peak, half, reach, fit)) return false;
    let k = flankAt;
    for (let d = half + 1; d <= reach; d++) {
      buf[k++] = Math.abs(a[peak - d] - baseline(fit, -d));
      buf[k++] = Math.abs(a[peak + d] - baseline(fit, d));
    }
    const sigma = quantileInPlace(buf, 0.5, flankAt, k) * MAD_TO_SIGMA;
    noiseVar += sigma * sigma;
    for (let d = -half; d <= half; d++) {
      const v = a[peak + d] - baseline(fit, d);
      if (v !== v) return false;
      buf[d + half] += v * v;
      buf[window + axis * window + d + half] = v;
    }
    axis++;
  }
  const before = Math.min(half, Math.max(3, Math.round((p.knockPulseBeforeMs / 1000) * fs)));
  const after = Math.min(half, Math.max(3, Math.round((p.knockPulseAfterMs / 1000) * fs)));
  let total = 0;
  for (let i = half - before; i <= half + after; i++) total += buf[i];
  const meanVar = noiseVar / axes.length;
  // Noise energy outside the pulse: 3 axes x (counted samples - pulse length) of variance sigma^2 each
  // (noiseVar sums the axes), a chi-square whose standard deviation is sqrt(2 dof) sigma^2.
  const counted = before + after + 1;
  let pair = 0;
  let rebound = 0;
  for (let i = half - 3; i <= half + 2; i++) {
    pair = Math.max(pair, buf[i] + buf[i + 1]);
    if (i <= half + 1 && opposes(buf, window, i, axes.length)) rebound = Math.max(rebound, buf[i] + buf[i + 1] + buf[i + 2]);
  }
  return clear(total, pair, 2, axes.length * counted, meanVar, axes.length, p) || (rebound > 0 && clear(total, rebound, 3, axes.length * counted, meanVar, axes.length, p));
}

/**
 * Whether the energy outside a pulse of `length` samples (per axis), less the noise's mean there, stays under
 * `knockPulseLeft` of the pulse's energy by `knockPulseZ` standard deviations of the noise's energy.
 */
function clear(total: number, pulse: number, length: number, countedAll: number, meanVar: number, axes: number, p: AccelParams): boolean {
  const dof = countedAll - axes * length;
  return total - pulse - meanVar * dof + p.knockPulseZ * Math.sqrt(2 * dof) * meanVar < p.knockPulseLeft * pulse;
}

/**
 * Whether sample i + 2 points against the pair (i, i + 1) summed over the axes: the mount springing back. The
 * samples of axis a start at (a + 1) * window in `buf`.
 */
function opposes(buf: Float64Array, window: number, i: number, axes: number): boolean {
  let dot = 0;
  for (let a = 0; a < axes; a++) {
    const o = (a + 1) * window;
    dot += buf[o + i + 2] * (buf[o + i] + buf[o + i + 1]);
  }
  return dot < 0;
}

/** Baseline c0 + c1 d + c2 d^2 at offset d (samples) from the peak. */
function baseline(c: Float64Array, d: number): number {
  return c[0] + c[1] * d + c[2] * d * d;
}

/**
 * Least-squares quadratic c0 + c1 d + c2 d^2 over the samples half < |d| <= reach around the peak. The
 * flanks are symmetric, so the odd moments vanish: c1 comes alone and (c0, c2) from a 2 x 2 system. Written
 * into `out`; false across a gap.
 */
function flankQuadratic(a: Float32Array, peak: number, half: number, reach: number, out: Float64Array): boolean {
  // Two samples at each offset: the count is known, the moments of d are summed.
  const s0 = 2 * (reach - half);
  let s2 = 0;
  let s4 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  for (let d = half + 1; d <= reach; d++) {
    const lo = a[peak - d];
    const hi = a[peak + d];
    if (lo !== lo || hi !== hi) return false;
    const d2 = d * d;
    s2 += 2 * d2;
    s4 += 2 * d2 * d2;
    t0 += lo + hi;
    t1 += d * (hi - lo);
    t2 += d2 * (lo + hi);
  }
  const det = s0 * s4 - s2 * s2;
  out[0] = (t0 * s4 - t2 * s2) / det;
  out[1] = t1 / s2;
  out[2] = (s0 * t2 - s2 * t0) / det;
  return true;
}

/**
 * Whether the sensor sits at another angle after a transient than before it: a blow off the centre of a
 * device in a loose pocket or strap rocks it and leaves it tilted, so gravity's share on the axes moves,
 * while a muscle twitch contracts and relaxes within about 100-300 ms and leaves the limb where it was. Each
 * raw axis is summarised by its median over `knockTiltWindowS` ending `knockTiltLeadS` before the peak and over
 * as long starting `knockTiltSettleS` after it (when a mount's ringing has died away; a median, so that
 * another transient inside a window does not move it); the change of that vector must exceed `knockTiltG` and
 * `knockTiltZ` times its noise (the full-band white noise's median over the window, 1.2533 sigma / sqrt(n), for
 * both windows and three axes). Gaps or windows past the recording: not tilted.
 */
export function leavesTilted(axes: readonly Float32Array[], peak: number, fs: number, bandSigma: number, p: AccelParams, scratch: KnockScratch): boolean {
  const len = Math.max(1, Math.round(p.knockTiltWindowS * fs));
  const before = peak - Math.round(p.knockTiltLeadS * fs) - len;
  const after = peak + Math.round(p.knockTiltSettleS * fs);
  if (before < 0 || after + len > axes[0].length) return false;
  let shift = 0;
  for (const a of axes) {
    const d = windowMedian(a, after, len, scratch) - windowMedian(a, before, len, scratch);
    if (d !== d) return false;
    shift += d * d;
  }
  const noise = 1.2533 * fullBandSigma(bandSigma, fs, p) * Math.sqrt((2 * axes.length) / len);
  return Math.sqrt(shift) > Math.max(p.knockTiltG, p.knockTiltZ * noise);
}

/**
 * Working memory of the knock tests, kept by the analysis's Workspace: one buffer each, grown as needed, so no
 * transient allocates.
 */
export class KnockScratch {
  private impactBuf = new Float64Array(0);
  private medianBuf = new Float64Array(0);
  /** The flank baseline of the axis in hand, c0 + c1 d + c2 d^2. */
  readonly fit = new Float64Array(3);

  /** isImpact's buffer of at least `n` values, contents undefined. */
  impact(n: number): Float64Array {
    if (this.impactBuf.length < n) this.impactBuf = new Float64Array(n);
    return this.impactBuf;
  }

  /** windowMedian's buffer of at least `n` values, contents undefined. */
  median(n: number): Float64Array {
    if (this.medianBuf.length < n) this.medianBuf = new Float64Array(n);
    return this.medianBuf;
  }
}

/** Median of a[from .. from + len); NaN when the window holds a gap. */
export function windowMedian(a: Float32Array, from: number, len: number, scratch: KnockScratch): number {
  const buf = scratch.median(len);
  for (let i = 0; i < len; i++) {
    const v = a[from + i];
    if (v !== v) return Number.NaN;
    buf[i] = v;
  }
  return quantileInPlace(buf, 0.5, 0, len);
}

/** Per-axis sigma of white noise over the whole band 0 - fs/2, from its sigma in the twitch band. */
export function fullBandSigma(bandSigma: number, fs: number, p: AccelParams): number {
  const high = Math.min(p.bandHighHz, 0.45 * fs);
  return bandSigma * Math.sqrt(fs / 2 / (high - p.bandLowHz));
}

/**
 * Whether the raw axes bend more sharply around a transient than any movement within the twitch band could: a
 * sine of frequency f and amplitude A changes its slope by at most (2 pi f / fs)^2 A from one sample to the
 * next, so a twitch (below `twitchTopHz`) stays under that, while a contact of a few milliseconds jolts the
 * sensor within a sample or two. The largest second difference of the axes (as a vector) from
 * `knockPulseBeforeMs` before the peak to `knockPulseAfterMs` after it must exceed `knockJerkMargin` times that
 * bound for the transient's band amplitude, plus `knockJerkZ` times the noise's own (per axis sqrt(6) sigma of
 * the full-band white noise, over three axes). At 100 Hz the bound for 30 Hz is 3.6 A, above what an impact
 * reaches, so the test only tells impacts apart at higher rates (at 400 Hz: 0.22 A).
 */
export function isJolt(axes: readonly Float32Array[], peak: number, fs: number, amplitude: number, bandSigma: number, p: AccelParams): boolean {
  const from = peak - Math.max(1, Math.round((p.knockPulseBeforeMs / 1000) * fs));
  const to = peak + Math.max(1, Math.round((p.knockPulseAfterMs / 1000) * fs));
  if (from < 1 || to + 1 >= axes[0].length) return false;
  let top = 0;
  for (let i = from; i <= to; i++) {
    let e = 0;
    for (const a of axes) {
      const d = a[i + 1] - 2 * a[i] + a[i - 1];
      e += d * d;
    }
    if (e > top) top = e;
  }
  if (top !== top) return false;
  const bend = (2 * Math.PI * p.twitchTopHz) / fs;
  const noise = Math.sqrt(6 * axes.length) * fullBandSigma(bandSigma, fs, p);
  return Math.sqrt(top) > p.knockJerkMargin * bend * bend * amplitude + p.knockJerkZ * noise;
}
