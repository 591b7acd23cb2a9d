/**
 * What the browser scenario "the analysis workers compile the WebAssembly kernels" replays for the Welch
 * spectrum: the module's bytes (transform size 2048, as for 2 kHz EMG), its memory once the driver has
 * written the tables, window and 32 stretches of a noisy recording, the calls the driver made for one
 * spectrum, and the means, last spectra and sorted columns they leave. Before printing, the same spectrum
 * is checked against fft.js with Hoare's selection (spectrum.ts's other path), bit for bit. Printed as JSON
 * in the band-pass replay's format (doubles as base64 of their bytes).
 *
 *   tsx tests/e2e/welch-kernel.ts
 */
import { WelchKernel } from '../../core/dsp/welch-wasm';

const SIZE = 2048;
const calls: Array<[string, number[]]> = [];
let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(0);
let snapshot: () => Uint8Array<ArrayBuffer> = () => new Uint8Array(0);
// The kernel's own driver, with every call into the module written down on the way and the memory taken
// at the first call.
const recording = {
  Module: function Module(b: Uint8Array<ArrayBuffer>) {
    bytes = b.slice();
    return new WebAssembly.Module(b);
  },
  Instance: function Instance(module: WebAssembly.Module) {
    const exports = new WebAssembly.Instance(module).exports as Record<string, unknown>;
    const memory = exports.memory as WebAssembly.Memory;
    snapshot = () => new Uint8Array(memory.buffer).slice();
    const wrapped: Record<string, unknown> = { memory };
    for (const [name, fn] of Object.entries(exports)) {
      if (typeof fn !== 'function') continue;
      wrapped[name] = (...args: number[]) => {
        if (calls.length === 0) initial = snapshot();
        calls.push([name, args]);
        return (fn as (...a: number[]) => void)(...args);
      };
    }
    return { exports: wrapped };
  },
};
let initial: Uint8Array<ArrayBuffer> = new Uint8Array(0);
const hann = Float64Array.from({ length: SIZE }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / SIZE));
const kernel = new WelchKernel(recording as never, SIZE, hann);

let seed = 5;
const noise = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 200;
const x = Float32Array.from({ length: 32 * SIZE }, (_, i) => noise() + 80 * Math.sin(i * 0.157) + 3);
kernel.samples.set(x);
const bins = 533;
kernel.stretchMeans(32);
for (let u = 0; u < 32; u += 2) kernel.pair(u, u + 1, u, bins);
if (!kernel.finite()) throw new Error('a NaN power in a finite recording');
const power = new Float64Array(bins);
kernel.medians(32, bins, 15, power);

// The same spectrum through fft.js and Hoare's selection, the path where WebAssembly is refused.
const reference = (async () => {
  const { welchSpectrum } = await import('../../core/dsp/spectrum');
  const real = globalThis.WebAssembly;
  (globalThis as { WebAssembly?: unknown }).WebAssembly = undefined;
  try {
    return welchSpectrum(x, 2000, SIZE, 32, bins - 1)!.power;
  } finally {
    (globalThis as { WebAssembly?: unknown }).WebAssembly = real;
  }
})();

void reference.then((want) => {
  for (let k = 0; k < bins; k++) if (!Object.is(want[k], power[k])) throw new Error(`bin ${k}: kernel ${power[k]}, fft.js ${want[k]}`);
  const base64 = (a: Float64Array | Uint8Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const region = (a: Float64Array): [number, number] => [a.byteOffset, a.length];
  process.stdout.write(
    JSON.stringify({
      bytes: base64(bytes),
      memory: base64(initial),
      calls,
      regions: { means: region(kernel.means), spectra: region(kernel.spectra), columns: region(kernel.columns) },
      expected: { means: base64(kernel.means), spectra: base64(kernel.spectra), columns: base64(kernel.columns) },
    }),
  );
});
