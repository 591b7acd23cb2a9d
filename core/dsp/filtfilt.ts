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
  ) {}

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
    for (let i = 0; i < n; i++) w[pad + i] = input[from + i];
    for (let j = 1; j <= pad; j++) {
      w[pad - j] = 2 * first - input[from + j];
      w[pad + n - 1 + j] = 2 * last - input[to - 1 - j];
    }
    runCascade(this.filter, w, 0, total, 1);
    runCascade(this.filter, w, total - 1, -1, -1);
    for (let i = 0; i < n; i++) output[from + i] = w[pad + i];
  }
}

/** A float64 buffer that grows to the longest stretch filtered, reused across calls and filters. */
export class FilterScratch {
  private buffer = new Float64Array(0);

  take(length: number): Float64Array {
    if (this.buffer.length < length) this.buffer = new Float64Array(Math.ceil(length * 1.25));
    return this.buffer;
  }
}

function dcGain(filter: Sos): number {
  const c = filter.coeffs;
  let g = 1;
  for (let k = 0; k < c.length; k += 5) g *= (c[k] + c[k + 1] + c[k + 2]) / (1 + c[k + 3] + c[k + 4]);
  return g;
}

// Two sections per sweep with coefficients and state in locals: a generic loop over sections keeps its
// state in memory and runs several times slower. Each biquad is the transposed direct form II recursion
// (Oppenheim & Schafer, "Discrete-Time Signal Processing", 6.5) regrouped so that the previous output
// enters last: y[n] = (b0 x[n] + b1 x[n-1] + r[n-2]) - a1 y[n-1] with r[n] = b2 x[n] - a2 y[n]. The loop-carried
// chain is then one multiply and one subtraction instead of three operations, which doubles the speed; the
// results agree with the textbook order to rounding.
function runCascade(filter: Sos, w: Float64Array, from: number, to: number, step: number): void {
  const c = filter.coeffs;
  for (let s = 0; s < filter.sections; s += 2) {
    if (s + 1 < filter.sections) runTwo(c, s * 5, w, from, to, step);
    else runOne(c, s * 5, w, from, to, step);
  }
}

/** Output and delayed term r of a section resting at a constant input `u`. */
function steadyState(c: Float64Array, k: number, u: number): [number, number] {
  const y = ((c[k] + c[k + 1] + c[k + 2]) / (1 + c[k + 3] + c[k + 4])) * u;
  return [y, c[k + 2] * u - c[k + 4] * y];
}

function runOne(c: Float64Array, k: number, w: Float64Array, from: number, to: number, step: number): void {
  const b0 = c[k], b1 = c[k + 1], b2 = c[k + 2], a1 = c[k + 3], a2 = c[k + 4];
  let xp = w[from];
  let [yp, r] = steadyState(c, k, xp);
  for (let i = from; i !== to; i += step) {
    const x = w[i];
    const y = b0 * x + b1 * xp + r - a1 * yp;
    r = b2 * xp - a2 * yp;
    xp = x;
    yp = y;
    w[i] = y;
  }
}

function runTwo(c: Float64Array, k: number, w: Float64Array, from: number, to: number, step: number): void {
  const b0 = c[k], b1 = c[k + 1], b2 = c[k + 2], a1 = c[k + 3], a2 = c[k + 4];
  const d0 = c[k + 5], d1 = c[k + 6], d2 = c[k + 7], e1 = c[k + 8], e2 = c[k + 9];
  let xp = w[from];
  let [yp, r] = steadyState(c, k, xp);
  let [vp, q] = steadyState(c, k + 5, yp);
  for (let i = from; i !== to; i += step) {
    const x = w[i];
    const y = b0 * x + b1 * xp + r - a1 * yp;
    r = b2 * xp - a2 * yp;
    const v = d0 * y + d1 * yp + q - e1 * vp;
    q = d2 * yp - e2 * vp;
    xp = x;
    yp = y;
    vp = v;
    w[i] = v;
  }
}
