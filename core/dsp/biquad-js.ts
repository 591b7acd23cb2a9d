import { float64s, Growing } from './growing';
import type { Sos } from './sos';

/** Samples per block of the padded signal: 256 KB of float64, which the passes over it find in cache. */
export const BLOCK = 1 << 15;

/**
 * Doubles of state per pass of two sections: each of x[n-1], x[n-2], y[n-1], y[n-2] for the first section
 * then the second, side by side (the layout the WebAssembly kernel reads as f64x2 vectors). The second
 * section's inputs are the first's outputs.
 */
export const STATE = 8;

/** Runs a cascade's passes over a float64 block held in memory it provides. */
export interface Cascade {
  /** The block (`length` samples) and the passes' forward and backward states (STATE doubles a pass). */
  open(filter: Sos, length: number): { w: Float64Array; state: Float64Array; back: Float64Array };
  /** w[at, at + src.length) = src. */
  widen(src: Float32Array, at: number): void;
  /** out[at, at + hi − lo) = w[lo, hi) (rounded to float32); w[lo, hi) may be overwritten. */
  narrow(out: Float32Array, at: number, lo: number, hi: number): void;
  /** Block samples [from, to) through every section, first to last, with the forward states. */
  forward(from: number, to: number): void;
  /** Block samples hi − 1 down to lo through every section, with the backward states. */
  backward(lo: number, hi: number): void;
}

/** The cascade in JavaScript, two sections per pass over the block: where WebAssembly is not available. */
export class JsCascade implements Cascade {
  private readonly buffer = new Growing(float64s);
  private readonly states = new Growing(float64s);
  private filter: Sos | null = null;
  private w: Float64Array = new Float64Array(0);
  private state: Float64Array = new Float64Array(0);
  private back: Float64Array = new Float64Array(0);

  open(filter: Sos, length: number): { w: Float64Array; state: Float64Array; back: Float64Array } {
    const size = Math.ceil(filter.sections / 2) * STATE;
    const states = this.states.atLeast(2 * size);
    this.filter = filter;
    this.w = this.buffer.atLeast(length);
    this.state = states.subarray(0, size);
    this.back = states.subarray(size, 2 * size);
    return { w: this.w, state: this.state, back: this.back };
  }

  widen(src: Float32Array, at: number): void {
    this.w.set(src, at);
  }

  narrow(out: Float32Array, at: number, lo: number, hi: number): void {
    out.set(this.w.subarray(lo, hi), at);
  }

  forward(from: number, to: number): void {
    const filter = this.filter!;
    for (let p = 0; 2 * p < filter.sections; p++) runPass(filter, p, this.w, from, to, 1, this.state);
  }

  backward(lo: number, hi: number): void {
    const filter = this.filter!;
    for (let p = 0; 2 * p < filter.sections; p++) runPass(filter, p, this.w, hi - 1, lo - 1, -1, this.back);
  }

  get bytes(): number {
    return this.buffer.bytes + this.states.bytes;
  }
}

// Two sections per pass with coefficients and state in locals: a generic loop over sections keeps its
// state in memory and runs several times slower. Each biquad runs in direct form I (Oppenheim & Schafer,
// "Discrete-Time Signal Processing", 6.3) with its numerator's symmetry b2 = b0 folded in:
// y[n] = b0 (x[n] + x[n-2]) + b1 x[n-1] - a2 y[n-2] - a1 y[n-1]. That is four multiplications instead of
// five, and the loop-carried chain is one multiply and one subtraction, with y[n-1] entering last.
/** Pass `p` (sections 2p and 2p + 1) over w[from] to w[to − step], `step` ±1, in place. */
export function runPass(filter: Sos, p: number, w: Float64Array, from: number, to: number, step: number, state: Float64Array): void {
  const s = 2 * p;
  if (s + 1 < filter.sections) runTwo(filter.coeffs, s * 5, w, from, to, step, state, p * STATE);
  else runOne(filter.coeffs, s * 5, w, from, to, step, state, p * STATE);
}

function runOne(c: Float64Array, k: number, w: Float64Array, from: number, to: number, step: number, st: Float64Array, o: number): void {
  const b0 = c[k], b1 = c[k + 1], a1 = c[k + 3], a2 = c[k + 4];
  let xp = st[o], xpp = st[o + 2], yp = st[o + 4], ypp = st[o + 6];
  for (let i = from; i !== to; i += step) {
    const x = w[i];
    const y = b0 * (x + xpp) + b1 * xp - a2 * ypp - a1 * yp;
    w[i] = y;
    xpp = xp;
    xp = x;
    ypp = yp;
    yp = y;
  }
  saveSection(st, o, xp, xpp, yp, ypp);
}

function runTwo(c: Float64Array, k: number, w: Float64Array, from: number, to: number, step: number, st: Float64Array, o: number): void {
  const b0 = c[k], b1 = c[k + 1], a1 = c[k + 3], a2 = c[k + 4];
  const d0 = c[k + 5], d1 = c[k + 6], e1 = c[k + 8], e2 = c[k + 9];
  let xp = st[o], xpp = st[o + 2], yp = st[o + 4], ypp = st[o + 6], vp = st[o + 5], vpp = st[o + 7];
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
  saveSection(st, o, xp, xpp, yp, ypp);
  saveSection(st, o + 1, yp, ypp, vp, vpp);
}

/** A section's state at `o` (its pair's first section) or `o + 1` (the second): last two inputs and outputs. */
export function saveSection(st: Float64Array, o: number, inPrev: number, inPrev2: number, outPrev: number, outPrev2: number): void {
  st[o] = inPrev;
  st[o + 2] = inPrev2;
  st[o + 4] = outPrev;
  st[o + 6] = outPrev2;
}

// Each kernel over an empty range when the module loads, on arrays of its own, 16 times (V8 gives a function
// its feedback vector only after about 8 calls' worth of bytecode): the calls after the loop (saveSection)
// then have type feedback before the first real pass, whose 32,768-sample loop TurboFan compiles on the fly
// (OSR). Without it that compiled code met the calls with no feedback and deoptimised at the end of every
// pass that entered it (5 to 760 times per 20-file batch, depending on when the compile landed).
// Nothing is read from or written to any signal: the loops run zero times.
{
  const c = new Float64Array(10);
  const w = new Float64Array(0);
  const st = new Float64Array(STATE);
  for (let k = 0; k < 16; k++) {
    runTwo(c, 0, w, 0, 0, 1, st, 0);
    runOne(c, 0, w, 0, 0, 1, st, 0);
  }
}
