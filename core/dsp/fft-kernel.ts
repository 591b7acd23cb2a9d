import { FunctionBody, I32, V128 } from './wasm-emit';

/**
 * fft.js's real transform (`FFT.realTransform`: a radix-2 or radix-4 first step over bit-reversed input,
 * then radix-4 steps that form the lower half of the spectrum and its mirror) on two frames at once, one per
 * lane of an f64x2 vector, as the body of a WebAssembly SIMD function with one size's layout written into
 * its code. Each lane runs fft.js's IEEE double operations in its order, so each frame's spectrum has the
 * library's bits; the vectors only run two frames side by side.
 */

/** Byte addresses of the transform's data in its module's memory. */
export interface FftLayout {
  size: number;
  /** fft.js's table: cos and −sin of π·i/size for even i, 2·size doubles. */
  table: number;
  /** Where each first-step butterfly reads its first input: one i32 per butterfly (size / 2 at most). */
  starts: number;
  /** The two frames, interleaved: sample j of frame 0 and of frame 1 side by side (16 bytes). */
  frames: number;
  /** The two spectra, interleaved: fft.js's complex array (2·size doubles) of each, element by element. */
  spectra: number;
}

/** Writes the twiddle table and the first step's input addresses, as fft.js makes its tables, into `buffer`. */
export function writeFftTables(buffer: ArrayBuffer, l: FftLayout): void {
  const size = l.size;
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
export function transformBody(l: FftLayout): FunctionBody {
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
function firstStep(f: FunctionBody, l: FftLayout, r: Registers, len0: number, apart: number, end: number): void {
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
function radix4Step(f: FunctionBody, l: FftLayout, r: Registers, step: number, end: number): void {
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
