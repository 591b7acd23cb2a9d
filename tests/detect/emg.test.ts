import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import type { DetectedEvent } from '../../core/analysis/types';
import { findRawArtifacts } from '../../core/detect/raw-artifacts';
import { Prng } from '../../core/simulate/prng';
import { addPotential } from '../../core/simulate/shapes';
import { emgRecording, spike } from './helpers';

const fs = 2000;
const twitches = (events: DetectedEvent[]): DetectedEvent[] => events.filter((e) => e.type === 'twitch');

describe('EMG twitches', () => {
  it('finds one spike at its time, with its size and SNR, and nothing else', () => {
    const rec = emgRecording(fs, 20, 3, 1, (y) => spike(y, fs, 10, 60));
    const a = analyseRecording(rec);
    const found = twitches(a.events);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0].peakS - 10)).toBeLessThan(0.005);
    expect(found[0].amplitude).toBeGreaterThan(40);
    expect(found[0].amplitude).toBeLessThan(70);
    expect(found[0].snr).toBeGreaterThan(10);
    expect(found[0].endS - found[0].startS).toBeLessThan(0.05);
    expect(a.summary.channels[0].twitchCount).toBe(1);
    expect(a.summary.channels[0].noiseFloor).toBeGreaterThan(1.5);
    expect(a.summary.channels[0].noiseFloor).toBeLessThan(3);
  });

  it('calls two potentials 30 ms apart one twitch, flagged as a doublet', () => {
    const rec = emgRecording(fs, 20, 3, 2, (y) => {
      spike(y, fs, 8, 80);
      spike(y, fs, 8.03, 70);
      spike(y, fs, 14, 80);
    });
    const found = twitches(analyseRecording(rec).events);
    expect(found).toHaveLength(2);
    expect(found[0].multiplet).toBe(2);
    expect(found[1].multiplet).toBeUndefined();
  });

  it('does not call potentials below the threshold (peak 2 x the white-noise sigma)', () => {
    const rec = emgRecording(fs, 20, 3, 3, (y) => {
      for (let t = 2; t < 18; t += 2) spike(y, fs, t, 6);
    });
    expect(twitches(analyseRecording(rec).events)).toHaveLength(0);
  });

  it('sensitivity moves the threshold: a spike about 6 sigma over the filtered noise is found only at high sensitivity', () => {
    const rec = emgRecording(fs, 20, 3, 4, (y) => spike(y, fs, 10, 12));
    const low = twitches(analyseRecording(rec, { params: { sensitivity: 0 } }).events);
    const high = twitches(analyseRecording(rec, { params: { sensitivity: 1 } }).events);
    expect(low).toHaveLength(0);
    expect(high.some((e) => Math.abs(e.peakS - 10) < 0.01)).toBe(true);
  });
});

describe('EMG sustained activity', () => {
  it("finds a cramp-like episode's boundaries within 0.3 s and calls no twitches inside it", () => {
    const rec = emgRecording(fs, 40, 3, 5, (y) => {
      const rng = new Prng(9);
      for (let u = 0; u < 25; u++) {
        const amp = rng.uniform(10, 40) * (rng.next() < 0.5 ? -1 : 1);
        const rate = rng.uniform(15, 30);
        for (let t = 15 + rng.uniform(0, 0.3); t < 25 - rng.uniform(0, 0.3); t += (1 + 0.3 * rng.gaussian()) / rate) addPotential(y, fs, t, 'biphasic', 0.003, amp);
      }
      spike(y, fs, 5, 60);
      spike(y, fs, 33, 60);
    });
    const a = analyseRecording(rec);
    const sustained = a.events.filter((e) => e.type === 'sustained');
    expect(sustained).toHaveLength(1);
    expect(Math.abs(sustained[0].startS - 15)).toBeLessThan(0.3);
    expect(Math.abs(sustained[0].endS - 25)).toBeLessThan(0.3);
    expect(sustained[0].density).toBeGreaterThan(20);
    expect(sustained[0].rms).toBeGreaterThan(10);
    const found = twitches(a.events);
    expect(found.map((e) => Math.round(e.peakS))).toEqual([5, 33]);
    expect(a.summary.channels[0].restS).toBeLessThan(31);
    expect(a.summary.channels[0].sustainedCount).toBe(1);
  });

  it('does not call a train of separate potentials (4 per second) sustained: it is one unit firing', () => {
    const rec = emgRecording(fs, 30, 3, 6, (y) => {
      for (let t = 10; t < 16; t += 0.25) spike(y, fs, t, 60);
    });
    const a = analyseRecording(rec);
    expect(a.events.filter((e) => e.type === 'sustained')).toHaveLength(0);
    const activity = a.events.filter((e) => e.type === 'activity');
    expect(activity).toHaveLength(1);
    expect(activity[0].pattern).toBe('tonic');
    expect(activity[0].rhythmHz).toBeCloseTo(4, 0);
    expect(twitches(a.events)).toHaveLength(0);
  });
});

describe('EMG artifacts', () => {
  it('raw runs: every maximal run of one repeated value long enough is found, at the extremes as clipping, elsewhere as flat', () => {
    const rng = new Prng(17);
    for (let trial = 0; trial < 400; trial++) {
      const x = new Float32Array(Math.floor(rng.next() * 200));
      for (let i = 0; i < x.length; ) {
        const len = rng.next() < 0.2 ? 1 + Math.floor(rng.next() * 12) : 1;
        const r = rng.next();
        const v = r < 0.1 ? Number.NaN : r < 0.2 ? 5 : r < 0.3 ? -5 : Math.round(rng.uniform(-4, 4));
        for (let k = 0; k < len && i < x.length; k++) x[i++] = v;
      }
      const minRun = 1 + Math.floor(rng.next() * 5);
      const range = rng.next() < 0.3 ? { min: -4, max: 4 } : undefined;
      const finite = Array.from(x).filter((v) => !Number.isNaN(v));
      const top = range ? Math.min(Math.max(...finite), range.max) : Math.max(...finite);
      const bottom = range ? Math.max(Math.min(...finite), range.min) : Math.min(...finite);
      const clipping: Array<{ start: number; end: number }> = [];
      const flat: Array<{ start: number; end: number }> = [];
      for (let start = 0, end = 1; start < x.length; start = end++) {
        while (end < x.length && x[end] === x[start]) end++;
        if (Number.isNaN(x[start]) || end - start < minRun) continue;
        if (top > bottom && (x[start] >= top || x[start] <= bottom)) clipping.push({ start, end });
        else if (end - start >= 6) flat.push({ start, end });
      }
      expect(findRawArtifacts(x, minRun, 6, range)).toEqual({ clipping, flat });
    }
  });

  it('recognises a heartbeat train as ECG, never as twitches, and still finds a real twitch', () => {
    const rec = emgRecording(fs, 30, 3, 7, (y) => {
      for (let t = 0.5; t < 30; t += 0.85) {
        for (const [at, rel, w] of [
          [0, 1, 0.01],
          [0.025, -0.25, 0.009],
          [-0.025, -0.12, 0.008],
        ] as const) {
          for (let i = Math.max(0, Math.floor((t + at - 0.05) * fs)); i < Math.min(y.length, (t + at + 0.05) * fs); i++) {
            const u = (i / fs - t - at) / w;
            y[i] += 80 * rel * Math.exp(-0.5 * u * u);
          }
        }
      }
      spike(y, fs, 15.3, 90);
    });
    const a = analyseRecording(rec);
    const ecg = a.events.filter((e) => e.reason === 'ecg');
    expect(ecg.length).toBeGreaterThan(25);
    const found = twitches(a.events);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0].peakS - 15.3)).toBeLessThan(0.01);
    expect(a.summary.channels[0].notes.join(' ')).toMatch(/heartbeat/i);
  });

  it('finds a twitch the size of a heartbeat that lands on one, once the average beat is subtracted', () => {
    const beatAt = (y: Float64Array, t: number): void => {
      for (const [at, rel, w] of [
        [0, 1, 0.01],
        [0.025, -0.25, 0.009],
        [-0.025, -0.12, 0.008],
      ] as const) {
        for (let i = Math.max(0, Math.floor((t + at - 0.05) * fs)); i < Math.min(y.length, (t + at + 0.05) * fs); i++) {
          const u = (i / fs - t - at) / w;
          y[i] += 80 * rel * Math.exp(-0.5 * u * u);
        }
      }
    };
    const rec = emgRecording(fs, 30, 3, 12, (y) => {
      for (let t = 0.5; t < 30; t += 0.85) beatAt(y, t);
      spike(y, fs, 0.5 + 0.85 * 17 + 0.012, 25);
    });
    const a = analyseRecording(rec);
    const found = twitches(a.events);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0].peakS - (0.5 + 0.85 * 17 + 0.012))).toBeLessThan(0.01);
  });

  it('marks clipping, flat stretches, gaps and motion, and calls no twitch in them', () => {
    const rec = emgRecording(fs, 40, 3, 8, (y) => {
      for (let i = 10 * fs; i < 10.5 * fs; i++) y[i] = 8000;
      for (let i = Math.floor(18 * fs); i < 22 * fs; i++) {
        const u = (i / fs - 20) / 0.1;
        y[i] += 2000 * Math.exp(-0.5 * u * u);
      }
      spike(y, fs, 30, 60);
    });
    const d = rec.channels[0].data;
    for (let i = 10 * fs; i < 10.5 * fs; i++) d[i] = 8000;
    d.fill(0, 25 * fs, 26 * fs);
    d.fill(Number.NaN, 34 * fs, 35 * fs);
    const a = analyseRecording(rec);
    const reasons = (r: string) => a.events.filter((e) => e.reason === r);
    expect(reasons('clipping').some((e) => e.startS <= 10.01 && e.endS >= 10.49)).toBe(true);
    expect(reasons('flat').some((e) => e.startS <= 25.01 && e.endS >= 25.99)).toBe(true);
    expect(reasons('gap').some((e) => Math.abs(e.startS - 34) < 0.01 && Math.abs(e.endS - 35) < 0.01)).toBe(true);
    expect(reasons('motion').some((e) => e.startS < 20 && e.endS > 20)).toBe(true);
    expect(twitches(a.events).map((e) => Math.round(e.peakS))).toEqual([30]);
    const s = a.summary.channels[0];
    expect(s.analyzedS).toBeCloseTo(39, 1);
    expect(s.excludedS).toBeGreaterThan(2.5);
    expect(s.restS).toBeLessThan(40 - s.excludedS + 0.01);
  });

  it('finds 50 Hz mains, says so, and still finds the twitch under it', () => {
    const rec = emgRecording(fs, 20, 3, 9, (y) => {
      for (let i = 0; i < y.length; i++) y[i] += 40 * Math.sin((2 * Math.PI * 50 * i) / fs) + 12 * Math.sin((2 * Math.PI * 150 * i) / fs);
      spike(y, fs, 12, 50);
    });
    const a = analyseRecording(rec);
    expect(a.summary.channels[0].mainsHz).toBe(50);
    expect(a.summary.channels[0].notes.join(' ')).toMatch(/50 Hz/);
    const found = twitches(a.events);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0].peakS - 12)).toBeLessThan(0.005);
  });

  it('says that small, fast potentials may be missed below 500 Hz', () => {
    const rec = emgRecording(250, 30, 3, 10, (y) => spike(y, 250, 15, 80, 0.006));
    const a = analyseRecording(rec);
    expect(a.summary.channels[0].notes.join(' ')).toMatch(/may be missed/);
    expect(twitches(a.events)).toHaveLength(1);
  });
});
