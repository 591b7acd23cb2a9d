import { describe, expect, it } from 'vitest';
import type { DetectedEvent } from '../../core/analysis/types';
import { defaultGain, stepGain } from '../../core/view/gain';
import { stepEvent } from '../../core/review/navigate';
import { reviewProgress } from '../../core/review/progress';
import { groupEvents, sizeText } from '../../renderer/events/groups';

const ev = (type: DetectedEvent['type'], peakS: number, more: Partial<DetectedEvent> = {}): DetectedEvent => ({ channel: 'c', type, startS: peakS - 0.1, endS: peakS + 0.1, peakS, amplitude: 50, snr: 8, ...more });

describe('the shared EMG gain', () => {
  it('fits most twitches in ±2 divisions and steps through 1-2-5 values', () => {
    expect(defaultGain([20, 30, 150, 40, 60], [5])).toBe(100);
    expect(defaultGain([], [7])).toBe(50);
    expect(stepGain(50, 1)).toBe(20);
    expect(stepGain(50, -1)).toBe(100);
    expect(stepGain(1, 1)).toBe(1);
  });
});

describe('review order and progress', () => {
  const events = [ev('twitch', 1), ev('artifact', 2, { reason: 'ecg' }), ev('twitch', 3, { review: 'confirmed' }), ev('sustained', 4), ev('artifact', 5, { reason: 'ecg' }), ev('twitch', 6, { review: 'added' })];
  it('N steps twitches only, Shift+N every event, U the next unreviewed finding', () => {
    const twitch = (e: DetectedEvent) => e.type === 'twitch';
    expect(stepEvent(events, { peakS: 1, channel: 'c' }, 1, twitch)?.peakS).toBe(3);
    expect(stepEvent(events, { peakS: 1, channel: 'c' }, 1, () => true)?.peakS).toBe(2);
    expect(stepEvent(events, { peakS: 3, channel: 'c' }, -1, twitch)?.peakS).toBe(1);
    expect(stepEvent(events, { peakS: 6, channel: 'c' }, 1, twitch)).toBeNull();
  });
  it('counts findings reviewed, not artifacts or added twitches', () => {
    expect(reviewProgress(events)).toEqual({ reviewed: 1, total: 3 });
  });
  it('puts findings first and heartbeats in one group', () => {
    const g = groupEvents(events);
    expect(g.map((x) => x.group.id)).toEqual(['twitch', 'sustained', 'artifact:ecg']);
    expect(g[2].group.title(g[2].events.length)).toBe('Heartbeat: 2 beats set aside');
  });
  it('lists a span by its length and a multiplet by its name', () => {
    expect(sizeText(ev('sustained', 4, { startS: 3, endS: 7.2 }), 'uV')).toBe('Sustained 4.2 s');
    expect(sizeText(ev('twitch', 1, { multiplet: 2, amplitude: 152 }), 'uV')).toBe('Twitch · doublet 152 µV');
  });
});
