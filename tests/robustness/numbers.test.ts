import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { movingMean, movingRms, rms } from '../../core/dsp/envelope';
import { importRecording, textSource } from '../../core/import/index';
import type { Recording } from '../../core/recording';
import { genericCsv } from '../../core/simulate/csv';
import { simulate } from '../../core/simulate/recording';
import { emgScenario } from '../../core/simulate/scenarios';

// One hour at 2 kHz: long enough that summing in float32 visibly drifts (its 24-bit mantissa runs out
// near 1.7e7, and an hour of 1000 µV sums to 7.2e9).
const HOUR = 3600 * 2000;

/** What a float32 accumulator would give: the control showing these tests can fail. */
function float32Mean(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.fround(s + x[i]);
  return s / x.length;
}

describe('long sums keep their precision', () => {
  const level = Math.fround(1000.1);
  const flat = new Float32Array(HOUR).fill(level);

  it('RMS of an hour of 1000.1 µV is 1000.1 µV (a float32 sum is off by more than 1 %)', () => {
    expect(Math.abs(rms(flat, 0, HOUR) - level) / level).toBeLessThan(1e-9);
    expect(Math.abs(float32Mean(flat) - level) / level).toBeGreaterThan(0.01);
  });

  it('the moving RMS and mean stay on the level to the last sample of the hour', () => {
    const r = movingRms(flat, 2001);
    const m = movingMean(flat, 2001);
    for (let i = 0; i < HOUR; i += 99_991) {
      expect(Math.abs(r[i] - level) / level).toBeLessThan(1e-6);
      expect(Math.abs(m[i] - level) / level).toBeLessThan(1e-6);
    }
    expect(Math.abs(r[HOUR - 1] - level) / level).toBeLessThan(1e-6);
  });

  it('a moving mean over a large offset follows small changes exactly, however long the running sum has run', () => {
    // 10 mV electrode offset, a ±1 µV square wave of 2,000-sample half-periods on top.
    const x = new Float32Array(HOUR);
    for (let i = 0; i < HOUR; i++) x[i] = 10_000 + (((i / 2000) | 0) % 2 === 0 ? 1 : -1);
    const m = movingMean(x, 1001);
    for (const i of [1000, 3000, HOUR / 2 + 1000, HOUR - 3000]) {
      const want = 10_000 + (((i / 2000) | 0) % 2 === 0 ? 1 : -1);
      expect(Math.abs(m[i] - want)).toBeLessThan(1e-3);
    }
  });
});

describe('an electrode offset does not change what is found', () => {
  it('the same twitches with and without a 10 mV offset on 5 minutes of EMG', () => {
    const sim = simulate(emgScenario({ fs: 2000, seed: 7, durationS: 300, channels: 1, confounders: [] }));
    const shifted: Recording = { ...sim.recording, channels: sim.recording.channels.map((c) => ({ ...c, data: c.data.map((v) => v + 10_000) })) };
    const peaks = (r: Recording) => analyseRecording(r).events.filter((e) => e.type === 'twitch').map((e) => e.peakS.toFixed(3));
    const base = peaks(sim.recording);
    expect(base.length).toBeGreaterThan(30);
    expect(peaks(shifted)).toEqual(base);
  });
});

describe('clipping and saturation are flagged', () => {
  const clipped = () => simulate(emgScenario({ fs: 2000, seed: 11, durationS: 300, channels: 1, confounders: ['clipping'] }));

  function checkFlagged(rec: Recording, truthSpans: { startS: number; endS: number }[]): void {
    const events = analyseRecording(rec).events;
    const clipping = events.filter((e) => e.type === 'artifact' && e.reason === 'clipping');
    expect(truthSpans.length).toBeGreaterThan(0);
    for (const t of truthSpans) expect(clipping.some((c) => c.startS <= t.endS && c.endS >= t.startS)).toBe(true);
    // Nothing inside a saturated stretch is counted as a twitch.
    const twitches = events.filter((e) => e.type === 'twitch');
    for (const t of truthSpans) expect(twitches.filter((e) => e.peakS >= t.startS && e.peakS <= t.endS)).toEqual([]);
  }

  it('at the range the device states', () => {
    const sim = clipped();
    expect(sim.recording.channels[0].range).toEqual({ min: -6000, max: 6000 });
    checkFlagged(sim.recording, sim.truth.events.filter((e) => e.reason === 'clipping'));
  });

  it('at the rail of a CSV that states no range, read through the importer', async () => {
    const sim = clipped();
    const { range: _range, ...channel } = sim.recording.channels[0];
    const rec = await importRecording(textSource('clipped.csv', genericCsv([{ ...channel, label: 'left calf EMG' }])));
    expect(rec.channels[0].range).toBeUndefined();
    checkFlagged(rec, sim.truth.events.filter((e) => e.reason === 'clipping'));
  });
});
