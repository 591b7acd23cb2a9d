import { BLOCK, JsCascade, runPass, saveSection, STATE, type Cascade } from './biquad-js';
import { wasmCascade } from './biquad-wasm';
import type { Sos } from './sos';
import { float64s, Growing } from './growing';

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
    /** Samples per block (the result does not depend on it). */
    private readonly block = BLOCK,
  ) {
    // Butterworth and notch sections from the bilinear transform have zeros at z = ±1 or on the unit
    // circle in conjugate pairs, so b2 = b0; the sweeps below rely on it.
    const c = filter.coeffs;
    for (let k = 0; k < c.length; k += 5) {
      if (c[k + 2] !== c[k]) throw new Error(`Zero-phase filter section ${k / 5 + 1} has b2 ≠ b0; only symmetric numerators are supported`);
    }
  }

  /**
   * Filters `input[from, to)` into `output[from, to)`; the two may be the same array. The padded signal is
   * worked through in blocks that stay in cache: a first sweep runs the forward passes; then, from the last
   * block back, each block's backward passes. The forward output is kept in `keep[from, to)` when given
   * (all but the last block's, which the backward sweep starts from where it is; float64, at least `to` long; `output[i]` may share memory with `keep` at index i or later only, as the
   * backward sweep reads `keep` from the end down). Without it, the float64 work memory is one block: the
   * first sweep keeps the passes' state at the start of each block, and the backward sweep runs each
   * block's forward passes again from that state (the same operations on the same values, so the same
   * results, at half as much work again).
   */
  apply(input: Float32Array, output: Float32Array, from = 0, to = input.length, keep?: Float64Array): void {
    const n = to - from;
    if (n <= 0) return;
    if (n === 1) {
      output[from] = input[from] * dcGain(this.filter);
      return;
    }
    const pad = Math.min(this.padLength, n - 1);
    const total = n + 2 * pad;
    const passes = Math.ceil(this.filter.sections / 2);
    const B = this.block;
    const blocks = Math.ceil(total / B);
    const cascade = this.scratch.cascade();
    const { w, state, back } = cascade.open(this.filter, Math.min(total, B));
    const saved = this.scratch.states(keep && keep.length >= to ? 0 : blocks * passes * STATE);
    const padded = new PaddedSignal(input, from, to, pad);
    const forward = keep && keep.length >= to ? new ForwardStore(keep, from, n, pad, this.scratch.tail(pad)) : null;
    for (let b = 0; b < (forward ? blocks : blocks - 1); b++) {
      const len = padded.fill(cascade, w, b * B, Math.min(total, (b + 1) * B));
      if (b === 0) startAtRest(this.filter, w, 0, 1, state);
      cascade.forward(b === 0 ? 1 : 0, len);
      if (!forward) saved.set(state, (b + 1) * passes * STATE);
      // The last block's forward output is still in the block when the backward sweep starts there.
      if (b < blocks - 1) forward?.store(w, b * B, len);
    }
    // The backward passes end at the first kept sample: the leading padding's output is never read.
    const firstBlock = Math.floor(pad / B);
    for (let b = blocks - 1; b >= firstBlock; b--) {
      const start = b * B;
      const end = Math.min(total, start + B);
      const len = !forward ? padded.fill(cascade, w, start, end) : b < blocks - 1 ? forward.load(w, start, end - start) : end - start;
      if (!forward) {
        if (b === 0) startAtRest(this.filter, w, 0, 1, state);
        else state.set(saved.subarray(b * passes * STATE, (b + 1) * passes * STATE));
        cascade.forward(b === 0 ? 1 : 0, len);
      }
      const lo = Math.max(0, pad - start);
      if (b === blocks - 1) startAtRest(this.filter, w, len - 1, -1, back);
      cascade.backward(lo, b === blocks - 1 ? len - 1 : len);
      const hi = Math.min(len, pad + n - start);
      if (hi > lo) cascade.narrow(output, from + start + lo - pad, lo, hi);
    }
    padded.release();
    keptPadded[0] = padded;
  }
}

/**
 * The last padded signal, kept (its channel let go) until the next one is, so its map stays alive between
 * recordings. With none alive, V8's next full collection frees that map, reachable then only through weak map
 * transitions, and throws away `fill`'s optimised code, which checks for it ("marking dependent code …
 * reason: weak objects", 3 times in a 20-file batch): the next recording compiles it again.
 */
const keptPadded: PaddedSignal[] = [];

/** What a kept padded signal holds in place of its channel. */
const NO_SAMPLES = new Float32Array(0);

/**
 * The signal `input[from, to)` extended at both ends by `pad` samples of odd reflection, read in blocks.
 * The samples reflected are copied first: filtering in place overwrites them before the blocks that
 * reflect them are read.
 */
class PaddedSignal {
  private input: Float32Array;
  private readonly first: number;
  private readonly last: number;
  private readonly n: number;
  /** input[from, from + pad] and input[to - 1 - pad, to - 1]. */
  private readonly head: Float32Array;
  private readonly tail: Float32Array;

  constructor(
    input: Float32Array,
    private readonly from: number,
    to: number,
    private readonly pad: number,
  ) {
    this.input = input;
    this.first = input[from];
    this.last = input[to - 1];
    this.n = to - from;
    this.head = input.slice(from, from + pad + 1);
    this.tail = input.slice(to - 1 - pad, to);
  }

  /** Lets go of the channel: see `keptPadded`. */
  release(): void {
    this.input = NO_SAMPLES;
  }

  /** Writes padded samples [start, end) into the cascade's block `w` from 0; returns how many. */
  fill(cascade: Cascade, w: Float64Array, start: number, end: number): number {
    const { input, from, pad, first, last, n, head, tail } = this;
    let i = start;
    for (; i < Math.min(end, pad); i++) w[i - start] = 2 * first - head[pad - i];
    const midEnd = Math.min(end, pad + n);
    if (i < midEnd) {
      cascade.widen(input.subarray(from + i - pad, from + midEnd - pad), i - start);
      i = midEnd;
    }
    // Sample i past the end reflects input[to - 1 - j], j = i - (pad + n - 1), which is tail[pad - j].
    for (; i < end; i++) w[i - start] = 2 * last - tail[2 * pad + n - 1 - i];
    return end - start;
  }
}

/**
 * The forward passes' output over the padded signal, kept for the backward sweep: the signal's own samples
 * in `keep[from, from + n)`, the trailing padding's in `tail` (the leading padding's is never read back).
 */
class ForwardStore {
  constructor(
    private readonly keep: Float64Array,
    private readonly from: number,
    private readonly n: number,
    private readonly pad: number,
    private readonly tail: Float64Array,
  ) {}

  /** Keeps padded samples [start, start + len), held in `w` from 0. */
  store(w: Float64Array, start: number, len: number): void {
    const { keep, from, n, pad, tail } = this;
    const lo = Math.max(start, pad);
    const mid = Math.min(start + len, pad + n);
    if (mid > lo) keep.set(w.subarray(lo - start, mid - start), from + lo - pad);
    const hi = start + len;
    if (hi > Math.max(lo, pad + n)) tail.set(w.subarray(Math.max(lo, pad + n) - start, len), Math.max(lo, pad + n) - pad - n);
  }

  /** Puts padded samples [start, start + len) back into `w` from 0 (those of the leading padding excepted); returns len. */
  load(w: Float64Array, start: number, len: number): number {
    const { keep, from, n, pad, tail } = this;
    const lo = Math.max(start, pad);
    const mid = Math.min(start + len, pad + n);
    if (mid > lo) w.set(keep.subarray(from + lo - pad, from + mid - pad), lo - start);
    const hi = start + len;
    if (hi > Math.max(lo, pad + n)) w.set(tail.subarray(Math.max(lo, pad + n) - pad - n, hi - pad - n), Math.max(lo, pad + n) - start);
    return len;
  }
}

/**
 * Working memory of the filters used one after another: the cascade that runs the passes (the WebAssembly
 * kernel where this runtime compiles it, else the JavaScript passes with their own block) and small state
 * arrays, grown to the largest asked for and reused.
 */
export class FilterScratch {
  private readonly js = new JsCascade();
  private readonly saved = new Growing(float64s, 0, 1.25);
  private readonly padding = new Growing(float64s);

  /** `simd: false` keeps to the JavaScript passes (the same results; for tests and comparisons). */
  constructor(private readonly simd = true) {}

  cascade(): Cascade {
    return (this.simd && wasmCascade()) || this.js;
  }

  /** Room for the forward output of a trailing padding of `length` samples. */
  tail(length: number): Float64Array {
    return this.padding.atLeast(length);
  }

  /** Room for the passes' states at the start of every block. */
  states(length: number): Float64Array {
    return this.saved.atLeast(length);
  }

  get bytes(): number {
    return this.js.bytes + this.saved.bytes + this.padding.bytes;
  }
}

function dcGain(filter: Sos): number {
  let g = 1;
  for (let k = 0; k < filter.coeffs.length; k += 5) g *= restGain(filter.coeffs, k);
  return g;
}

/**
 * Starts every pass at rest on its first input, the block's sample `i`, going `step` (±1), and runs the
 * passes over that sample: pass p's first input is pass p − 1's output there, so they go one after another.
 */
function startAtRest(filter: Sos, w: Float64Array, i: number, step: number, state: Float64Array): void {
  for (let p = 0; 2 * p < filter.sections; p++) {
    restState(filter, p, w[i], state);
    runPass(filter, p, w, i, i + step, step, state);
  }
}

/** Pass `p` at rest on a constant input `x0`: its first sample, so the pass starts without a step. */
function restState(filter: Sos, p: number, x0: number, state: Float64Array): void {
  const c = filter.coeffs;
  const k = 2 * p * 5;
  const o = p * STATE;
  const y = restGain(c, k) * x0;
  saveSection(state, o, x0, x0, y, y);
  if (2 * p + 1 < filter.sections) {
    const v = restGain(c, k + 5) * y;
    saveSection(state, o + 1, y, y, v, v);
  }
}

/** A section's output at rest under a constant input: its gain at 0 Hz. */
function restGain(c: Float64Array, k: number): number {
  return (c[k] + c[k + 1] + c[k + 2]) / (1 + c[k + 3] + c[k + 4]);
}
