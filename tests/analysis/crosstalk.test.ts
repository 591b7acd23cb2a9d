import { describe, expect, it } from 'vitest';
import { setAsideCrosstalk } from '../../core/analysis/crosstalk';
import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import { resolveParams } from '../../core/detect/params';
import type { ChannelResult } from '../../core/detect/result';

const p = resolveParams().emg;
const channel = (id: string, site: string | null): AnalysedChannel => ({ id, label: id, kind: 'emg', unit: 'uV', sampleRateHz: 1000, site });
const twitch = (ch: string, t: number): DetectedEvent => ({ channel: ch, type: 'twitch', startS: t - 0.005, endS: t + 0.005, peakS: t, amplitude: 40, snr: 10 });
const span = (ch: string, startS: number, endS: number): DetectedEvent => ({ channel: ch, type: 'activity', pattern: 'contraction', startS, endS, peakS: startS, amplitude: 200, snr: 30 });
const result = (events: DetectedEvent[], restS: number): ChannelResult => ({ events, analysedS: 100, restS, excludedS: 100 - restS, noiseFloor: 3, mainsHz: null, notes: [] });

describe('crosstalk', () => {
  // Channel b contracts from 40 to 50 s; a shows candidates before, during, in the tail and after.
  const events = [twitch('a', 20), twitch('a', 39.9), twitch('a', 45), twitch('a', 50.8), twitch('a', 51.2), twitch('a', 70)];
  const run = (siteA: string | null, siteB: string | null) =>
    setAsideCrosstalk([channel('a', siteA), channel('b', siteB)], new Map([['a', result(events, 100)], ['b', result([span('b', 40, 50)], 90)]]), p).get('a')!;

  it('channels at the same site (or both unnamed): candidates from 0.25 s before to 1 s after a neighbour\'s activity are not counted, nor is that time rest', () => {
    for (const site of ['left forearm', null]) {
      const a = run(site, site);
      expect(a.events.map((e) => e.peakS)).toEqual([20, 51.2, 70]);
      expect(a.restS).toBeCloseTo(100 - 11.25, 6);
      expect(a.notes).toEqual(['3 twitch-like events came while a neighbouring channel at the same site was active: taken for crosstalk, not counted.']);
    }
  });

  it('channels at different sites (left and right calf) cannot pick up each other: nothing changes', () => {
    const a = run('left calf', 'right calf');
    expect(a.events).toHaveLength(6);
    expect(a.restS).toBe(100);
  });
});
