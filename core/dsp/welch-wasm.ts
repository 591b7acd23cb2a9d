import { transformBody, writeFftTables, type FftLayout } from './fft-kernel';
import { F64, FunctionBody, I32, moduleBytes, V128 } from './wasm-emit';

/**
 * The Welch spectrum's steps as WebAssembly SIMD kernels, one module per transform size: stretch means,
 * windows, fft.js's real transform two stretches at a time (fft-kernel.ts), powers and per-bin medians.
 *
 * Per-bin medians: each bin's powers over up to COLUMNS stretches sorted by Batcher's odd-even merge sort
 * (Knuth, TAOCP vol. 3, 5.3.4), two bins per vector. Without NaN among them the sorted values are the order
 * statistics, which are unique values, so any rank read is the number Hoare's selection returns.
 */

/** Stretches a bin's median is formed over at most (the analysis uses 32). */
export const COLUMNS = 32;

/** Byte addresses in the kernel's memory: the transform's, then the rest of the spectrum's. */
interface Layout extends FftLayout {
  /** The periodic Hann window, `size` doubles. */
  hann: number;
  /** Up to COLUMNS stretches of float32 samples, `size` each. */
  samples: number;
  /** Their means, COLUMNS doubles. */
  means: number;
  /** The indices of the stretches whose mean is a number, in order (COLUMNS int32s), and how many (one int32). */
  usable: number;
  used: number;
  /** The sum of the powers last written, per lane: NaN if one of them is. */
  check: number;
  /** Bins' powers: for each pair of bins, COLUMNS vectors (stretch c of bin 2m and bin 2m + 1). */
  columns: number;
  bytes: number;
}

function layoutOf(size: number): Layout {
  const table = 0;
  const starts = table + 16 * size;
  const frames = starts + 4 * size;
  const spectra = frames + 16 * size;
  const hann = spectra + 32 * size;
  const samples = hann + 8 * size;
  const means = samples + 4 * COLUMNS * size;
  const usable = means + 8 * COLUMNS;
  const used = usable + 4 * COLUMNS;
  const check = used + 16;
  const columns = check + 16;
  return { size, table, starts, frames, spectra, hann, samples, means, usable, used, check, columns, bytes: columns + 16 * COLUMNS * binPairs(size) };
}

/** Pairs of bins 0..size/2. */
function binPairs(size: number): number {
  return (size / 2 + 2) >> 1;
}

/**
 * The means of `quads` × 4 stretches, four at a time (two per vector, so four chains of additions overlap):
 * each lane adds its stretch's samples as doubles in sample order from 0 and divides by their count, as
 * spectrum.ts's finiteMean does (whose early NaN return gives a NaN here too: the sum is NaN).
 */
function meansBody(l: Layout): FunctionBody {
  const f = new FunctionBody([I32]);
  const quads = 0;
  const [p, i, out] = [f.local(I32), f.local(I32), f.local(I32)];
  const [lo, hi, count] = [f.local(V128), f.local(V128), f.local(V128)];
  const stretch = 4 * l.size;
  f.f64x2Const(l.size, l.size).set(count);
  f.i32(l.samples).set(p).i32(l.means).set(out);
  f.block().get(quads).i32Eqz().brIf(0).loop();
  f.f64x2Const(0, 0).set(lo).f64x2Const(0, 0).set(hi).i32(l.size).set(i).loop();
  [lo, hi].forEach((sum, m) => {
    f.get(sum).get(p).get(p).v128Load32Zero(2 * m * stretch).v128Load32Lane((2 * m + 1) * stretch, 1).f64x2PromoteLow().f64x2Add().set(sum);
  });
  f.get(p).i32(4).i32Add().set(p);
  f.get(i).i32(1).i32Sub().tee(i).brIf(0).end();
  f.get(out).get(lo).get(count).f64x2Div().v128Store(0).get(out).get(hi).get(count).f64x2Div().v128Store(16);
  f.get(p).i32(3 * stretch).i32Add().set(p).get(out).i32(32).i32Add().set(out);
  f.get(quads).i32(1).i32Sub().tee(quads).brIf(0).end().end();
  return f;
}

/** The indices of the first `count` stretches whose mean is a number (x = x), in order, into `usable`; how many into `used`. */
function usableBody(l: Layout): FunctionBody {
  const f = new FunctionBody([I32]);
  const count = 0;
  const [s, k, m] = [f.local(I32), f.local(I32), f.local(I32)];
  f.i32(l.means).set(m);
  f.block().get(count).i32Eqz().brIf(0).loop();
  f.block().get(m).f64Load().get(m).f64Load().f64Eq().i32Eqz().brIf(0);
  f.get(k).i32(4).i32Mul().get(s).i32Store(l.usable).get(k).i32(1).i32Add().set(k).end();
  f.get(m).i32(8).i32Add().set(m).get(s).i32(1).i32Add().tee(s).get(count).i32Ne().brIf(0).end().end();
  f.i32(0).get(k).i32Store(l.used);
  return f;
}

/**
 * Two stretches (byte addresses `a` and `b` of their float32 samples), less their means, times the window,
 * into the interleaved frames: (x − mean) · w per lane, as spectrum.ts's windowInto.
 */
function windowBody(l: Layout): FunctionBody {
  const f = new FunctionBody([I32, I32, F64, F64]);
  const [a, b, meanA, meanB] = [0, 1, 2, 3];
  const [i, w, o] = [f.local(I32), f.local(I32), f.local(I32)];
  const means = f.local(V128);
  f.get(meanA).f64x2Splat().get(meanB).f64x2ReplaceLane(1).set(means);
  f.i32(l.size).set(i).i32(l.hann).set(w).i32(l.frames).set(o).loop();
  f.get(o).get(b).get(a).v128Load32Zero().v128Load32Lane(0, 1).f64x2PromoteLow().get(means).f64x2Sub();
  f.get(w).v128Load64Splat().f64x2Mul().v128Store();
  f.get(a).i32(4).i32Add().set(a).get(b).i32(4).i32Add().set(b).get(w).i32(8).i32Add().set(w).get(o).i32(16).i32Add().set(o);
  f.get(i).i32(1).i32Sub().tee(i).brIf(0).end();
  return f;
}

/**
 * |X_k|² = re·re + im·im of both spectra (as spectrum.ts's storePower) for `pairs` pairs of bins into
 * columns c (the first spectrum) and c + 1 at byte offset 16·c of each bin pair's columns; their sum per
 * lane added to `check` (NaN exactly when a power is: powers are ≥ 0, so no ∞ − ∞).
 */
function powersBody(l: Layout): FunctionBody {
  const f = new FunctionBody([I32, I32]);
  const [offset, pairs] = [0, 1];
  const [sp, q] = [f.local(I32), f.local(I32)];
  const [even, odd, sum] = [f.local(V128), f.local(V128), f.local(V128)];
  f.f64x2Const(0, 0).set(sum).i32(l.spectra).set(sp).get(offset).i32(l.columns).i32Add().set(q);
  f.block().get(pairs).i32Eqz().brIf(0).loop();
  [even, odd].forEach((p, b) => {
    f.get(sp).v128Load(32 * b).get(sp).v128Load(32 * b).f64x2Mul().get(sp).v128Load(32 * b + 16).get(sp).v128Load(32 * b + 16).f64x2Mul().f64x2Add().set(p);
    f.get(q).get(p).v128Store64Lane(8 * b, 0).get(q).get(p).v128Store64Lane(16 + 8 * b, 1);
  });
  f.get(sum).get(even).f64x2Add().get(odd).f64x2Add().set(sum);
  f.get(sp).i32(64).i32Add().set(sp).get(q).i32(16 * COLUMNS).i32Add().set(q);
  f.get(pairs).i32(1).i32Sub().tee(pairs).brIf(0).end().end();
  f.i32(l.check).i32(l.check).v128Load().get(sum).f64x2Add().v128Store();
  return f;
}

/** The module's functions, in the order `pairBody` calls them by. */
const FUNCTIONS = ['transform', 'sortColumns', 'stretchMeans', 'usable', 'window', 'powers', 'pair'] as const;

/** window(a, b, mean a, mean b), transform, powers(offset, pairs): one call from JavaScript per pair of stretches. */
function pairBody(): FunctionBody {
  const f = new FunctionBody([I32, I32, F64, F64, I32, I32]);
  [0, 1, 2, 3].forEach((i) => f.get(i));
  f.call(FUNCTIONS.indexOf('window')).call(FUNCTIONS.indexOf('transform'));
  f.get(4).get(5).call(FUNCTIONS.indexOf('powers'));
  return f;
}

/** Batcher's odd-even merge sort of `n` (a power of two) values: the compare-exchanges in order. */
export function sortingNetwork(n: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let p = 1; p < n; p *= 2) {
    for (let k = p; k >= 1; k /= 2) {
      for (let j = k % p; j <= n - 1 - k; j += 2 * k) {
        for (let i = 0; i <= Math.min(k - 1, n - j - k - 1); i++) {
          if (Math.floor((i + j) / (2 * p)) === Math.floor((i + j + k) / (2 * p))) pairs.push([i + j, i + j + k]);
        }
      }
    }
  }
  return pairs;
}

/** Sorts each of `pairs` bin pairs' COLUMNS vectors in place, lane by lane. */
function mediansBody(l: Layout): FunctionBody {
  const f = new FunctionBody([I32]);
  const count = 0;
  const p = f.local(I32);
  const v = Array.from({ length: COLUMNS }, () => f.local(V128));
  const t = f.local(V128);
  f.i32(l.columns).set(p);
  f.block().get(count).i32Eqz().brIf(0).loop();
  v.forEach((r, c) => f.get(p).v128Load(16 * c).set(r));
  for (const [a, b] of sortingNetwork(COLUMNS)) {
    f.get(v[a]).get(v[b]).f64x2Pmin().set(t).get(v[a]).get(v[b]).f64x2Pmax().set(v[b]).get(t).set(v[a]);
  }
  v.forEach((r, c) => f.get(p).get(r).v128Store(16 * c));
  f.get(p).i32(16 * COLUMNS).i32Add().set(p);
  f.get(count).i32(1).i32Sub().tee(count).brIf(0).end().end();
  return f;
}

/** The part of the WebAssembly JavaScript API used here (core is typed without the DOM's or Node's globals). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
}

/**
 * One transform size's kernels, used in this order for each spectrum:
 * - `stretches(x, at)`: the stretches' float32 samples into `samples` (stretch s from s · size), and
 *   `stretchMeans(count)`, which writes `means`;
 * - for two stretches at a time, `pair(s, t, c, bins)`: their windows into `frames`, `transform` (both spectra
 *   are then in `spectra`, interleaved: element j of fft.js's complex output of stretch s at 2j, of t at
 *   2j + 1), their powers kept as the c-th and (c + 1)-th stretch used;
 * - `finite()`, then `medians(used, bins, rank, power)`: each bin's rank-th smallest power.
 */
export class WelchKernel {
  readonly samples: Float32Array;
  /** The transform's two frames, interleaved (as `window` writes them). */
  readonly frames: Float64Array;
  readonly means: Float64Array;
  /** The stretches usable since the last `stretchMeans`: their indices, in order (how many: its return value). */
  readonly usable: Int32Array;
  readonly spectra: Float64Array;
  readonly transform: () => void;
  /** Bin k's power of the c-th stretch used at `(k >> 1) * 2 * COLUMNS + 2 * c + (k & 1)`. */
  readonly columns: Float64Array;
  private readonly check: Float64Array;
  private readonly used: Int32Array;
  private readonly exports: KernelExports;
  private readonly layout: Layout;

  constructor(api: WasmApi, readonly size: number, hann: Float64Array) {
    const l = layoutOf(size);
    const bodies = { transform: transformBody(l), sortColumns: mediansBody(l), stretchMeans: meansBody(l), usable: usableBody(l), window: windowBody(l), powers: powersBody(l), pair: pairBody() };
    const functions = FUNCTIONS.map((name) => ({ name, body: bodies[name] }));
    const module = new api.Module(moduleBytes(functions, Math.ceil(l.bytes / 65536)));
    const exports = new api.Instance(module).exports as KernelExports;
    const buffer = exports.memory.buffer;
    writeFftTables(buffer, l);
    new Float64Array(buffer, l.hann, size).set(hann);
    this.samples = new Float32Array(buffer, l.samples, COLUMNS * size);
    this.means = new Float64Array(buffer, l.means, COLUMNS);
    this.usable = new Int32Array(buffer, l.usable, COLUMNS);
    this.used = new Int32Array(buffer, l.used, 1);
    this.frames = new Float64Array(buffer, l.frames, 2 * size);
    this.spectra = new Float64Array(buffer, l.spectra, 4 * size);
    this.columns = new Float64Array(buffer, l.columns, 2 * COLUMNS * binPairs(size));
    this.check = new Float64Array(buffer, l.check, 2);
    this.transform = exports.transform;
    this.exports = exports;
    this.layout = l;
  }

  /** The means of the first `count` stretches in `samples`, and which are usable; starts a spectrum. Returns how many are usable. */
  stretchMeans(count: number): number {
    this.exports.stretchMeans((count + 3) >> 2);
    this.exports.usable(count);
    this.check.fill(0);
    return this.used[0];
  }

  /**
   * Starts a spectrum of the stretches of `x` starting at `at` (at most COLUMNS): copies them into `samples`,
   * forms their means, and returns how many hold no NaN (their indices: `usable`). The module picks them, so
   * this loop is all the JavaScript left per spectrum (little to optimise, late, inside the analysis).
   */
  stretches(x: Float32Array, at: number[]): number {
    const { samples, size } = this;
    for (let s = 0; s < at.length; s++) samples.set(x.subarray(at[s], at[s] + size), s * size);
    return this.stretchMeans(at.length);
  }

  /**
   * Stretches `s` and `t` of `samples` (t may repeat s), less their means, times the window, transformed, and
   * their powers of bins [0, bins) kept as the c-th and (c + 1)-th stretch used.
   */
  pair(s: number, t: number, c: number, bins: number): void {
    const { samples, size } = this.layout;
    const means = this.means;
    this.exports.pair(samples + 4 * size * s, samples + 4 * size * t, means[s], means[t], 16 * c, (bins + 1) >> 1);
  }

  /** Whether every power kept since the last `stretchMeans` is a number. */
  finite(): boolean {
    const check = this.check;
    return check[0] === check[0] && check[1] === check[1];
  }

  /**
   * Each bin's rank-th smallest power over the first `used` stretches, into power[0, bins): the columns
   * unused hold +Infinity, above every rank read; a sort of NaN-free values puts the order statistics, which
   * are unique values, in place.
   */
  medians(used: number, bins: number, rank: number, power: Float64Array): void {
    const columns = this.columns;
    const pairs = (bins + 1) >> 1;
    const stride = 2 * COLUMNS;
    if (used < COLUMNS) for (let m = 0; m < pairs; m++) columns.fill(Infinity, m * stride + 2 * used, (m + 1) * stride);
    this.exports.sortColumns(pairs);
    for (let k = 0; k < bins; k++) power[k] = columns[(k >> 1) * stride + 2 * rank + (k & 1)];
  }

  /** Bin k's powers of the first `used` stretches, in their order, into `out`. */
  bin(k: number, used: number, out: Float64Array): void {
    const at = (k >> 1) * 2 * COLUMNS + (k & 1);
    for (let c = 0; c < used; c++) out[c] = this.columns[at + 2 * c];
  }
}

interface KernelExports {
  memory: { buffer: ArrayBuffer };
  transform: () => void;
  sortColumns: (pairs: number) => void;
  stretchMeans: (quads: number) => void;
  usable: (count: number) => void;
  pair: (a: number, b: number, meanA: number, meanB: number, offset: number, pairs: number) => void;
}

const kernels = new Map<number, WelchKernel | null>();
let refused = false;

/**
 * This thread's kernels for transforms of `size` (a power of two) with the window `hann` (the same for
 * every call of a size), or null where WebAssembly or its SIMD
 * instructions are unavailable or not allowed (a Content-Security-Policy without 'wasm-unsafe-eval').
 */
export function welchKernel(size: number, hann: Float64Array): WelchKernel | null {
  let kernel = kernels.get(size);
  if (kernel !== undefined) return kernel;
  kernel = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api && !refused) {
    try {
      kernel = new WelchKernel(api, size, hann);
    } catch {
      refused = true;
    }
  }
  kernels.set(size, kernel);
  return kernel;
}
