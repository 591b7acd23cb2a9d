import { describe, expect, it } from 'vitest';
import { lastBinRead } from '../../core/detect/emg-condition';
import { findMains, residualHum } from '../../core/dsp/mains';
import { welchSpectrum, type PowerSpectrum } from '../../core/dsp/spectrum';
import { Prng } from '../../core/simulate/prng';

// The analysis forms the raw and residual spectra's medians only up to lastBinRead(...): findMains,
// residualHum (and foldedHumRatio, which is residualHum on the raw spectrum) must never read above it.

/** A spectrum whose reads are recorded: the highest index read is kept in `top.max`. */
function watched(power: Float64Array, binHz: number, top: { max: number }): PowerSpectrum {
  const proxy = new Proxy(power, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) top.max = Math.max(top.max, Number(key));
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { power: proxy as unknown as Float64Array, binHz };
}

describe('spectrum bins the mains search and the hum measure read', () => {
  it('stay at or below lastBinRead, whatever the rate, band and harmonics', () => {
    const rng = new Prng(18);
    let lines = 0;
    for (let c = 0; c < 400; c++) {
      const fs = [250, 500, 512, 1000, 1024, 1111, 2000, 2048, 4000, 4096, 10000][c % 11] * (c % 3 === 0 ? 1 : rng.uniform(0.9, 1.1));
      const nfft = 2 ** Math.ceil(Math.log2(Math.round(fs)));
      const binHz = fs / nfft;
      const bins = nfft / 2 + 1;
      const minHz = rng.uniform(1, 30);
      const highHz = Math.min(rng.uniform(40, 600), 0.45 * fs);
      const maxHz = Math.min(0.45 * fs, highHz * 1.1);
      const maxHarmonic = 1 + Math.floor(rng.uniform(0, 80));
      // Noise with every harmonic (folded or not) of both mains standing out, at the bin and off it by up
      // to its drift, so lines are found at the edges of their reach.
      const power = new Float64Array(bins);
      for (let k = 0; k < bins; k++) power[k] = rng.uniform(0.5, 1.5);
      for (const f0 of [50, 60]) {
        for (let h = 1; h <= maxHarmonic; h++) {
          const r = (h * f0) % fs;
          const hz = r <= fs / 2 ? r : fs - r;
          const k = Math.round((hz + rng.uniform(-0.1, 0.1) * h) / binHz);
          if (k > 0 && k < bins - 1) power[k] = rng.uniform(5, 1000);
        }
      }
      const top = { max: -1 };
      const spec = watched(power, binHz, top);
      const mains = findMains(spec, { fs, minHz, maxHz, minProminence: 6, maxHarmonic });
      residualHum(spec, mains.lines, minHz, highHz);
      residualHum(spec, mains.lines.filter((l) => l.aliased), minHz, highHz);
      lines += mains.lines.length;
      expect(top.max).toBeLessThanOrEqual(lastBinRead(maxHz, binHz, maxHarmonic));
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('the bins formed are the full spectrum\'s, bit for bit, and the rest NaN', () => {
    const rng = new Prng(7);
    for (const [n, nfft, segments] of [[50000, 2048, 32], [9000, 1024, 32], [3000, 1024, 2], [2048, 2048, 32]] as const) {
      const x = new Float32Array(n);
      for (let i = 0; i < n; i++) x[i] = Math.sin(i * 0.3) * 100 + rng.gaussian() * 10 ** rng.uniform(-2, 2);
      if (n > 9000) x[12345] = Number.NaN;
      const full = welchSpectrum(x, 2000, nfft, segments)!;
      for (const last of [-5, 0, 1, 100, nfft / 2 - 1, nfft / 2, nfft]) {
        const part = welchSpectrum(x, 2000, nfft, segments, last)!;
        expect(part.binHz).toBe(full.binHz);
        expect(part.power.length).toBe(full.power.length);
        const formed = Math.max(1, Math.min(nfft / 2 + 1, last + 1));
        for (let k = 0; k < full.power.length; k++) {
          if (k < formed) expect(Object.is(part.power[k], full.power[k])).toBe(true);
          else expect(part.power[k]).toBeNaN();
        }
      }
    }
  });
});
