import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { fillShortGaps } from '../../core/detect/gaps';
import { runsOf } from '../../core/detect/spans';
import { Prng } from '../../core/simulate/prng';
import { simulate } from '../../core/simulate/recording';
import { addPotential } from '../../core/simulate/shapes';
import { emgRecording, spike } from './helpers';

/** The runs of samples that are not NaN, found the plain way: a mask and its runs. */
const notNaNRuns = (x: Float32Array) => runsOf(Uint8Array.from(x, (v) => (Number.isNaN(v) ? 0 : 1)));

describe('dropouts and neighbours', () => {
  it('short holes are bridged by a line between finite neighbours, and the runs it reports are the non-NaN runs of its output', () => {
    const rng = new Prng(11);
    for (let trial = 0; trial < 300; trial++) {
      const x = new Float32Array(1 + Math.floor(rng.next() * 120));
      for (let i = 0; i < x.length; i++) {
        const r = rng.next();
        x[i] = r < 0.25 ? Number.NaN : r < 0.27 ? Infinity : rng.gaussian();
      }
      const { data, filled, finite } = fillShortGaps(x, 2);
      expect(finite).toEqual(notNaNRuns(data));
      // With nothing to bridge it only finds the runs: what usableRuns asks of it.
      expect(fillShortGaps(x, 0)).toEqual({ data: x, filled: [], finite: notNaNRuns(x) });
      for (const f of filled) {
        expect(f.end - f.start).toBeLessThanOrEqual(2);
        expect(Number.isFinite(x[f.start - 1]) && Number.isFinite(x[f.end])).toBe(true);
        for (let k = f.start; k < f.end; k++) expect(Number.isFinite(data[k])).toBe(true);
      }
    }
    const hole = fillShortGaps(Float32Array.of(1, Number.NaN, 3, Number.NaN, Number.NaN, Number.NaN, 5), 2);
    expect(Array.from(hole.data)).toEqual([1, 2, 3, Number.NaN, Number.NaN, Number.NaN, 5]);
    expect(hole.finite).toEqual([{ start: 0, end: 3 }, { start: 6, end: 7 }]);
  });

  it('a 1 s gap inside a cramp-like episode does not split it in two', () => {
    const fs = 2000;
    const rec = emgRecording(fs, 40, 3, 21, (y) => {
      const rng = new Prng(5);
      for (let u = 0; u < 25; u++) {
        const amp = rng.uniform(10, 40) * (rng.next() < 0.5 ? -1 : 1);
        const rate = rng.uniform(15, 30);
        for (let t = 10 + rng.uniform(0, 0.3); t < 24 - rng.uniform(0, 0.3); t += (1 + 0.3 * rng.gaussian()) / rate) addPotential(y, fs, t, 'triphasic', 0.003, amp);
      }
    });
    rec.channels[0].data.fill(Number.NaN, 16 * fs, 17 * fs);
    const sustained = analyseRecording(rec).events.filter((e) => e.type === 'sustained');
    expect(sustained).toHaveLength(1);
    expect(sustained[0].startS).toBeLessThan(10.3);
    expect(sustained[0].endS).toBeGreaterThan(23.7);
  });

  it('single empty cells in strong mains hum at 500 Hz do not become twitches', () => {
    const fs = 500;
    const rec = emgRecording(fs, 60, 3, 22, (y) => {
      for (let i = 0; i < y.length; i++) y[i] += 150 * Math.sin((2 * Math.PI * 60 * i) / fs + 0.4);
      spike(y, fs, 30, 80, 0.004);
    });
    const d = rec.channels[0].data;
    const rng = new Prng(3);
    for (let i = 10; i < d.length - 10; i++) if (rng.next() < 0.003) d[i] = Number.NaN;
    const found = analyseRecording(rec).events.filter((e) => e.type === 'twitch');
    expect(found.map((e) => Math.round(e.peakS))).toEqual([30]);
  });

  it('movement seen by an accelerometer in the same recording is left out of the EMG rest time and twitches', () => {
    const { recording } = simulate({
      name: 'both',
      description: 'test',
      seed: 8,
      durationS: 120,
      emg: { fs: 1000, channels: [{ id: 'emg1', label: 'left calf EMG', noise: 3, twitchesPerMinute: 20, snr: [10, 40], doubletFraction: 0, cramps: [] }] },
      accel: {
        fs: 100,
        sensors: [{ id: 'acc1', label: 'left ankle acc', noiseDensityUg: 150, lsbG: 0, twitchesPerMinute: 0, snr: [10, 20], walking: [{ startS: 40, durationS: 30 }], postureChanges: [], sustained: [] }],
      },
    });
    const emg = recording.channels.find((c) => c.id === 'emg1')!;
    for (let t = 45; t < 65; t += 2) addPotentialTo(emg.data, 1000, t, 60);
    const a = analyseRecording(recording);
    const emgTwitches = a.events.filter((e) => e.channel === 'emg1' && e.type === 'twitch');
    expect(emgTwitches.some((e) => e.peakS > 41 && e.peakS < 69)).toBe(false);
    const s = a.summary.channels.find((c) => c.channel === 'emg1')!;
    expect(s.restS).toBeLessThan(120 - 29);
    expect(s.notes.join(' ')).toMatch(/movement/);
  });
});

function addPotentialTo(data: Float32Array, fs: number, t: number, amplitude: number): void {
  const y = new Float64Array(data.length);
  addPotential(y, fs, t, 'biphasic', 0.003, amplitude);
  for (let i = 0; i < data.length; i++) data[i] += y[i];
}
