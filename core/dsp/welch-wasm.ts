import { F64, FunctionBody, I32, moduleBytes, V128 } from './wasm-emit';

/**
 * The Welch spectrum's two costly steps as WebAssembly SIMD kernels, one module per transform size.
 *
 * fft.js's real transform (`FFT.realTransform`: a radix-2 or radix-4 first step over bit-reversed input,
 * then radix-4 steps that form the lower half of the spectrum and its mirror) on two frames at once, one per
 * lane of an f64x2 vector, as a WebAssembly SIMD kernel. Each lane runs fft.js's IEEE double operations in
 * its order, so each frame's spectrum has the library's bits; the vectors only run two frames side by side.
 *
 * Per-bin medians: each bin's powers over up to COLUMNS stretches sorted by Batcher's odd-even merge sort
 * (Knuth, TAOCP vol. 3, 5.3.4), two bins per vector. Without NaN among them the sorted values are the order
 * statistics, which are unique values, so any rank read is the number Hoare's selection returns.
 */

/** Stretches a bin's median is formed over at most (the analysis uses 32). */
export const COLUMNS = 32;

/** Byte addresses in the kernel's memory: the twiddle table, the first step's input addresses, the frames, the spectra. */
interface Layout {
  size: number;
  /** fft.js's table: cos and −sin of π·i/size for even i, 2·size doubles. */
  table: number;
  /** Where each first-step butterfly reads its first input: one i32 per butterfly. */
  starts: number;
  /** The two frames, interleaved: sample j of frame 0 and of frame 1 side by side (16 bytes). */
  frames: number;
  /** The two spectra, interleaved: fft.js's complex array (2·size doubles) of each, element by element. */
  spectra: number;
  /** The periodic Hann window, `size` doubles. */
  hann: number;
  /** Up to COLUMNS stretches of float32 samples, `size` each. */
  samples: number;
  /** Their means, COLUMNS doubles. */
  means: number;
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
  const check = means + 8 * COLUMNS;
  const columns = check + 16;
  return { size, table, starts, frames, spectra, hann, samples, means, check, columns, bytes: columns + 16 * COLUMNS * binPairs(size) };
}

/** Pairs of bins 0..size/2. */
function binPairs(size: number): number {
  return (size / 2 + 2) >> 1;
}

/** log2 of the first step's stride, as fft.js picks it: the steps after it are all radix-4. */
function firstWidth(size: number): number {
  let power = 0;
  for (let t = 1; size > t; t <<= 1) power++;
  return power % 2 === 0 ? power - 1 : power;
}

/** fft.js's bit-reversal pattern of its first step (the same expression, so the same values). */
function bitReversed(width: number, j: number): number {
  let r = 0;
  for (let shift = 0; shift < width; shift += 2) r |= ((j >>> shift) & 3) << (width - shift - 2);
  return r;
}

/** The transform of both frames into both spectra: the first step, then every radix-4 step. */
function transformBody(l: Layout): FunctionBody {
  const f = new FunctionBody([]);
  const csize = 2 * l.size;
  const width = firstWidth(l.size);
  const step0 = 1 << width;
  const len0 = (csize / step0) << 1;
  const end = l.spectra + 16 * csize;
  const r: Registers = {
    a: f.local(I32),
    o: f.local(I32),
    s: f.local(I32),
    n: f.local(I32),
    k: [f.local(I32), f.local(I32), f.local(I32)],
    v: Array.from({ length: 24 }, () => f.local(V128)),
    zero: f.local(V128),
    minusOne: f.local(V128),
  };
  f.f64x2Const(0, 0).set(r.zero).f64x2Const(-1, -1).set(r.minusOne);
  firstStep(f, l, r, len0, 16 * (step0 >>> 1), end);
  for (let step = step0 >> 2; step >= 2; step >>= 2) radix4Step(f, l, r, step, end);
  return f;
}

interface Registers {
  /** A butterfly's first element, its block's start, its mirror's first element (addresses); a count. */
  a: number;
  o: number;
  s: number;
  n: number;
  /** Twiddle addresses: table[k], table[2k], table[3k]. */
  k: number[];
  v: number[];
  zero: number;
  minusOne: number;
}

/**
 * fft.js's first step: _singleRealTransform2 (blocks of len 4) or _singleRealTransform4 (len 8) on samples
 * `apart` bytes apart from each bit-reversed start. inv · (Br − Dr) with inv = 1 is Br − Dr, NaN included.
 */
function firstStep(f: FunctionBody, l: Layout, r: Registers, len0: number, apart: number, end: number): void {
  const { a, o, zero } = r;
  const [Ar, Br, Cr, Dr, T0r, T1r, T2r, T3r] = r.v;
  const p = r.s;
  f.i32(l.starts).set(p).i32(l.spectra).set(o).loop();
  f.get(p).i32Load().set(a);
  if (len0 === 4) {
    f.get(a).v128Load().set(Ar).get(a).v128Load(apart).set(Br);
    f.get(o).get(Ar).get(Br).f64x2Add().v128Store(0).get(o).get(zero).v128Store(16);
    f.get(o).get(Ar).get(Br).f64x2Sub().v128Store(32).get(o).get(zero).v128Store(48);
  } else {
    [Ar, Br, Cr, Dr].forEach((v, i) => f.get(a).v128Load(i * apart).set(v));
    f.get(Ar).get(Cr).f64x2Add().set(T0r).get(Ar).get(Cr).f64x2Sub().set(T1r);
    f.get(Br).get(Dr).f64x2Add().set(T2r).get(Br).get(Dr).f64x2Sub().set(T3r);
    f.get(o).get(T0r).get(T2r).f64x2Add().v128Store(0).get(o).get(zero).v128Store(16);
    f.get(o).get(T1r).v128Store(32).get(o).get(T3r).f64x2Neg().v128Store(48);
    f.get(o).get(T0r).get(T2r).f64x2Sub().v128Store(64).get(o).get(zero).v128Store(80);
    f.get(o).get(T1r).v128Store(96).get(o).get(T3r).v128Store(112);
  }
  f.get(p).i32(4).i32Add().set(p);
  f.get(o).i32(16 * len0).i32Add().tee(o).i32(end).i32Ne().brIf(0).end();
}

/**
 * One of fft.js's radix-4 steps (its _realTransform4 loop at one `step`): in each block of `len` elements, the
 * butterfly at i = 0 also writes C; those at 0 < i < len/8 write their mirror image; the one at i = len/8
 * writes A and B only.
 */
function radix4Step(f: FunctionBody, l: Layout, r: Registers, step: number, end: number): void {
  const len = ((2 * l.size) / step) << 1;
  const quarter = len >>> 2;
  const hq = quarter >>> 1;
  const { a, o, s, n, k } = r;
  const twiddles = (index: number): void => {
    k.forEach((reg, m) => f.i32(l.table + 8 * (m + 1) * index).set(reg));
  };
  f.i32(l.spectra).set(o).loop();
  f.get(o).set(a);
  twiddles(0);
  butterfly(f, r, quarter, 'middle');
  if (hq > 2) {
    f.get(o).i32(32).i32Add().set(a).get(o).i32(16 * (quarter - 2)).i32Add().set(s);
    twiddles(step);
    f.i32(hq / 2 - 1).set(n).loop();
    butterfly(f, r, quarter, 'mirror');
    f.get(a).i32(32).i32Add().set(a).get(s).i32(-32).i32Add().set(s);
    k.forEach((reg, m) => f.get(reg).i32(8 * (m + 1) * step).i32Add().set(reg));
    f.get(n).i32(1).i32Sub().tee(n).brIf(0).end();
  }
  f.get(o).i32(16 * hq).i32Add().set(a);
  twiddles((step * hq) / 2);
  butterfly(f, r, quarter, 'none');
  f.get(o).i32(16 * len).i32Add().tee(o).i32(end).i32Ne().brIf(0).end();
}

/**
 * The butterfly on A, B, C, D (`quarter` elements apart from address `a`) with twiddles at the `k`
 * addresses, fft.js's statements in order. `middle` also writes C (at i = 0); `mirror` writes the flipped
 * outputs at `s` and `s` + quarter, with −inv·v as v·(−1): a product, so a NaN passes through unchanged, as in
 * the JavaScript (V8 folds x·(−1) into −0 − x, which keeps a NaN too); unary minus flips a NaN's sign in both.
 */
function butterfly(f: FunctionBody, r: Registers, quarter: number, writes: 'middle' | 'mirror' | 'none'): void {
  const { a, s, minusOne } = r;
  const [Ar, Ai, Br, Bi, Cr, Ci, Dr, Di, MBr, MBi, MCr, MCi, MDr, MDi, T0r, T0i, T1r, T1i, T2r, T2i, T3r, T3i, tr, ti] = r.v;
  const q = 16 * quarter;
  [Ar, Ai, Br, Bi, Cr, Ci, Dr, Di].forEach((v, i) => f.get(a).v128Load((i >> 1) * q + (i & 1) * 16).set(v));
  const twiddled = (kr: number, xr: number, xi: number, mr: number, mi: number): void => {
    f.get(kr).v128Load64Splat(0).set(tr).get(kr).v128Load64Splat(8).set(ti);
    f.get(xr).get(tr).f64x2Mul().get(xi).get(ti).f64x2Mul().f64x2Sub().set(mr);
    f.get(xr).get(ti).f64x2Mul().get(xi).get(tr).f64x2Mul().f64x2Add().set(mi);
  };
  twiddled(r.k[0], Br, Bi, MBr, MBi);
  twiddled(r.k[1], Cr, Ci, MCr, MCi);
  twiddled(r.k[2], Dr, Di, MDr, MDi);
  f.get(Ar).get(MCr).f64x2Add().set(T0r).get(Ai).get(MCi).f64x2Add().set(T0i);
  f.get(Ar).get(MCr).f64x2Sub().set(T1r).get(Ai).get(MCi).f64x2Sub().set(T1i);
  f.get(MBr).get(MDr).f64x2Add().set(T2r).get(MBi).get(MDi).f64x2Add().set(T2i);
  f.get(MBr).get(MDr).f64x2Sub().set(T3r).get(MBi).get(MDi).f64x2Sub().set(T3i);
  f.get(a).get(T0r).get(T2r).f64x2Add().v128Store(0).get(a).get(T0i).get(T2i).f64x2Add().v128Store(16);
  f.get(a).get(T1r).get(T3i).f64x2Add().v128Store(q).get(a).get(T1i).get(T3r).f64x2Sub().v128Store(q + 16);
  if (writes === 'middle') {
    f.get(a).get(T0r).get(T2r).f64x2Sub().v128Store(2 * q).get(a).get(T0i).get(T2i).f64x2Sub().v128Store(2 * q + 16);
  } else if (writes === 'mirror') {
    // SFA = (T1r + (−inv)·T3i, −T1i + (−inv)·T3r), SFB = (T0r + (−inv)·T2r, −T0i − (−inv)·T2i).
    f.get(s).get(T1r).get(minusOne).get(T3i).f64x2Mul().f64x2Add().v128Store(0);
    f.get(s).get(T1i).f64x2Neg().get(minusOne).get(T3r).f64x2Mul().f64x2Add().v128Store(16);
    f.get(s).get(T0r).get(minusOne).get(T2r).f64x2Mul().f64x2Add().v128Store(q);
    f.get(s).get(T0i).f64x2Neg().get(minusOne).get(T2i).f64x2Mul().f64x2Sub().v128Store(q + 16);
  }
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
const FUNCTIONS = ['transform', 'sortColumns', 'stretchMeans', 'window', 'powers', 'pair'] as const;

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
 * - the stretches' float32 samples into `samples` (stretch s from s · size), then `stretchMeans(count)`, which
 *   writes `means`;
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
  readonly spectra: Float64Array;
  readonly transform: () => void;
  /** Bin k's power of the c-th stretch used at `(k >> 1) * 2 * COLUMNS + 2 * c + (k & 1)`. */
  readonly columns: Float64Array;
  private readonly check: Float64Array;
  private readonly exports: KernelExports;
  private readonly layout: Layout;

  constructor(api: WasmApi, readonly size: number, hann: Float64Array) {
    const l = layoutOf(size);
    const bodies = { transform: transformBody(l), sortColumns: mediansBody(l), stretchMeans: meansBody(l), window: windowBody(l), powers: powersBody(l), pair: pairBody() };
    const functions = FUNCTIONS.map((name) => ({ name, body: bodies[name] }));
    const module = new api.Module(moduleBytes(functions, Math.ceil(l.bytes / 65536)));
    const exports = new api.Instance(module).exports as KernelExports;
    const buffer = exports.memory.buffer;
    const table = new Float64Array(buffer, l.table, 2 * size);
    for (let i = 0; i < table.length; i += 2) {
      const angle = (Math.PI * i) / size;
      table[i] = Math.cos(angle);
      table[i + 1] = -Math.sin(angle);
    }
    const width = firstWidth(size);
    const butterflies = (1 << width) >>> 1;
    const starts = new Int32Array(buffer, l.starts, butterflies);
    for (let t = 0; t < butterflies; t++) starts[t] = l.frames + 16 * (bitReversed(width, t) >>> 1);
    new Float64Array(buffer, l.hann, size).set(hann);
    this.samples = new Float32Array(buffer, l.samples, COLUMNS * size);
    this.means = new Float64Array(buffer, l.means, COLUMNS);
    this.frames = new Float64Array(buffer, l.frames, 2 * size);
    this.spectra = new Float64Array(buffer, l.spectra, 4 * size);
    this.columns = new Float64Array(buffer, l.columns, 2 * COLUMNS * binPairs(size));
    this.check = new Float64Array(buffer, l.check, 2);
    this.transform = exports.transform;
    this.exports = exports;
    this.layout = l;
  }

  /** The means of the first `count` stretches in `samples`; starts a spectrum. */
  stretchMeans(count: number): void {
    this.exports.stretchMeans((count + 3) >> 2);
    this.check.fill(0);
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
