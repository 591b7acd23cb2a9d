import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { simulate } from '../../core/simulate/recording';
import { accelScenario, EMG_CONFOUNDERS, emgScenario, pocketScenario } from '../../core/simulate/scenarios';

describe('event invariants on busy recordings', () => {
  for (const [name, spec] of [
    ['EMG with every confounder', emgScenario({ fs: 1000, seed: 31, durationS: 120, channels: 2, confounders: EMG_CONFOUNDERS })],
    ['EMG with tonic firing and every confounder', emgScenario({ fs: 1000, seed: 33, durationS: 240, channels: 2, confounders: EMG_CONFOUNDERS, activity: 'tonic' })],
    ['EMG with tremor and aliased, modulated mains at 500 Hz', emgScenario({ fs: 500, seed: 34, durationS: 240, channels: 2, confounders: ['aliased-mains', 'modulated-mains'], activity: 'tremor' })],
    ['accelerometer with walking', accelScenario({ fs: 50, seed: 32, durationS: 300 })],
    ['phone in a pocket', pocketScenario({ fs: 100, seed: 35, durationS: 300 })],
  ] as const) {
    it(`${name}: no twitch inside a sustained, activity, artifact or movement span, none below its channel's stated floor; rest time adds up`, () => {
      const a = analyseRecording(simulate(spec).recording);
      const twitches = a.events.filter((e) => e.type === 'twitch');
      const spans = a.events.filter((e) => e.type !== 'twitch');
      expect(twitches.length).toBeGreaterThan(3);
      const floor = new Map(a.summary.channels.map((c) => [c.channel, c.minDetectable]));
      for (const c of a.channels) expect(typeof floor.get(c.id)).toBe('number');
      for (const t of twitches) expect(t.amplitude).toBeGreaterThanOrEqual(floor.get(t.channel)!);
      for (const t of twitches) {
        const inside = spans.filter((s) => s.channel === t.channel && s.startS < t.endS && s.endS > t.startS);
        expect(inside).toEqual([]);
      }
      for (const s of a.summary.channels) {
        expect(s.restS).toBeGreaterThan(0);
        expect(s.restS + s.excludedS).toBeLessThanOrEqual(spec.durationS + 1e-6);
        if (s.twitchesPerMinute !== null) expect(s.twitchesPerMinute).toBeCloseTo((s.twitchCount * 60) / s.restS, 9);
        else expect(s.noRate).toBeDefined();
      }
    });
  }
});
