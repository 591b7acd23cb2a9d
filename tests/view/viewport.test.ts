import { describe, expect, it } from 'vitest';
import { MIN_SPAN_S, centreOn, clampView, fullView, panBy, zoomAt } from '../../core/view/viewport';
import { binEvents } from '../../core/view/time-bins';
import type { DetectedEvent } from '../../core/analysis/types';

describe('viewport', () => {
  it('zooms around the anchor so it stays at the same screen position', () => {
    const v = zoomAt({ t0: 100, t1: 200 }, 0.5, 120, 1000);
    expect(v.t1 - v.t0).toBeCloseTo(50);
    expect((120 - v.t0) / (v.t1 - v.t0)).toBeCloseTo(0.2);
  });

  it('never leaves the recording and never shrinks below the minimum span', () => {
    expect(panBy({ t0: 900, t1: 1000 }, 0.5, 1000)).toEqual({ t0: 900, t1: 1000 });
    expect(panBy({ t0: 0, t1: 100 }, -1, 1000)).toEqual({ t0: 0, t1: 100 });
    const tiny = zoomAt({ t0: 10, t1: 10.03 }, 0.1, 10.01, 1000);
    expect(tiny.t1 - tiny.t0).toBeCloseTo(MIN_SPAN_S);
    expect(zoomAt({ t0: 0, t1: 1000 }, 4, 500, 1000)).toEqual({ t0: 0, t1: 1000 });
    expect(clampView({ t0: -5, t1: 5 }, 1000)).toEqual({ t0: 0, t1: 10 });
  });

  it('centres on an event, shifted at the ends', () => {
    expect(centreOn(50, 2, 100)).toEqual({ t0: 49, t1: 51 });
    expect(centreOn(0.2, 2, 100)).toEqual({ t0: 0, t1: 2 });
    expect(fullView(30)).toEqual({ t0: 0, t1: 30 });
  });
});

describe('time bins', () => {
  const ev = (channel: string, peakS: number, type: DetectedEvent['type'] = 'twitch', review?: DetectedEvent['review']): DetectedEvent => ({
    channel,
    type,
    startS: peakS - 0.005,
    endS: peakS + 0.005,
    peakS,
    amplitude: 50,
    snr: 8,
    ...(review ? { review } : {}),
  });

  it('counts kept twitches per bin and group, skipping rejected ones and other types', () => {
    const events = [ev('a', 10), ev('a', 59.9), ev('a', 61), ev('b', 61), ev('a', 70, 'twitch', 'rejected'), ev('a', 80, 'sustained'), ev('a', 299)];
    const b = binEvents(events, 300, 60, (e) => e.channel);
    expect(b.starts.length).toBe(5);
    expect(Array.from(b.counts.get('a')!)).toEqual([2, 1, 0, 0, 1]);
    expect(Array.from(b.counts.get('b')!)).toEqual([0, 1, 0, 0, 0]);
  });
});
