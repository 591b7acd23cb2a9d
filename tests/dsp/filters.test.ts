import { describe, expect, it } from 'vitest';
import { ZeroPhaseFilter } from '../../core/dsp/filtfilt';
import { butterworthBandpass, butterworthHighpass, butterworthLowpass, magnitudeAt, notch } from '../../core/dsp/sos';

const fs = 2000;

function sine(freq: number, seconds: number, amplitude = 1, phase = 0): Float32Array {
  const x = new Float32Array(Math.round(seconds * fs));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin(2 * Math.PI * freq * (i / fs) + phase);
  return x;
}

/** Samples that differ in any bit (NaN equal to NaN). */
function differences(a: Float32Array, b: Float32Array): number {
  let n = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (!Object.is(a[i], b[i])) n++;
  return n;
}

function rmsOf(x: Float32Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / (to - from));
}

describe('Butterworth designs', () => {
  it('low-pass: unity at DC, -3 dB at the cutoff, falls 24 dB per octave (order 4)', () => {
    const lp = butterworthLowpass(4, 100, fs);
    expect(magnitudeAt(lp, 0, fs)).toBeCloseTo(1, 6);
    expect(magnitudeAt(lp, 100, fs)).toBeCloseTo(Math.SQRT1_2, 3);
    const slow = butterworthLowpass(4, 20, fs);
    const octave = 20 * Math.log10(magnitudeAt(slow, 160, fs) / magnitudeAt(slow, 80, fs));
    expect(octave).toBeLessThan(-23);
    expect(octave).toBeGreaterThan(-25.5);
  });

  it('high-pass: -3 dB at the cutoff, unity well above it, nothing at DC', () => {
    const hp = butterworthHighpass(4, 20, fs);
    expect(magnitudeAt(hp, 20, fs)).toBeCloseTo(Math.SQRT1_2, 3);
    expect(magnitudeAt(hp, 200, fs)).toBeCloseTo(1, 3);
    expect(magnitudeAt(hp, 0, fs)).toBeLessThan(1e-9);
  });

  it('EMG band-pass keeps 50-300 Hz within 1 % and cuts 5 Hz by more than 40 dB', () => {
    const bp = butterworthBandpass(4, 20, 450, fs);
    for (const f of [50, 100, 200, 300]) expect(Math.abs(magnitudeAt(bp, f, fs) - 1)).toBeLessThan(0.01);
    expect(magnitudeAt(bp, 5, fs)).toBeLessThan(0.01);
  });

  it('notch: deep at its centre, untouched an octave away', () => {
    const n = notch(50, 30, fs);
    expect(magnitudeAt(n, 50, fs)).toBeLessThan(1e-6);
    expect(magnitudeAt(n, 100, fs)).toBeGreaterThan(0.99);
    expect(magnitudeAt(n, 25, fs)).toBeGreaterThan(0.99);
  });
});

describe('zero-phase filtering', () => {
  it('leaves a pass-band sine in place (no delay) and halves one at the cutoff (-3 dB twice)', () => {
    const lp = new ZeroPhaseFilter(butterworthLowpass(4, 100, fs), fs);
    const x = sine(20, 2, 1, 0.3);
    const y = new Float32Array(x.length);
    lp.apply(x, y);
    let maxErr = 0;
    for (let i = 200; i < x.length - 200; i++) maxErr = Math.max(maxErr, Math.abs(y[i] - x[i]));
    expect(maxErr).toBeLessThan(0.01);
    const atCut = sine(100, 2);
    lp.apply(atCut, y);
    expect(rmsOf(y, 500, 3500) / rmsOf(atCut, 500, 3500)).toBeCloseTo(0.5, 2);
  });

  it('removes a DC offset without an edge transient', () => {
    const hp = new ZeroPhaseFilter(butterworthHighpass(4, 20, fs), fs);
    const x = new Float32Array(4000).fill(1500);
    const y = new Float32Array(x.length);
    hp.apply(x, y);
    for (let i = 0; i < y.length; i++) expect(Math.abs(y[i])).toBeLessThan(1e-3);
  });

  it('a forward-backward notch takes 50 Hz hum down by more than 40 dB and keeps 80 Hz', () => {
    const f = new ZeroPhaseFilter(notch(50, 30, fs), fs);
    const hum = sine(50, 4, 30);
    const y = new Float32Array(hum.length);
    f.apply(hum, y);
    expect(20 * Math.log10(rmsOf(y, 2000, 6000) / rmsOf(hum, 2000, 6000))).toBeLessThan(-40);
    const keep = sine(80, 4, 30);
    f.apply(keep, y);
    expect(rmsOf(y, 2000, 6000) / rmsOf(keep, 2000, 6000)).toBeGreaterThan(0.98);
  });

  it('filters a sub-range in place and leaves the rest untouched', () => {
    const f = new ZeroPhaseFilter(butterworthHighpass(4, 20, fs), fs);
    const x = new Float32Array(3000).fill(7);
    f.apply(x, x, 1000, 2000);
    expect(x[500]).toBe(7);
    expect(Math.abs(x[1500])).toBeLessThan(1e-3);
    expect(x[2500]).toBe(7);
  });

  it('gives the same samples, bit for bit, whatever the block size, in place or not', () => {
    // Odd section counts use the one-section pass; pads longer than a block reflect samples that
    // filtering in place has already overwritten in later blocks.
    const designs = [butterworthBandpass(4, 20, 450, fs), notch(50, 30, fs), butterworthLowpass(6, 100, fs)];
    expect(designs.map((d) => d.sections % 2)).toContain(1);
    let seed = 11;
    const noise = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 200;
    for (const design of designs) {
      for (const [n, pad] of [[50_000, 1000], [9_000, 4_000], [3, 5]]) {
        const x = Float32Array.from({ length: n }, noise);
        const reference = new Float32Array(n);
        new ZeroPhaseFilter(design, pad, undefined, 1 << 30).apply(x, reference, 2, n - 1);
        for (const block of [7, 1000, 4096, 32768]) {
          const out = new Float32Array(n);
          new ZeroPhaseFilter(design, pad, undefined, block).apply(x, out, 2, n - 1);
          expect(differences(out, reference)).toBe(0);
          const inPlace = x.slice();
          new ZeroPhaseFilter(design, pad, undefined, block).apply(inPlace, inPlace, 2, n - 1);
          expect(differences(inPlace.subarray(2, n - 1), reference.subarray(2, n - 1))).toBe(0);
        }
      }
    }
  });

  it('gives the same samples with the forward output kept, also where the output overlays that memory', () => {
    const designs = [butterworthBandpass(4, 20, 450, fs), notch(50, 30, fs), butterworthLowpass(6, 100, fs)];
    let seed = 5;
    const noise = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5) * 200;
    for (const design of designs) {
      for (const [n, pad] of [[50_000, 1000], [9_000, 4_000], [40, 5]]) {
        const x = Float32Array.from({ length: n }, noise);
        const runs = [[0, Math.floor(n / 3)], [Math.floor(n / 3) + 3, Math.floor(n / 2)], [Math.floor(n / 2), n - 1]];
        const reference = new Float32Array(n);
        for (const [from, to] of runs) new ZeroPhaseFilter(design, pad, undefined, 1 << 30).apply(x, reference, from, to);
        for (const block of [7, 1000, 32768]) {
          const apart = new Float32Array(n);
          const keep = new Float64Array(n);
          for (const [from, to] of runs) new ZeroPhaseFilter(design, pad, undefined, block).apply(x, apart, from, to, keep);
          expect(differences(apart, reference)).toBe(0);
          // The output as the upper half of the kept memory, runs from the last (as the EMG conditioning does).
          const buffer = new ArrayBuffer(8 * n);
          const overlaid = new Float32Array(buffer, 4 * n, n);
          for (const [from, to] of [...runs].reverse()) new ZeroPhaseFilter(design, pad, undefined, block).apply(x, overlaid, from, to, new Float64Array(buffer));
          for (const [from, to] of runs) expect(differences(overlaid.subarray(from, to), reference.subarray(from, to))).toBe(0);
        }
      }
    }
  });
});
