import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../core/analysis/analyze';
import { simulate } from '../../core/simulate/recording';
import { accelScenario, EMG_CONFOUNDERS, emgScenario } from '../../core/simulate/scenarios';

describe('event invariants on busy recordings', () => {
  for (const [name, spec] of [
    ['EMG with every confounder', emgScenario({ fs: 1000, seed: 31, durationS: 120, channels: 2, confounders: EMG_CONFOUNDERS })],
    ['accelerometer with walking', accelScenario({ fs: 50, seed: 32, durationS: 300 })],
  ] as const) {
    it(`${name}: no twitch inside a sustained, artifact or movement span; rest time adds up`, () => {
      const a = analyzeRecording(simulate(spec).recording);
      const twitches = a.events.filter((e) => e.type === 'twitch');
      const spans = a.events.filter((e) => e.type !== 'twitch');
      expect(twitches.length).toBeGreaterThan(3);
      for (const t of twitches) {
        const inside = spans.filter((s) => s.channel === t.channel && s.startS < t.endS && s.endS > t.startS);
        expect(inside).toEqual([]);
      }
      for (const s of a.summary.channels) {
        expect(s.restS).toBeGreaterThan(0);
        expect(s.restS + s.excludedS).toBeLessThanOrEqual(spec.durationS + 1e-6);
        expect(s.twitchesPerMinute).toBeCloseTo((s.twitchCount * 60) / s.restS, 9);
      }
    });
  }
});
