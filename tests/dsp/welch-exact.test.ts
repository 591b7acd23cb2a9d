import FFT from 'fft.js';
import { describe, expect, it } from 'vitest';
import { quantileInPlace } from '../../core/dsp/robust';
import { welchSpectrum } from '../../core/dsp/spectrum';
import { Prng } from '../../core/simulate/prng';

// welchSpectrum as it was written first: one stretch after the other, its mean, window, transform, power;
// the window made per call. The faster one must give the same bits.
function welchOneByOne(x: Float32Array, fs: number, nfft: number, maxSegments: number) {
  if (nfft < 2 || x.length < nfft) return null;
  const fft = new FFT(nfft);
  const frame = new Float64Array(nfft);
  const out = fft.createComplexArray() as number[];
  const bins = nfft / 2 + 1;
  const frames = new Float64Array(bins * Math.max(1, maxSegments));
  const hann = new Float64Array(nfft);
  for (let i = 0; i < nfft; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / nfft);
  const starts = Math.min(maxSegments, Math.floor(x.length / nfft));
  const spacing = starts > 1 ? (x.length - nfft) / (starts - 1) : 0;
  let used = 0;
  for (let s = 0; s < starts; s++) {
    const at = Math.round(s * spacing);
    let sum = 0;
    let nan = false;
    for (let i = 0; i < nfft; i++) {
      if (Number.isNaN(x[at + i])) nan = true;
      sum += x[at + i];
    }
    const mean = nan ? Number.NaN : sum / nfft;
    // Infinities of both signs make the mean NaN too: that stretch is skipped as well.
    if (Number.isNaN(mean)) continue;
    for (let i = 0; i < nfft; i++) frame[i] = (x[at + i] - mean) * hann[i];
    fft.realTransform(out, frame);
    for (let k = 0; k < bins; k++) frames[k * maxSegments + used] = out[2 * k] * out[2 * k] + out[2 * k + 1] * out[2 * k + 1];
    used++;
  }
  if (used === 0) return null;
  const power = new Float64Array(bins);
  for (let k = 0; k < bins; k++) power[k] = quantileInPlace(frames, 0.5, k * maxSegments, k * maxSegments + used);
  return { power, binHz: fs / nfft };
}

describe('Welch spectrum: stretch means two at a time, window made once', () => {
  it('gives the bits of the one-stretch-at-a-time spectrum', () => {
    const rng = new Prng(18);
    const specials = [Number.NaN, 0, -0, Infinity, -Infinity, 3e38, 1e-45];
    let compared = 0;
    for (let c = 0; c < 300; c++) {
      const nfft = [2, 4, 8, 64, 256, 1024, 2048][c % 7];
      const n = Math.floor(nfft * rng.uniform(0.9, 40));
      const segments = [1, 2, 3, 7, 32, 33][c % 6];
      const x = new Float32Array(n);
      const odd = [0, 0, 1e-4, 1e-3][c % 4];
      for (let i = 0; i < n; i++) {
        x[i] = rng.next() < odd ? specials[Math.floor(rng.next() * specials.length)] : Math.sin(i * 0.31) * 50 + rng.gaussian() * 10 ** rng.uniform(-2, 3) + 1e3;
      }
      const want = welchOneByOne(x, 2000, nfft, segments);
      const got = welchSpectrum(x, 2000, nfft, segments);
      if (want === null) {
        expect(got).toBeNull();
        continue;
      }
      expect(got).not.toBeNull();
      expect(got!.power.length).toBe(want.power.length);
      for (let k = 0; k < want.power.length; k++) {
        const same = Object.is(got!.power[k], want.power[k]) || (Number.isNaN(got!.power[k]) && Number.isNaN(want.power[k]));
        if (!same) expect(`${c} bin ${k}: ${got!.power[k]}`).toBe(`${c} bin ${k}: ${want.power[k]}`);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});
