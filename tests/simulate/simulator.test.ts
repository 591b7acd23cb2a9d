import { describe, expect, it } from 'vitest';
import { genericCsv, openBciRaw } from '../../core/simulate/csv';
import { simulate, type SimulationSpec } from '../../core/simulate/recording';
import { emgScenario, pocketScenario } from '../../core/simulate/scenarios';
import { f1, scoreSegments, scoreSpanClasses, scoreTwitches, truthRestS } from '../../core/simulate/score';
import { addKnock, drawMount } from '../../core/simulate/knocks';
import { throughMount } from '../../core/simulate/accel';
import { dampedSine } from '../../core/simulate/shapes';
import { Prng } from '../../core/simulate/prng';
import { welchSpectrum } from '../../core/dsp/spectrum';
import type { TruthEvent } from '../../core/simulate/truth';
import type { DetectedEvent } from '../../core/analysis/types';

const spec = (seed: number): SimulationSpec => emgScenario({ fs: 1000, seed, durationS: 60, channels: 1, confounders: ['mains', 'missing', 'clipping'] });

describe('simulator', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = simulate(spec(1));
    const b = simulate(spec(1));
    const c = simulate(spec(2));
    expect(a.recording.channels[0].data).toEqual(b.recording.channels[0].data);
    expect(a.truth).toEqual(b.truth);
    expect(a.recording.channels[0].data).not.toEqual(c.recording.channels[0].data);
  });

  it('records every twitch, doublet and cramp it draws, with SNR = amplitude / noise', () => {
    const { truth } = simulate(emgScenario({ fs: 1000, seed: 3, durationS: 300, channels: 1, confounders: [] }));
    const twitches = truth.events.filter((e) => e.type === 'twitch');
    expect(twitches.length).toBeGreaterThan(20);
    expect(twitches.some((e) => e.multiplet === 2)).toBe(true);
    for (const t of twitches) expect(t.snr).toBeCloseTo(t.amplitude / truth.channels[0].noise, 6);
    expect(truth.events.filter((e) => e.type === 'sustained')).toHaveLength(1);
  });

  it('leaves the missing cells empty, pins clipping to the rail, and states the rail as the range', () => {
    const { recording, truth } = simulate(spec(4));
    const ch = recording.channels[0];
    expect(ch.data.some((v) => Number.isNaN(v))).toBe(true);
    const clip = truth.events.find((e) => e.reason === 'clipping');
    expect(clip).toBeDefined();
    const i = Math.round(((clip!.startS + clip!.endS) / 2) * ch.sampleRateHz);
    expect(Math.abs(ch.data[i])).toBe(ch.range!.max);
  });

  it('writes the generic CSV layout: rate comment, time_s and labelled columns with units, empty missing cells', () => {
    const { recording } = simulate(spec(5));
    const text = genericCsv(recording.channels);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# rate_hz = 1000');
    expect(lines[1]).toBe('time_s,left calf EMG (uV)');
    expect(lines[2]).toMatch(/^0\.000,-?\d+\.\d{2}$/);
    expect(lines[3]).toMatch(/^0\.001,/);
    expect(lines.length - 3).toBe(recording.channels[0].data.length);
    expect(lines.some((l) => /^\d+\.\d+,$/.test(l))).toBe(true);
  });

  it('writes the OpenBCI GUI v6 raw layout: % header, 8 EXG columns, CRLF lines', () => {
    const { recording } = simulate(spec(6));
    const text = openBciRaw(recording.channels, [], Date.UTC(2026, 0, 1, 12), () => 1.5);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('%OpenBCI Raw EXG Data');
    expect(lines[2]).toBe('%Sample Rate = 1000 Hz');
    expect(lines[4].split(', ').slice(1, 9)).toEqual(Array.from({ length: 8 }, (_, i) => `EXG Channel ${i}`));
    const row = lines[5].split(',');
    expect(row[0]).toBe('0');
    expect(row[2].trim()).toBe('1.50');
    expect(lines[5]).toMatch(/, 12:00:00\.000$/);
  });
});

describe('simulator: activity, hard interference, knocks', () => {
  it('draws voluntary and tremor spans with their pattern and rhythm, and keeps twitches out of them', () => {
    for (const pattern of ['tonic', 'tremor', 'contraction'] as const) {
      const { truth } = simulate(emgScenario({ fs: 1000, seed: 5, durationS: 360, channels: 2, confounders: [], activity: pattern }));
      const spans = truth.events.filter((e) => e.type === 'activity');
      expect(spans).toHaveLength(4);
      for (const s of spans) {
        expect(s.pattern).toBe(pattern);
        expect(s.endS - s.startS).toBeGreaterThan(15);
        const [lo, hi] = pattern === 'tremor' ? [4, 9] : pattern === 'tonic' ? [5, 20] : [8, 16];
        expect(s.rhythmHz).toBeGreaterThanOrEqual(lo);
        expect(s.rhythmHz).toBeLessThanOrEqual(hi);
        const inside = truth.events.filter((e) => e.type === 'twitch' && e.channel === s.channel && e.peakS > s.startS && e.peakS < s.endS);
        expect(inside).toHaveLength(0);
      }
    }
  });

  it('folds mains harmonics above Nyquist back into the band (60 Hz at 1 kHz: lines at multiples of 20 Hz)', () => {
    const spec60 = (aliased: boolean) => {
      const s = emgScenario({ fs: 1000, seed: 2, durationS: 30, channels: 1, confounders: [aliased ? 'aliased-mains' : 'mains'] });
      s.emg!.channels[0].confounders = { mains: { hz: 60, amplitude: 100, aliased } };
      return s;
    };
    const lineAt = (aliased: boolean, hz: number): number => {
      const spec = welchSpectrum(simulate(spec60(aliased)).recording.channels[0].data, 1000, 1024, 16)!;
      const bin = (f: number): number => Math.max(...[-1, 0, 1].map((d) => spec.power[Math.round(f / spec.binHz) + d]));
      return bin(hz) / bin(hz + 5);
    };
    // The 17th harmonic, 1020 Hz, lands at 20 Hz; the 9th, 540 Hz, at 460 Hz.
    expect(lineAt(true, 20)).toBeGreaterThan(20);
    expect(lineAt(true, 460)).toBeGreaterThan(100);
    expect(lineAt(false, 460)).toBeLessThan(10);
  });

  it('makes atrial fibrillation irregular: beat intervals vary with a CV near 0.2', () => {
    const s = emgScenario({ fs: 1000, seed: 3, durationS: 300, channels: 1, confounders: ['af-ecg'] });
    const beats = simulate(s).truth.events.filter((e) => e.reason === 'ecg').map((e) => e.peakS);
    const rr = beats.slice(1).map((t, i) => t - beats[i]);
    const mean = rr.reduce((a, b) => a + b, 0) / rr.length;
    const cv = Math.sqrt(rr.reduce((a, b) => a + (b - mean) ** 2, 0) / rr.length) / mean;
    expect(cv).toBeGreaterThan(0.15);
    expect(cv).toBeLessThan(0.4);
  });

  it('puts knocks and fidgets in the pocket recording as movement, and knocks land within a sample', () => {
    const { recording, truth } = simulate(pocketScenario({ fs: 100, seed: 1, durationS: 300 }));
    const knocks = truth.events.filter((e) => e.reason === 'knock');
    expect(knocks.length).toBeGreaterThan(2);
    expect(truth.events.filter((e) => e.reason === 'fidget').length).toBeGreaterThan(5);
    const x = recording.channels[0].data;
    const k = knocks[0];
    let jump = 0;
    for (let i = Math.floor(k.startS * 100); i < Math.ceil(k.endS * 100) + 1; i++) jump = Math.max(jump, Math.abs(x[i + 1] - x[i]));
    expect(jump).toBeGreaterThan(0.01);
  });
});

describe('scoring', () => {
  const t = (peakS: number, snr = 10): TruthEvent => ({ channel: 'c', type: 'twitch', startS: peakS, endS: peakS, peakS, amplitude: snr, snr });
  const d = (peakS: number): DetectedEvent => ({ channel: 'c', type: 'twitch', startS: peakS, endS: peakS, peakS, amplitude: 1, snr: 1 });

  it('matches one-to-one within ±50 ms and ignores true twitches below SNR 6', () => {
    const s = scoreTwitches([t(1), t(2), t(3, 4)], [d(1.04), d(1.045), d(2.2), d(3.01)]);
    expect(s).toEqual({ truePositives: 1, falsePositives: 2, falseNegatives: 1, unscored: 1 });
    expect(f1(1, 2, 1).f1).toBeCloseTo(0.4, 6);
  });

  it('scores episodes by overlap and measures onset and offset errors', () => {
    const truth: TruthEvent[] = [{ channel: 'c', type: 'sustained', startS: 10, endS: 20, peakS: 15, amplitude: 0, snr: 0 }];
    const found: DetectedEvent[] = [{ channel: 'c', type: 'sustained', startS: 10.2, endS: 19.5, peakS: 15, amplitude: 0, snr: 0 }];
    const s = scoreSegments(truth, found);
    expect(s.truePositives).toBe(1);
    expect(s.onsetErrorsS[0]).toBeCloseTo(0.2, 6);
    expect(s.offsetErrorsS[0]).toBeCloseTo(0.5, 6);
  });

  it('measures true rest as the time outside every non-twitch span, and classes spans by what covers most of them', () => {
    const truth: TruthEvent[] = [
      { channel: 'c', type: 'activity', pattern: 'tonic', startS: 10, endS: 30, peakS: 10, amplitude: 0, snr: 0 },
      { channel: 'c', type: 'sustained', startS: 25, endS: 40, peakS: 30, amplitude: 0, snr: 0 },
      { channel: 'c', type: 'twitch', startS: 50, endS: 50.01, peakS: 50, amplitude: 0, snr: 0 },
    ];
    expect(truthRestS(truth, 'c', 100)).toBeCloseTo(70, 9);
    const found: DetectedEvent[] = [
      { channel: 'c', type: 'activity', pattern: 'tonic', startS: 11, endS: 24, peakS: 11, amplitude: 0, snr: 0 },
      { channel: 'c', type: 'activity', pattern: 'tremor', startS: 26, endS: 40, peakS: 26, amplitude: 0, snr: 0 },
    ];
    const k = scoreSpanClasses(truth, found);
    expect(k.spans).toBe(2);
    expect(k.right).toBe(1);
    expect(k.confusion.get('sustained')?.get('activity:tremor')).toBe(1);
  });
});

describe('knocks on a phone in a pocket (core/simulate/knocks.ts)', () => {
  /** Share of a 3-axis signal's energy along its main direction (1 = one direction throughout). */
  function mainShare(ax: Float64Array[], from: number, to: number): number {
    const c = [0, 0, 0, 0, 0, 0];
    for (let i = from; i < to; i++) {
      const [x, y, z] = [ax[0][i] - ax[0][to], ax[1][i] - ax[1][to], ax[2][i] - ax[2][to]];
      c[0] += x * x;
      c[1] += y * y;
      c[2] += z * z;
      c[3] += x * y;
      c[4] += x * z;
      c[5] += y * z;
    }
    let e = [1, 0.5, 0.25];
    for (let k = 0; k < 50; k++) {
      const v = [c[0] * e[0] + c[3] * e[1] + c[4] * e[2], c[3] * e[0] + c[1] * e[1] + c[5] * e[2], c[4] * e[0] + c[5] * e[1] + c[2] * e[2]];
      const m = Math.hypot(...v);
      e = v.map((x) => x / m);
    }
    const top = e[0] * (c[0] * e[0] + c[3] * e[1] + c[4] * e[2]) + e[1] * (c[3] * e[0] + c[1] * e[1] + c[5] * e[2]) + e[2] * (c[4] * e[0] + c[5] * e[1] + c[2] * e[2]);
    return top / (c[0] + c[1] + c[2]);
  }

  it('a knock rings on the mount along more than one direction, at the mount frequencies, and may leave the phone tilted', () => {
    const rng = new Prng(11);
    const fs = 400;
    const shares: number[] = [];
    let tilted = 0;
    for (let k = 0; k < 40; k++) {
      const mount = drawMount(rng);
      const ax = [new Float64Array(3 * fs), new Float64Array(3 * fs), new Float64Array(3 * fs).fill(1)];
      const span = addKnock(ax, fs, 0.5, mount, rng);
      expect(span.endS).toBeGreaterThan(0.5 + 0.1);
      shares.push(mainShare(ax, Math.round(0.51 * fs), Math.round(2.9 * fs)));
      if (Math.hypot(ax[0][3 * fs - 1], ax[1][3 * fs - 1], ax[2][3 * fs - 1] - 1) > 0.001) tilted++;
      for (const hz of mount.hz) {
        expect(hz).toBeGreaterThan(6);
        expect(hz).toBeLessThan(19);
      }
    }
    shares.sort((a, b) => a - b);
    expect(shares[Math.floor(shares.length / 2)]).toBeLessThan(0.97);
    expect(shares[0]).toBeLessThan(0.8);
    expect(tilted).toBeGreaterThan(10);
    expect(tilted).toBeLessThan(30);
  });

  it('knocks come in clusters, not as a Poisson stream', () => {
    const { truth } = simulate(pocketScenario({ fs: 100, seed: 3, durationS: 1800 }));
    const knocks = truth.events.filter((e) => e.reason === 'knock').map((e) => e.peakS);
    const close = knocks.filter((t, i) => (i > 0 && t - knocks[i - 1] < 1.3) || (i + 1 < knocks.length && knocks[i + 1] - t < 1.3)).length;
    // At 1-3 knocks a minute, Poisson times would put a neighbour within 1.3 s of under 13 % of them.
    expect(close / knocks.length).toBeGreaterThan(0.4);
  });

  it('a twitch under a phone lying loose on the thigh reaches it through the same mount: it rings in several directions, as a knock does', () => {
    const rng = new Prng(12);
    const fs = 400;
    const shares: number[] = [];
    for (let k = 0; k < 40; k++) {
      const mount = drawMount(rng);
      const ax = [new Float64Array(3 * fs), new Float64Array(3 * fs), new Float64Array(3 * fs)];
      const seen = throughMount(ax, fs, 0.5, rng.uniform(10, 25), rng.uniform(0.02, 0.05), [0.6, 0.48, 0.64], 0.01, mount);
      let top = 0;
      for (let i = 0; i < 3 * fs; i++) top = Math.max(top, Math.hypot(ax[0][i], ax[1][i], ax[2][i]));
      // Scaled to the scenario's size at the sensor.
      expect(top).toBeCloseTo(0.01, 3);
      expect(seen.peakS).toBeGreaterThan(0.5);
      expect(seen.endS).toBeGreaterThan(0.5 + 0.05);
      shares.push(mainShare(ax, Math.round(0.5 * fs), Math.round(2.9 * fs)));
    }
    shares.sort((a, b) => a - b);
    // One line throughout would give 1: through the mount the median is that of knocks (test above).
    expect(shares[Math.floor(shares.length / 2)]).toBeLessThan(0.97);
    // Skin moving slower than the mount's rates carries the phone with it (1 Hz: within a few per cent).
    const mount = drawMount(new Prng(13));
    const ax = [new Float64Array(8 * fs), new Float64Array(8 * fs), new Float64Array(8 * fs)];
    throughMount(ax, fs, 1, 1, 2, [1, 0, 0], 1, mount);
    let peak = 0;
    for (let i = 0; i < 8 * fs; i++) peak = Math.max(peak, Math.abs(dampedSine(i / fs - 1, 1, 2)));
    for (let i = fs; i < 6 * fs; i += 7) {
      expect(Math.abs(ax[0][i] - dampedSine(i / fs - 1, 1, 2) / peak)).toBeLessThan(0.1);
      expect(Math.abs(ax[1][i])).toBeLessThan(0.1);
    }
  });
});
