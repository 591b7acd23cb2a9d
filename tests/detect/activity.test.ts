import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import type { DetectedEvent } from '../../core/analysis/types';
import { Prng } from '../../core/simulate/prng';
import { addPotential } from '../../core/simulate/shapes';
import { emgRecording, spike } from './helpers';

const twitches = (events: DetectedEvent[]): DetectedEvent[] => events.filter((e) => e.type === 'twitch');

/** One motor unit firing at `hz` with interval CV `cv` from `from` to `to` seconds (a light voluntary contraction). */
function unitTrain(y: Float64Array, fs: number, from: number, to: number, hz: number, cv: number, amplitude: number, seed: number): void {
  const rng = new Prng(seed);
  for (let t = from; t < to; t += Math.max(0.4, 1 + cv * rng.gaussian()) / hz) addPotential(y, fs, t, 'triphasic', 0.003, amplitude);
}

describe('EMG activity: a muscle in use is not rest', () => {
  for (const hz of [6, 8, 10]) {
    it(`one unit firing regularly at ${hz} Hz for 60 s is tonic activity: no twitches, no heartbeat, no rest`, () => {
      const rec = emgRecording(2000, 90, 3, hz, (y) => unitTrain(y, 2000, 20, 80, hz, 0.15, 40, hz));
      const a = analyseRecording(rec);
      const activity = a.events.filter((e) => e.type === 'activity');
      expect(activity.map((e) => e.pattern)).toEqual(['tonic']);
      expect(Math.abs(activity[0].startS - 20)).toBeLessThan(0.5);
      expect(Math.abs(activity[0].endS - 80)).toBeLessThan(0.5);
      expect(activity[0].rhythmHz).toBeGreaterThan(hz * 0.85);
      expect(activity[0].rhythmHz).toBeLessThan(hz * 1.15);
      expect(twitches(a.events)).toHaveLength(0);
      expect(a.events.filter((e) => e.reason === 'ecg')).toHaveLength(0);
      expect(a.summary.channels[0].restS).toBeGreaterThan(27);
      expect(a.summary.channels[0].restS).toBeLessThan(30);
    });
  }

  it('at 250 Hz, 60 s of rest followed by tonic firing leaves 60 s of rest, not 88', () => {
    const rec = emgRecording(250, 120, 3, 4, (y) => unitTrain(y, 250, 60, 120, 9, 0.15, 40, 4));
    const a = analyseRecording(rec);
    expect(a.summary.channels[0].restS).toBeGreaterThan(54);
    expect(a.summary.channels[0].restS).toBeLessThan(61);
    expect(twitches(a.events)).toHaveLength(0);
  });

  it('rhythmic bursts of several units at 5 Hz are tremor, at its frequency', () => {
    const rng = new Prng(9);
    const rec = emgRecording(2000, 60, 3, 9, (y) => {
      for (let t = 20; t < 40; t += (1 + 0.05 * rng.gaussian()) / 5) {
        for (let u = 0; u < 5; u++) addPotential(y, 2000, t + 0.04 * rng.next(), 'biphasic', 0.003, (u % 2 ? -1 : 1) * rng.uniform(20, 60));
      }
    });
    const a = analyseRecording(rec);
    const activity = a.events.filter((e) => e.type === 'activity' || e.type === 'sustained');
    expect(activity.map((e) => e.pattern)).toEqual(['tremor']);
    expect(activity[0].rhythmHz).toBeCloseTo(5, 0);
    expect(twitches(a.events)).toHaveLength(0);
  });

  it('random twitches at 60 a minute, of all sizes, stay twitches: fasciculations fire irregularly', () => {
    const rng = new Prng(3);
    const times: number[] = [];
    const rec = emgRecording(2000, 120, 3, 3, (y) => {
      for (let t = 1 + rng.exponential(1); t < 119; t += 0.3 + rng.exponential(1)) {
        spike(y, 2000, t, rng.logUniform(30, 300) * (rng.next() < 0.5 ? -1 : 1));
        times.push(t);
      }
    });
    const a = analyseRecording(rec);
    expect(a.events.filter((e) => e.type === 'activity' || e.type === 'sustained')).toHaveLength(0);
    expect(twitches(a.events).length).toBeGreaterThan(0.95 * times.length);
  });
});
