import { BLOCK, type Cascade } from './biquad-js';
import type { Sos } from './sos';
import { F64, FunctionBody, I32, moduleBytes, V128 } from './wasm-emit';

/**
 * The band-pass cascade as a WebAssembly SIMD kernel. Two sections share one f64x2 vector, and a loop runs
 * up to `2 * vectors` sections at once as a wavefront over the block: at step t, section j works on sample
 * t - j·LAG, in place, so each section reads what the section before it wrote LAG steps earlier. Every lane
 * runs the same IEEE double operations in the same order as the JavaScript pass (filtfilt.ts), so the
 * results are the same bits; the vectors only change how many sections run side by side.
 * The wavefront's ramps (the first and last (sections − 1)·LAG samples of a block) run one section at a time.
 */

/** Samples between neighbouring sections of the wavefront: enough that a section's store has long landed when the next one loads it. */
export const LAG = 16;

/** Bytes per pair of sections in the coefficient table and in a state table: four f64x2 fields. */
const PAIR_BYTES = 64;

/**
 * One section over `count` samples from address `p`, `step` bytes apart (8 or −8), in place.
 * Coefficients (b0, b1, a1, a2) and state (x[n−1], x[n−2], y[n−1], y[n−2]) are doubles 16 bytes apart from
 * `c` and `s`: the section's lane in its pair's tables.
 */
function oneSection(): FunctionBody {
  const f = new FunctionBody([I32, I32, I32, I32, I32]);
  const [c, s, p, count, step] = [0, 1, 2, 3, 4];
  const [b0, b1, a1, a2, xp, xpp, yp, ypp, x, y] = Array.from({ length: 10 }, () => f.local(F64));
  [b0, b1, a1, a2].forEach((v, i) => f.get(c).f64Load(16 * i).set(v));
  [xp, xpp, yp, ypp].forEach((v, i) => f.get(s).f64Load(16 * i).set(v));
  f.block().get(count).i32Eqz().brIf(0).loop();
  f.get(p).f64Load().set(x);
  // y = b0 (x + x[n−2]) + b1 x[n−1] − a2 y[n−2] − a1 y[n−1], left to right, as the JavaScript pass.
  f.get(p).get(b0).get(x).get(xpp).f64Add().f64Mul().get(b1).get(xp).f64Mul().f64Add();
  f.get(a2).get(ypp).f64Mul().f64Sub().get(a1).get(yp).f64Mul().f64Sub().tee(y).f64Store();
  f.get(xp).set(xpp).get(x).set(xp).get(yp).set(ypp).get(y).set(yp);
  f.get(p).get(step).i32Add().set(p);
  f.get(count).i32(1).i32Sub().tee(count).brIf(0).end().end();
  [xp, xpp, yp, ypp].forEach((v, i) => f.get(s).get(v).f64Store(16 * i));
  return f;
}

/**
 * `vectors` pairs of sections as one wavefront, `iterations` steps from `base`. Forward, `base` is the
 * address of the last section's sample and section j's is LAG·(sections − 1 − j) samples above it;
 * backward, `base` is the first section's sample and section j's is LAG·j samples above it.
 * `c` and `s` address the first pair's coefficients and state.
 */
function wavefront(vectors: number, backward: boolean): FunctionBody {
  const f = new FunctionBody([I32, I32, I32, I32]);
  const [c, s, base, iterations] = [0, 1, 2, 3];
  const sections = 2 * vectors;
  const at = (j: number): number => 8 * LAG * (backward ? j : sections - 1 - j);
  const v = Array.from({ length: vectors }, () => ({ xp: f.local(V128), xpp: f.local(V128), yp: f.local(V128), ypp: f.local(V128), x: f.local(V128), y: f.local(V128) }));
  v.forEach((r, m) => [r.xp, r.xpp, r.yp, r.ypp].forEach((l, i) => f.get(s).v128Load(PAIR_BYTES * m + 16 * i).set(l)));
  // b0 and a2 stay in registers; b1 and a1 are read from the table at each step. Measured on the bench's
  // 8-section cascade: 0.52 ns per section-sample, against 0.59 with all four read and 0.88 with all four
  // held (the register allocator then spills the loop-carried state).
  const held = v.map((_, m) => [0, 48].map((o) => {
    const l = f.local(V128);
    f.get(c).v128Load(PAIR_BYTES * m + o).set(l);
    return l;
  }));
  f.block().get(iterations).i32Eqz().brIf(0).loop();
  v.forEach((r, m) => {
    const k = PAIR_BYTES * m;
    const [b0, a2] = held[m];
    f.get(base).get(base).v128Load64Zero(at(2 * m)).v128Load64Lane(at(2 * m + 1), 1).set(r.x);
    // b1·x[n−1] is formed first and enters the sum first: addition commutes bit for bit, except in which of
    // two NaNs comes out, and this order gives the NaN V8's compiled JavaScript pass gives (measured).
    f.get(c).v128Load(k + 16).get(r.xp).f64x2Mul().get(b0).get(r.x).get(r.xpp).f64x2Add().f64x2Mul().f64x2Add();
    f.get(a2).get(r.ypp).f64x2Mul().f64x2Sub().get(c).v128Load(k + 32).get(r.yp).f64x2Mul().f64x2Sub().set(r.y);
    f.get(r.xp).set(r.xpp).get(r.x).set(r.xp).get(r.yp).set(r.ypp).get(r.y).set(r.yp);
    f.get(base).get(r.y).v128Store64Lane(at(2 * m), 0).get(base).get(r.y).v128Store64Lane(at(2 * m + 1), 1);
  });
  f.get(base).i32(backward ? -8 : 8).i32Add().set(base);
  f.get(iterations).i32(1).i32Sub().tee(iterations).brIf(0).end().end();
  v.forEach((r, m) => [r.xp, r.xpp, r.yp, r.ypp].forEach((l, i) => f.get(s).get(l).v128Store(PAIR_BYTES * m + 16 * i)));
  return f;
}

/**
 * Float32 to float64 (`widen`) or float64 to float32 (`narrow`), four samples a step for `quads` steps from
 * address `src` to `dst`. f64.promote_f32 is exact and f32.demote_f64 rounds to nearest even, as JavaScript
 * does in a Float32Array store, so the bits are those of the typed arrays' `set`. Both may run in place
 * over one block: widening from float32s held in the upper half of the doubles' bytes, narrowing into the
 * lower half; each step reads its samples before it writes, and never writes past what a later step reads.
 */
function convert(widen: boolean): FunctionBody {
  const f = new FunctionBody([I32, I32, I32]);
  const [src, dst, quads] = [0, 1, 2];
  const [lo, hi] = [f.local(V128), f.local(V128)];
  const [inStep, outStep] = widen ? [16, 32] : [32, 16];
  f.block().get(quads).i32Eqz().brIf(0).loop();
  if (widen) {
    f.get(src).v128Load64Zero(0).f64x2PromoteLow().set(lo).get(src).v128Load64Zero(8).f64x2PromoteLow().set(hi);
    f.get(dst).get(lo).v128Store(0).get(dst).get(hi).v128Store(16);
  } else {
    f.get(src).v128Load(0).f32x4DemoteZero().set(lo).get(src).v128Load(16).f32x4DemoteZero().set(hi);
    f.get(dst).get(lo).v128Store64Lane(0, 0).get(dst).get(hi).v128Store64Lane(8, 0);
  }
  f.get(src).i32(inStep).i32Add().set(src).get(dst).i32(outStep).i32Add().set(dst);
  f.get(quads).i32(1).i32Sub().tee(quads).brIf(0).end().end();
  return f;
}

/** Pairs of sections per wavefront: the widest that keeps its state in the 16 vector registers. */
const WIDEST = 2;

/** Section j's byte offset from its group's in the coefficient and state tables (groups start at even sections). */
function lane(j: number): number {
  return (j >> 1) * PAIR_BYTES + (j & 1) * 8;
}

/**
 * Every section of the cascade over `count` samples from address `p0` (forward up, backward down), in
 * groups of up to `2 * widest`: each group ramps up one section at a time, runs its wavefront (function
 * `wave(v)`) and ramps down; a group shorter than its ramps runs section by section, and an odd last section
 * runs alone. `states` addresses the first pair's state; the coefficients start at 0. In the module rather
 * than in JavaScript so no driver code is left for the JIT to optimise while the analysis runs.
 */
function sweep(widest: number, backward: boolean, wave: (v: number) => number): FunctionBody {
  const f = new FunctionBody([I32, I32, I32, I32]);
  const [p0, count, states, sections] = [0, 1, 2, 3];
  const [g, end] = [f.local(I32), f.local(I32)];
  const step = backward ? -8 : 8;
  const one = (j: number, p: () => void, n: () => void): void => {
    f.get(g).i32(lane(j)).i32Add().get(states).get(g).i32Add().i32(lane(j)).i32Add();
    p();
    n();
    f.i32(step).call(0);
  };
  const at = (offset: number) => (): void => void f.get(p0).i32(offset).i32Add();
  const samples = (k: number) => (): void => void f.i32(k);
  const all = (): void => void f.get(count);
  // The address one past the last sample: section j's ramp down starts j·LAG samples before it.
  f.get(count).i32(step).i32Mul().get(p0).i32Add().set(end);
  f.block().loop();
  f.get(sections).i32Eqz().brIf(1);
  for (let v = widest; v >= 1; v--) {
    const width = 2 * v;
    const ramp = (width - 1) * LAG;
    f.block().get(sections).i32(width).i32LtS().brIf(0);
    f.block().block().get(count).i32(ramp).i32GtS().i32Eqz().brIf(0);
    for (let j = 0; j < width - 1; j++) one(j, at(0), samples((width - 1 - j) * LAG));
    f.get(g).get(states).get(g).i32Add().get(p0).i32(backward ? -8 * ramp : 0).i32Add().get(count).i32(ramp).i32Sub().call(wave(v));
    for (let j = 1; j < width; j++) one(j, () => void f.get(end).i32(-j * LAG * step).i32Add(), samples(j * LAG));
    f.br(1).end();
    for (let j = 0; j < width; j++) one(j, at(0), all);
    f.end();
    f.get(g).i32(v * PAIR_BYTES).i32Add().set(g).get(sections).i32(width).i32Sub().set(sections).br(1).end();
  }
  one(0, at(0), all);
  f.end().end();
  return f;
}

/**
 * Memory from the start for a block and the tables of up to 170 sections. Growing it later detaches the old
 * buffer, and the first ArrayBuffer ever detached in a thread makes V8 drop every compiled function that
 * counted on none being detached (its 'array buffer detaching' protector) and check for it from then on.
 */
const INITIAL_PAGES = Math.ceil((8 * BLOCK + 3 * 85 * PAIR_BYTES) / 65536);

export function cascadeModuleBytes(widest = WIDEST): Uint8Array<ArrayBuffer> {
  const functions = [
    { name: 'one', body: oneSection() },
    { name: 'widen', body: convert(true) },
    { name: 'narrow', body: convert(false) },
  ];
  for (let v = 1; v <= widest; v++) {
    functions.push({ name: `forward${v}`, body: wavefront(v, false) }, { name: `backward${v}`, body: wavefront(v, true) });
  }
  // forward(v) and backward(v) are functions 3 + 2(v − 1) and 4 + 2(v − 1).
  functions.push(
    { name: 'sweepForward', body: sweep(widest, false, (v) => 1 + 2 * v) },
    { name: 'sweepBackward', body: sweep(widest, true, (v) => 2 + 2 * v) },
  );
  return moduleBytes(functions, INITIAL_PAGES);
}

/** The part of the WebAssembly JavaScript API used here (core is typed without the DOM's or Node's globals). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
}

type Sweep = (p0: number, count: number, states: number, sections: number) => void;
interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  one: (c: number, s: number, p: number, count: number, step: number) => void;
  widen: (src: number, dst: number, quads: number) => void;
  narrow: (src: number, dst: number, quads: number) => void;
  sweepForward: Sweep;
  sweepBackward: Sweep;
}

/**
 * The kernel's instance: the coefficient table, the forward and backward states and one block of samples
 * live in its memory, and `open` hands out views of them. One instance serves every filter of a thread,
 * one `apply` at a time.
 */
export class WasmCascade implements Cascade {
  private readonly exports: Exports;
  private filter: Sos | null = null;
  private sections = 0;
  private pairs = 0;
  private w = 0;
  /** The block's doubles and the whole memory as float32s (for the conversions' staging). */
  private block: Float64Array = new Float64Array(0);
  private singles: Float32Array = new Float32Array(0);

  constructor(api: WasmApi, module: object) {
    this.exports = new api.Instance(module).exports as Exports;
  }

  /** Views of the block (`length` samples) and of the two state tables (8 doubles per pair of sections). */
  open(filter: Sos, length: number): { w: Float64Array; state: Float64Array; back: Float64Array } {
    const pairs = Math.ceil(filter.sections / 2);
    const tables = 3 * pairs * PAIR_BYTES;
    const need = tables + 8 * length;
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    const buffer = memory.buffer;
    if (this.filter !== filter) {
      const table = new Float64Array(buffer, 0, pairs * 8);
      const c = filter.coeffs;
      for (let k = 0; k < filter.sections; k++) {
        const at = (k >> 1) * 8 + (k & 1);
        table[at] = c[5 * k];
        table[at + 2] = c[5 * k + 1];
        table[at + 4] = c[5 * k + 3];
        table[at + 6] = c[5 * k + 4];
      }
      this.filter = filter;
    }
    this.sections = filter.sections;
    this.pairs = pairs;
    this.w = tables;
    this.block = new Float64Array(buffer, tables, length);
    if (this.singles.buffer !== buffer) this.singles = new Float32Array(buffer);
    return {
      w: this.block,
      state: new Float64Array(buffer, pairs * PAIR_BYTES, pairs * 8),
      back: new Float64Array(buffer, 2 * pairs * PAIR_BYTES, pairs * 8),
    };
  }

  /** w[at, at + src.length) = src: the float32s are copied into the block's upper bytes and widened in place. */
  widen(src: Float32Array, at: number): void {
    const count = src.length;
    const quads = count >> 2;
    if (quads > 0) {
      const dst = this.w + 8 * at;
      const staged = dst + 4 * count;
      this.singles.set(4 * quads === count ? src : src.subarray(0, 4 * quads), staged >> 2);
      this.exports.widen(staged, dst, quads);
    }
    // After the staging, which may lie over these samples.
    const w = this.block;
    for (let i = 4 * quads; i < count; i++) w[at + i] = src[i];
  }

  /** out[at, at + hi − lo) = w[lo, hi) as float32s, narrowed in place in the block (which it overwrites). */
  narrow(out: Float32Array, at: number, lo: number, hi: number): void {
    const count = hi - lo;
    const quads = count >> 2;
    const w = this.block;
    for (let i = 4 * quads; i < count; i++) out[at + i] = w[lo + i];
    if (quads === 0) return;
    const src = this.w + 8 * lo;
    this.exports.narrow(src, src, quads);
    out.set(this.singles.subarray(src >> 2, (src >> 2) + 4 * quads), at);
  }

  forward(from: number, to: number): void {
    if (to > from) this.exports.sweepForward(this.w + 8 * from, to - from, this.pairs * PAIR_BYTES, this.sections);
  }

  backward(lo: number, hi: number): void {
    if (hi > lo) this.exports.sweepBackward(this.w + 8 * (hi - 1), hi - lo, 2 * this.pairs * PAIR_BYTES, this.sections);
  }
}

let shared: WasmCascade | null | undefined;

/**
 * This thread's kernel, or null where WebAssembly or its SIMD instructions are unavailable or not allowed
 * (a Content-Security-Policy without 'wasm-unsafe-eval' refuses to compile it).
 */
export function wasmCascade(): WasmCascade | null {
  if (shared !== undefined) return shared;
  shared = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    if (api) shared = new WasmCascade(api, new api.Module(cascadeModuleBytes()));
  } catch {
    shared = null;
  }
  return shared;
}
