import { fullBandSigma, type KnockScratch, windowMedian } from './accel-impact';
import type { AccelParams } from './params';

/**
 * What the recording's own recognised knocks teach about its mount. A device held on soft tissue rings as a
 * linear system: every knock is the same few mode waveforms (the contact, and each mount direction ringing at
 * its own frequency) weighted by where the blow came from, so the raw-axis windows of a recording's knocks span
 * a small subspace, and a transient lying almost wholly in it rang the way those knocks did. A twitch moves the
 * limb along its muscle's line of pull at its own rate and lies mostly outside it. Learned only from many
 * knocks that make up a good share of the transients, so that a recording of twitches, a few of them misjudged,
 * never learns the twitch's own shape (a muscle's twitches repeat their shape).
 */
export class KnockMount {
  private readonly x: Float64Array;

  private constructor(
    private readonly basis: Float64Array,
    private readonly dims: number,
    private readonly len: number,
  ) {
    this.x = new Float64Array(3 * len);
  }

  /** From the peaks of the recognised knocks, or null when they are too few or too small a share. */
  static learn(axes: readonly Float32Array[], knocks: readonly number[], transients: number, fs: number, p: AccelParams, scratch: KnockScratch): KnockMount | null {
    if (axes.length !== 3 || knocks.length < p.knockMountMin || knocks.length < p.knockMountShare * transients) return null;
    const len = Math.max(4, Math.round((p.knockMountWindowMs / 1000) * fs));
    const d = 3 * len;
    const rows: Float64Array[] = [];
    for (const peak of knocks) {
      const w = new Float64Array(d);
      if (window(axes, peak, 0, len, fs, w, scratch)) rows.push(normalised(w));
    }
    const dims = Math.min(p.knockMountDims, rows.length - 1);
    if (rows.length < p.knockMountMin || dims < 1) return null;
    return new KnockMount(principalAxes(rows, dims, d), dims, len);
  }

  /**
   * Whether the raw axes around `peak` (best of a few samples' shift, as the peak sample of a ringing wave may
   * fall either side) put at least `knockMountMatch` of their energy, less what white noise puts anywhere, into
   * the knocks' subspace.
   */
  matches(axes: readonly Float32Array[], peak: number, bandSigma: number, fs: number, p: AccelParams, scratch: KnockScratch): boolean {
    const d = 3 * this.len;
    const sigma = fullBandSigma(bandSigma, fs, p);
    const noise = sigma * sigma * d;
    const reach = Math.max(2, Math.round(0.02 * fs));
    for (let lag = -reach; lag <= reach; lag++) {
      if (!window(axes, peak, lag, this.len, fs, this.x, scratch)) return false;
      let energy = 0;
      for (let i = 0; i < d; i++) energy += this.x[i] * this.x[i];
      let inside = 0;
      for (let k = 0; k < this.dims; k++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += this.basis[k * d + i] * this.x[i];
        inside += dot * dot;
      }
      if (energy > noise && inside - (this.dims / d) * noise >= p.knockMountMatch * (energy - noise)) return true;
    }
    return false;
  }
}

/**
 * Raw axes from 20 ms before `peak` (+ `lag` samples) over `len` samples, each less its median over 0.4-0.15 s
 * before the peak (gravity and posture), axis after axis into `out`. False at the edges or across a gap.
 */
function window(axes: readonly Float32Array[], peak: number, lag: number, len: number, fs: number, out: Float64Array, scratch: KnockScratch): boolean {
  const from = peak - Math.round(0.02 * fs) + lag;
  const baseFrom = peak - Math.round(0.4 * fs);
  const baseLen = Math.max(1, Math.round(0.25 * fs));
  if (baseFrom < 0 || from < 0 || from + len > axes[0].length) return false;
  for (let a = 0; a < 3; a++) {
    const base = windowMedian(axes[a], baseFrom, baseLen, scratch);
    if (base !== base) return false;
    for (let i = 0; i < len; i++) {
      const v = axes[a][from + i] - base;
      if (v !== v) return false;
      out[a * len + i] = v;
    }
  }
  return true;
}

function normalised(w: Float64Array): Float64Array {
  let e = 0;
  for (let i = 0; i < w.length; i++) e += w[i] * w[i];
  const s = e > 0 ? 1 / Math.sqrt(e) : 0;
  for (let i = 0; i < w.length; i++) w[i] *= s;
  return w;
}

/**
 * The `dims` leading right singular vectors of the rows (orthogonal iteration on rows' X^T X, Golub & Van Loan
 * 8.2.4), as `dims` orthonormal rows of length `d`.
 */
function principalAxes(rows: readonly Float64Array[], dims: number, d: number): Float64Array {
  const q = new Float64Array(dims * d);
  for (let k = 0; k < dims; k++) for (let i = 0; i < d; i++) q[k * d + i] = Math.sin(1 + 7.3 * k + 0.618 * i * (k + 1));
  orthonormalise(q, dims, d);
  const z = new Float64Array(dims * d);
  const proj = new Float64Array(dims);
  for (let it = 0; it < 60; it++) {
    z.fill(0);
    for (const r of rows) {
      for (let k = 0; k < dims; k++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += r[i] * q[k * d + i];
        proj[k] = dot;
      }
      for (let k = 0; k < dims; k++) for (let i = 0; i < d; i++) z[k * d + i] += proj[k] * r[i];
    }
    q.set(z);
    orthonormalise(q, dims, d);
  }
  return q;
}

/** Modified Gram-Schmidt on `dims` rows of length `d`, in place. */
function orthonormalise(q: Float64Array, dims: number, d: number): void {
  for (let k = 0; k < dims; k++) {
    for (let j = 0; j < k; j++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += q[k * d + i] * q[j * d + i];
      for (let i = 0; i < d; i++) q[k * d + i] -= dot * q[j * d + i];
    }
    let e = 0;
    for (let i = 0; i < d; i++) e += q[k * d + i] * q[k * d + i];
    const s = e > 0 ? 1 / Math.sqrt(e) : 0;
    for (let i = 0; i < d; i++) q[k * d + i] *= s;
  }
}
