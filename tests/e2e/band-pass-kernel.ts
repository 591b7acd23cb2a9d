/**
 * What the browser scenario "the band-pass kernel runs in the app's workers" replays: the WebAssembly
 * band-pass module's bytes, its memory before one block's forward and backward sweeps of the bench's
 * 8-section cascade, the calls the kernel's driver made, and the block and states the JavaScript passes
 * give for the same input. Printed as JSON (doubles as base64 of their bytes, so every bit survives).
 *
 *   tsx tests/e2e/band-pass-kernel.ts
 */
import { JsCascade } from '../../core/dsp/biquad-js';
import { cascadeModuleBytes, WasmCascade } from '../../core/dsp/biquad-wasm';
import { bandpassDesign } from '../../core/dsp/design-cache';

const LENGTH = 5000;
const design = bandpassDesign(4, 20, 450, 2000, [50, 150, 250, 350].map((hz) => ({ hz, q: 30 })));
const calls: Array<[string, number[]]> = [];
// The kernel's own driver, with every call into the module written down on the way.
const recording = {
  Module: WebAssembly.Module,
  Instance: function Instance(module: WebAssembly.Module) {
    const exports = new WebAssembly.Instance(module).exports as Record<string, unknown>;
    const wrapped: Record<string, unknown> = { memory: exports.memory };
    for (const [name, fn] of Object.entries(exports)) {
      if (typeof fn === 'function') wrapped[name] = (...args: number[]) => (calls.push([name, args]), (fn as (...a: number[]) => void)(...args));
    }
    return { exports: wrapped };
  },
};
const bytes = cascadeModuleBytes();
const kernel = new WasmCascade(recording as never, new WebAssembly.Module(bytes));
const js = new JsCascade();
const a = kernel.open(design, LENGTH);
const b = js.open(design, LENGTH);
let seed = 3;
const noise = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 200;
a.w.set(Float64Array.from({ length: LENGTH }, noise));
for (const s of [a.state, a.back]) {
  for (let o = 0; o < s.length; o += 8) {
    for (let i = 0; i < 8; i += 2) s[o + i] = noise();
    // A pair's second section has seen the first's outputs.
    s[o + 1] = s[o + 4];
    s[o + 3] = s[o + 6];
    s[o + 5] = noise();
    s[o + 7] = noise();
  }
}
b.w.set(a.w.subarray(0, LENGTH));
b.state.set(a.state);
b.back.set(a.back);
const memory = new Uint8Array(a.w.buffer, 0, a.w.byteOffset + 8 * LENGTH).slice();
for (const c of [kernel, js]) {
  c.forward(0, LENGTH);
  c.backward(0, LENGTH);
}
const base64 = (x: Float64Array | Uint8Array): string => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64');
const region = (x: Float64Array): [number, number] => [x.byteOffset, x.length];
process.stdout.write(
  JSON.stringify({
    bytes: base64(bytes),
    memory: base64(memory),
    calls,
    regions: { w: region(a.w), state: region(a.state), back: region(a.back) },
    expected: { w: base64(b.w.subarray(0, LENGTH)), state: base64(b.state), back: base64(b.back) },
  }),
);
