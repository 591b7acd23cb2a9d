import type { ZeroPhaseFilter } from '../dsp/filtfilt';
import { MAD_TO_SIGMA, quantileInPlace } from '../dsp/robust';
import type { KnockScratch } from './accel-impact';
import type { AccelParams } from './params';

/** The band-passed axes are looked at over ±1 s: the window and, outside -0.3 .. +0.6 s of the peak, their noise. */
const REACH_S = 1;
const QUIET_BEFORE_S = 0.3;
const QUIET_AFTER_S = 0.6;

/**
 * Whether the movement around a transient turns: whether the band-passed axes, from `knockPulseBeforeMs`
 * before the peak to `knockTurnMs` after it, carry energy off their one principal direction beyond what the
 * noise puts there. A device knocked on soft tissue rings as a linear system, a sum of normal modes, each
 * along its own direction at its own rate (free vibration of a system of several degrees of freedom: Thomson
 * & Dahl, Theory of Vibration with Applications, ch. 6), and the mount's stiffness differs by direction
 * (skin 330-1900 N/m, Karlsson & Tranberg 1999), so the modes drift out of phase and the movement's direction
 * turns. A muscle twitch is one force pulse along its fibres' line of pull, and the limb moves back and forth
 * along that line. The energy off the principal direction is the sum of the two smaller eigenvalues of the
 * axes' 3 x 3 scatter; for white noise in the band it is about 2 N sigma^2 over N samples, with standard
 * deviation 2 N sigma^2 / sqrt(n_eff), n_eff = N x 2 x bandwidth / fs (the samples of band-limited noise
 * that count as independent). It turns when that excess reaches `knockTurnZ` standard deviations and
 * `knockTurnShare` of the transient's own energy (noise removed). Sigma is the larger of the channel's floor
 * and the axes' own robust sigma around the transient, so a noisier stretch does not read as turning. Gaps,
 * edges or fewer than three axes: does not turn.
 */
export function turns(axes: readonly Float32Array[], peak: number, fs: number, bandSigma: number, bandwidthHz: number, filter: ZeroPhaseFilter, p: AccelParams, scratch: KnockScratch): boolean {
  const reach = Math.round(REACH_S * fs);
  if (axes.length !== 3 || peak - reach < 0 || peak + reach >= axes[0].length) return false;
  const len = 2 * reach + 1;
  const from = reach - Math.max(1, Math.round((p.knockPulseBeforeMs / 1000) * fs));
  const to = reach + Math.max(2, Math.round((p.knockTurnMs / 1000) * fs));
  const quietBefore = reach - Math.round(QUIET_BEFORE_S * fs);
  const quietAfter = reach + Math.round(QUIET_AFTER_S * fs);
  const seg = scratch.turn(3 * len);
  const flank = scratch.median(len);
  let flankVar = 0;
  for (let a = 0; a < 3; a++) {
    const s = seg.subarray(a * len, (a + 1) * len);
    const x = axes[a];
    for (let i = 0; i < len; i++) {
      const v = x[peak - reach + i];
      if (v !== v) return false;
      s[i] = v;
    }
    filter.apply(s, s);
    let k = 0;
    for (let i = 0; i < len; i++) if (i < quietBefore || i > quietAfter) flank[k++] = Math.abs(s[i]);
    const sigma = quantileInPlace(flank, 0.5, 0, k) * MAD_TO_SIGMA;
    flankVar += (sigma * sigma) / 3;
  }
  let xx = 0;
  let yy = 0;
  let zz = 0;
  let xy = 0;
  let xz = 0;
  let yz = 0;
  for (let i = from; i < to; i++) {
    const u = seg[i];
    const v = seg[len + i];
    const w = seg[2 * len + i];
    xx += u * u;
    yy += v * v;
    zz += w * w;
    xy += u * v;
    xz += u * w;
    yz += v * w;
  }
  const n = to - from;
  const s2 = Math.max(bandSigma * bandSigma, flankVar);
  const trace = xx + yy + zz;
  const off = trace - largestEigenvalue(xx, yy, zz, xy, xz, yz) - 2 * n * s2;
  const sd = (2 * n * s2) / Math.sqrt(Math.max(1, (n * 2 * bandwidthHz) / fs));
  return off >= p.knockTurnZ * sd && off >= p.knockTurnShare * (trace - 3 * n * s2);
}

/**
 * Largest eigenvalue of the symmetric matrix [[xx, xy, xz], [xy, yy, yz], [xz, yz, zz]], in closed form
 * (trigonometric solution of the characteristic cubic, Smith, Commun. ACM 1961;4:168).
 */
export function largestEigenvalue(xx: number, yy: number, zz: number, xy: number, xz: number, yz: number): number {
  const off = xy * xy + xz * xz + yz * yz;
  const q = (xx + yy + zz) / 3;
  const p2 = (xx - q) ** 2 + (yy - q) ** 2 + (zz - q) ** 2 + 2 * off;
  if (p2 <= 0) return q;
  const p = Math.sqrt(p2 / 6);
  const a = (xx - q) / p;
  const b = (yy - q) / p;
  const c = (zz - q) / p;
  const d = xy / p;
  const e = xz / p;
  const f = yz / p;
  const r = (a * (b * c - f * f) - d * (d * c - f * e) + e * (d * f - b * e)) / 2;
  const phi = Math.acos(Math.min(1, Math.max(-1, r))) / 3;
  return q + 2 * p * Math.cos(phi);
}
