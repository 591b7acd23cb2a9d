import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsCascade } from '../../core/dsp/biquad-js';
import { LAG, wasmCascade, WasmCascade } from '../../core/dsp/biquad-wasm';
import { bandpassDesign } from '../../core/dsp/design-cache';
import { FilterScratch, ZeroPhaseFilter } from '../../core/dsp/filtfilt';
import { butterworthLowpass, cascade, notch, type Sos } from '../../core/dsp/sos';
import { withoutWebAssembly } from '../support/without-wasm';

// The WebAssembly SIMD cascade against the JavaScript passes: the same bits for every sample that is a
// number. A NaN comes out as a NaN at the same sample; which NaN (its sign) is not fixed by JavaScript
// (a typed array may store any NaN encoding) and follows the engine's choice of operand order.
function mismatches(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  const wide = a instanceof Float64Array;
  const A = wide ? new BigUint64Array(a.buffer, a.byteOffset, a.length) : new Uint32Array(a.buffer, a.byteOffset, a.length);
  const B = wide ? new BigUint64Array(b.buffer, b.byteOffset, b.length) : new Uint32Array(b.buffer, b.byteOffset, b.length);
  let bad = 0;
  for (let i = 0; i < a.length; i++) if (A[i] !== B[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) bad++;
  return bad;
}

let seed = 17;
function uniform(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

/** Noise with the awkward values sprinkled in: NaN, infinities, ±0, subnormals, the largest floats. */
function awkward(n: number): Float32Array {
  const specials = [NaN, Infinity, -Infinity, 0, -0, 1e-40, -1e-45, 3.4e38, -3.4e38, 1e-30];
  return Float32Array.from({ length: n }, () => {
    const r = uniform();
    return r < 0.02 ? specials[Math.floor(uniform() * specials.length)] : (r - 0.5) * 200;
  });
}

/** Cascades of 1 to 11 sections: odd counts leave one section on its own, even counts fill the wavefront. */
function designs(): Sos[] {
  const mains = (k: number): Array<{ hz: number; q: number }> => Array.from({ length: k }, (_, i) => ({ hz: 50 * (2 * i + 1), q: 30 }));
  return [
    notch(50, 30, 2000),
    butterworthLowpass(4, 300, 2000),
    cascade(butterworthLowpass(4, 300, 2000), notch(50, 30, 2000)),
    bandpassDesign(4, 20, 450, 2000),
    bandpassDesign(4, 20, 450, 2000, mains(1)),
    bandpassDesign(4, 20, 450, 2000, mains(4)),
    bandpassDesign(4, 20, 450, 2000, mains(7)),
  ];
}

/** Random states (8 doubles a pair) where a pair's second section has seen the first's outputs, as in a real pass. */
function consistentState(length: number): Float64Array {
  const s = Float64Array.from({ length }, () => uniform() - 0.5);
  for (let o = 0; o < length; o += 8) {
    s[o + 1] = s[o + 4];
    s[o + 3] = s[o + 6];
  }
  return s;
}

describe('band-pass cascade kernel (WebAssembly SIMD)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('compiles here, so the filters use it', () => {
    expect(wasmCascade()).toBeInstanceOf(WasmCascade);
    expect(new FilterScratch().cascade()).toBe(wasmCascade());
    expect(new FilterScratch(false).cascade()).toBeInstanceOf(JsCascade);
  });

  it('runs each block as the JavaScript passes do, at every length around the wavefront ramps', () => {
    const wasm = wasmCascade()!;
    const js = new JsCascade();
    const lengths = [...Array.from({ length: 4 * LAG + 3 }, (_, i) => i + 1), 7 * LAG + 3, 1000];
    for (const design of designs()) {
      for (const len of lengths) {
        for (const lo of [0, 1, Math.floor(len / 2)]) {
          if (lo >= len) continue;
          const x = Float64Array.from(awkward(len));
          const a = wasm.open(design, len);
          const b = js.open(design, len);
          for (const s of [a.state, a.back]) s.set(consistentState(s.length));
          b.state.set(a.state);
          b.back.set(a.back);
          a.w.set(x);
          b.w.set(x);
          for (const c of [wasm, js]) {
            c.forward(1, len);
            c.backward(lo, len - 1);
          }
          expect(mismatches(a.w.subarray(0, len), b.w.subarray(0, len))).toBe(0);
          expect(mismatches(a.state, b.state)).toBe(0);
          expect(mismatches(a.back, b.back)).toBe(0);
        }
      }
    }
  });

  it('widens float32s into its block and narrows its block to float32s as TypedArray.set does', () => {
    const wasm = wasmCascade()!;
    const js = new JsCascade();
    const design = designs()[1];
    const doubles = [NaN, Infinity, -Infinity, 0, -0, 1e-40, -1e-45, 7e-46, 3.4028235677973366e38, 3.5e38, -1e-310, 1 + 2 ** -24, 1 + 3 * 2 ** -24, 1 / 3];
    for (const count of [...Array.from({ length: 41 }, (_, i) => i), 1000, 4099]) {
      for (const at of [0, 1, 2, 3, 5]) {
        const len = at + count + 3;
        const singles = awkward(count);
        const wide = Float64Array.from({ length: count }, (_, i) => (uniform() < 0.2 ? doubles[i % doubles.length] : (uniform() - 0.5) * 10 ** (uniform() * 80 - 40)));
        const a = wasm.open(design, len);
        const b = js.open(design, len);
        const fill = Float64Array.from({ length: len }, () => uniform());
        a.w.set(fill);
        b.w.set(fill);
        wasm.widen(singles, at);
        js.widen(singles, at);
        expect(mismatches(a.w.subarray(0, len), b.w.subarray(0, len))).toBe(0);
        a.w.set(wide, at);
        b.w.set(wide, at);
        const outA = new Float32Array(len).fill(7);
        const outB = new Float32Array(len).fill(7);
        wasm.narrow(outA, 2, at, at + count);
        js.narrow(outB, 2, at, at + count);
        expect(mismatches(outA, outB)).toBe(0);
      }
    }
  });

  it('filters as the JavaScript passes do: every block size, padding and kept forward output', () => {
    let cases = 0;
    for (const design of designs()) {
      for (const [n, pad] of [[2, 0], [3, 5], [40, 16], [1000, 1], [5000, 500], [70_001, 1000]]) {
        const x = awkward(n);
        const [from, to] = n > 3 ? [1, n - 1] : [0, n];
        for (const block of [31, 48, 100, 4096, 1 << 15, 1 << 30]) {
          if (n > 5000 && block < 4096) continue;
          for (const keep of [false, true]) {
            const out = (simd: boolean): Float32Array => {
              const y = new Float32Array(n);
              new ZeroPhaseFilter(design, pad, new FilterScratch(simd), block).apply(x, y, from, to, keep ? new Float64Array(n) : undefined);
              return y;
            };
            expect(mismatches(out(true), out(false))).toBe(0);
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(400);
  });

  it('falls back to the JavaScript passes where WebAssembly is missing or refused, with the same results', async () => {
    const x = awkward(20_000);
    const design = bandpassDesign(4, 20, 450, 2000, [{ hz: 50, q: 30 }]);
    const expected = new Float32Array(x.length);
    new ZeroPhaseFilter(design, 1000, new FilterScratch(true)).apply(x, expected);
    for (const stub of withoutWebAssembly()) {
      vi.resetModules();
      vi.stubGlobal('WebAssembly', stub);
      const kernel = await import('../../core/dsp/biquad-wasm');
      const filters = await import('../../core/dsp/filtfilt');
      const js = await import('../../core/dsp/biquad-js');
      expect(kernel.wasmCascade()).toBeNull();
      const scratch = new filters.FilterScratch();
      expect(scratch.cascade()).toBeInstanceOf(js.JsCascade);
      const y = new Float32Array(x.length);
      new filters.ZeroPhaseFilter(design, 1000, scratch).apply(x, y);
      vi.unstubAllGlobals();
      expect(mismatches(y, expected)).toBe(0);
    }
  });
});
