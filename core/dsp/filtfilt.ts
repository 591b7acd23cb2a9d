import type { Sos } from './sos';

/**
 * Zero-phase filtering: the cascade runs forward then backward over the signal extended at both ends by
 * odd reflection (Gustafsson 1996, as in SciPy's `sosfiltfilt`), each pass starting from the steady state
 * of its first sample so edges do not ring.
 */
export class ZeroPhaseFilter {
  constructor(
    readonly filter: Sos,
    /** Samples of reflected padding at each end. */
    readonly padLength: number,
    /** Working memory, shareable between filters used one after another. */
    private readonly scratch: FilterScratch = new FilterScratch(),
  ) {
    // Butterworth and notch sections from the bilinear transform have zeros at z = ±1 or on the unit
    // circle in conjugate pairs, so b2 = b0; the sweeps below rely on it.
    const c = filter.coeffs;
    for (let k = 0; k < c.length; k += 5) {
      if (c[k + 2] !== c[k]) throw new Error(`Zero-phase filter section ${k / 5 + 1} has b2 ≠ b0; only symmetric numerators are supported`);
    }
  }

  /** Filters `input[from, to)` into `output[from, to)`; the two may be the same array. */
  apply(input: Float32Array, output: Float32Array, from = 0, to = input.length): void {
    const n = to - from;
    if (n <= 0) return;
    if (n === 1) {
      output[from] = input[from] * dcGain(this.filter);
      return;
    }
    const pad = Math.min(this.padLength, n - 1);
    const total = n + 2 * pad;
    const w = this.scratch.take(total);
    const first = input[from];
    const last = input[to - 1];
    w.set(input.subarray(from, to), pad);
    for (let j = 1; j <= pad; j++) {
      w[pad - j] = 2 * first - input[from + j];
      w[pad + n - 1 + j] = 2 * last - input[to - 1 - j];
    }
    runCascade(this.filter, w, 0, total, 1);
    // The backward pass ends at the first kept sample: the leading padding's output is never read.
    runCascade(this.filter, w, total - 1, pad - 1, -1);
    output.set(w.subarray(pad, pad + n), from);
  }
}

/** A float64 buffer that grows to the longest stretch filtered, reused across calls and filters. */
export class FilterScratch {
  private buffer = new Float64Array(0);

  take(length: number): Float64Array {
    if (this.buffer.length < length) this.buffer = new Float64Array(Math.ceil(length * 1.25));
    return this.buffer;
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }
}

function dcGain(filter: Sos): number {
  let g = 1;
  for (let k = 0; k < filter.coeffs.length; k += 5) g *= restGain(filter.coeffs, k);
  return g;
}

// Two sections per sweep with coefficients and state in locals: a generic loop over sections keeps its
// state in memory and runs several times slower. Each biquad runs in direct form I (Oppenheim & Schafer,
// "Discrete-Time Signal Processing", 6.3) with its numerator's symmetry b2 = b0 folded in:
// y[n] = b0 (x[n] + x[n-2]) + b1 x[n-1] - a2 y[n-2] - a1 y[n-1]. That is four multiplications instead of
// five, and the loop-carried chain is one multiply and one subtraction, with y[n-1] entering last.
function runCascade(filter: Sos, w: Float64Array, from: number, to: number, step: number): void {
  const c = filter.coeffs;
  for (let s = 0; s < filter.sections; s += 2) {
    if (s + 1 < filter.sections) runTwo(c, s * 5, w, from, to, step);
    else runOne(c, s * 5, w, from, to, step);
  }
}

/** A section's output at rest under a constant input: its gain at 0 Hz. */
function restGain(c: Float64Array, k: number): number {
  return (c[k] + c[k + 1] + c[k + 2]) / (1 + c[k + 3] + c[k + 4]);
}

function runOne(c: Float64Array, k: number, w: Float64Array, from: number, to: number, step: number): void {
  const b0 = c[k], b1 = c[k + 1], a1 = c[k + 3], a2 = c[k + 4];
  let xp = w[from];
  let xpp = xp;
  let yp = restGain(c, k) * xp;
  let ypp = yp;
  for (let i = from; i !== to; i += step) {
    const x = w[i];
    const y = b0 * (x + xpp) + b1 * xp - a2 * ypp - a1 * yp;
    xpp = xp;
    xp = x;
    ypp = yp;
    yp = y;
    w[i] = y;
  }
}

function runTwo(c: Float64Array, k: number, w: Float64Array, from: number, to: number, step: number): void {
  const b0 = c[k], b1 = c[k + 1], a1 = c[k + 3], a2 = c[k + 4];
  const d0 = c[k + 5], d1 = c[k + 6], e1 = c[k + 8], e2 = c[k + 9];
  let xp = w[from];
  let xpp = xp;
  let yp = restGain(c, k) * xp;
  let ypp = yp;
  let vp = restGain(c, k + 5) * yp;
  let vpp = vp;
  for (let i = from; i !== to; i += step) {
    const x = w[i];
    const y = b0 * (x + xpp) + b1 * xp - a2 * ypp - a1 * yp;
    const v = d0 * (y + ypp) + d1 * yp - e2 * vpp - e1 * vp;
    xpp = xp;
    xp = x;
    ypp = yp;
    yp = y;
    vpp = vp;
    vp = v;
    w[i] = v;
  }
}
