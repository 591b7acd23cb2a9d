import { describe, expect, it } from 'vitest';
import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { summariseSites } from '../../core/analysis/site-summary';
import { applyReview } from '../../core/review/apply';
import { addEvent, setReview } from '../../core/review/edits';
import { record, redo, startHistory, undo } from '../../core/review/history';
import { spanNearClick } from '../../core/review/added-event';

const tw = (channel: string, peakS: number): DetectedEvent => ({
  channel,
  type: 'twitch',
  startS: peakS - 0.004,
  endS: peakS + 0.004,
  peakS,
  amplitude: 80,
  snr: 10,
});

/** Two calf channels (left 4 twitches in 120 s of rest, right 2) and a forearm sensor. */
function base(): Analysis {
  const summaries = [
    { channel: 'emg1', site: 'left calf', analyzedS: 130, restS: 120, twitchCount: 4, twitchesPerMinute: 2, sustainedCount: 1, sustainedS: 10, noiseFloor: 5, mainsHz: 50 as const, excludedS: 0, notes: [] },
    { channel: 'emg2', site: 'right calf', analyzedS: 130, restS: 120, twitchCount: 2, twitchesPerMinute: 1, sustainedCount: 0, sustainedS: 0, noiseFloor: 4, mainsHz: null, excludedS: 0, notes: [] },
    { channel: 'acc1', site: null, analyzedS: 130, restS: 130, twitchCount: 0, twitchesPerMinute: 0, sustainedCount: 0, sustainedS: 0, noiseFloor: 0.001, mainsHz: null, excludedS: 0, notes: [] },
  ];
  return {
    channels: [
      { id: 'emg1', label: 'left calf EMG', kind: 'emg', unit: 'uV', sampleRateHz: 2000, site: 'left calf' },
      { id: 'emg2', label: 'right calf EMG', kind: 'emg', unit: 'uV', sampleRateHz: 2000, site: 'right calf' },
      { id: 'acc1', label: 'wrist acc', kind: 'accel', unit: 'g', sampleRateHz: 100, site: null, axes: ['x', 'y', 'z'] },
    ],
    events: [
      tw('emg1', 10),
      tw('emg1', 20),
      tw('emg1', 30),
      tw('emg1', 40),
      { channel: 'emg1', type: 'sustained', startS: 50, endS: 60, peakS: 55, amplitude: 200, snr: 30, rms: 90 },
      tw('emg2', 15),
      tw('emg2', 25),
    ],
    summary: { channels: summaries, sites: summariseSites(summaries) },
    parameters: {},
  };
}

describe('applying review edits', () => {
  it('rejecting a twitch lowers the channel and site counts and rates at once', () => {
    const a = base();
    const edits = setReview([], a.events[1], 'reject');
    const r = applyReview(a, edits);
    const ch = r.summary.channels.find((c) => c.channel === 'emg1')!;
    expect(ch.twitchCount).toBe(3);
    expect(ch.twitchesPerMinute).toBeCloseTo(1.5);
    expect(r.summary.sites.find((s) => s.site === 'left calf')!.twitchCount).toBe(3);
    expect(r.events.find((e) => e.peakS === 20)!.review).toBe('rejected');
    expect(a.events[1].review).toBeUndefined();
    expect(a.summary.channels[0].twitchCount).toBe(4);
  });

  it('confirming changes no count; a second confirm takes it back', () => {
    const a = base();
    const once = setReview([], a.events[0], 'confirm');
    expect(applyReview(a, once).summary.channels[0].twitchCount).toBe(4);
    expect(applyReview(a, once).events[0].review).toBe('confirmed');
    expect(setReview(once, a.events[0], 'confirm')).toEqual([]);
  });

  it('an added twitch counts for its channel and site; rejecting it removes it', () => {
    const a = base();
    const edits = addEvent([], { channel: 'emg2', peakS: 77.123, startS: 77.12, endS: 77.126, amplitude: 40 });
    const r = applyReview(a, edits);
    const added = r.events.find((e) => e.review === 'added')!;
    expect(added).toMatchObject({ channel: 'emg2', type: 'twitch', peakS: 77.123 });
    expect(added.snr).toBeCloseTo(10);
    expect(r.summary.sites.find((s) => s.site === 'right calf')!.twitchCount).toBe(3);
    expect(r.events.map((e) => e.peakS)).toEqual([...r.events.map((e) => e.peakS)].sort((x, y) => x - y));
    const removed = setReview(edits, added, 'reject');
    expect(applyReview(a, removed).summary.channels[1].twitchCount).toBe(2);
  });

  it('adding a twitch the detector already found does not count it twice', () => {
    const a = base();
    const r = applyReview(a, addEvent([], { channel: 'emg1', peakS: 10.002, startS: 10, endS: 10.004, amplitude: 80 }));
    expect(r.summary.channels[0].twitchCount).toBe(4);
    expect(r.events.length).toBe(a.events.length);
  });

  it('rejecting a sustained episode lowers its count and total time', () => {
    const a = base();
    const r = applyReview(a, setReview([], a.events[4], 'reject'));
    expect(r.summary.channels[0].sustainedCount).toBe(0);
    expect(r.summary.channels[0].sustainedS).toBe(0);
    expect(r.summary.sites.find((s) => s.site === 'left calf')!.sustainedCount).toBe(0);
  });

  it('matches edits to events by channel and peak within a few ms, so a re-run keeps them', () => {
    const a = base();
    const edits = [{ action: 'reject' as const, channel: 'emg1', peakS: 30.003 }];
    expect(applyReview(a, edits).summary.channels[0].twitchCount).toBe(3);
    const other = [{ action: 'reject' as const, channel: 'emg2', peakS: 30 }];
    expect(applyReview(a, other).summary.channels[0].twitchCount).toBe(4);
  });

  it('relabelling sites regroups the site summary: two calves pooled into one site', () => {
    const a = base();
    const r = applyReview(a, [], { emg1: 'Calf', emg2: 'calf', acc1: 'right forearm' });
    const calf = r.summary.sites.find((s) => s.site === 'calf')!;
    expect(calf.twitchCount).toBe(6);
    expect(calf.restS).toBe(240);
    expect(calf.twitchesPerMinute).toBeCloseTo(1.5);
    expect(r.channels.find((c) => c.id === 'acc1')!.site).toBe('right forearm');
    expect(r.summary.sites.map((s) => s.site).sort()).toEqual(['calf', 'right forearm']);
    expect(applyReview(a, [], { emg2: null }).summary.sites.map((s) => s.site)).toEqual(['left calf']);
  });
});

describe('undo and redo', () => {
  it('walks back and forth through edits and drops the redo branch on a new edit', () => {
    let h = startHistory<number[]>([]);
    h = record(h, [1]);
    h = record(h, [1, 2]);
    h = undo(h);
    expect(h.present).toEqual([1]);
    h = redo(h);
    expect(h.present).toEqual([1, 2]);
    h = undo(undo(h));
    expect(h.present).toEqual([]);
    expect(undo(h)).toBe(h);
    h = record(h, [3]);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });
});

describe('placing an added twitch', () => {
  it('snaps a click a few ms off to the spike peak and spans its half-amplitude width', () => {
    const rate = 2000;
    const d = new Float32Array(rate * 2);
    for (let i = 0; i < d.length; i++) d[i] = Math.sin(i) * 2;
    const peak = 1500;
    for (let k = -6; k <= 6; k++) d[peak + k] += 100 * Math.exp(-(k * k) / 8);
    const s = spanNearClick([d], rate, 1, 1 + (peak + 30) / rate)!;
    expect(s.peakS).toBeCloseTo(1 + peak / rate, 4);
    expect(s.amplitude).toBeGreaterThan(95);
    expect(s.startS).toBeLessThan(s.peakS);
    expect(s.endS - s.startS).toBeLessThan(0.01);
  });

  it('uses the vector of all axes for an accelerometer', () => {
    const rate = 100;
    const x = new Float32Array(300);
    const y = new Float32Array(300);
    y[150] = 0.05;
    x[150] = 0.05;
    const s = spanNearClick([x, y], rate, 0, 1.52)!;
    expect(s.peakS).toBeCloseTo(1.5);
    expect(s.amplitude).toBeCloseTo(Math.SQRT2 * 0.05, 2);
  });
});
