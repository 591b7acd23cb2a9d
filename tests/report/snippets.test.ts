import { describe, expect, it } from 'vitest';
import type { DetectedEvent } from '../../core/analysis/types';
import { extractSnippet, pickSnippetEvents, snippetsFor } from '../../core/report/snippets';
import { makeAnalysis } from '../guidance/make-analysis';
import { calfSession } from './simulated';

const calf = calfSession();

function argMaxAbs(x: Float32Array): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (Math.abs(x[i]) > Math.abs(x[best])) best = i;
  return best;
}

describe('choosing snippets', () => {
  it('takes a typical twitch from each busy site, more from the busiest, then the longest sustained episode', () => {
    const a = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 600, twitches: 20, sustained: [10, 45, 20] },
      { id: 'b', site: 'right hand', restS: 600, twitches: 3 },
    ]);
    a.events.filter((e) => e.channel === 'a' && e.type === 'twitch').forEach((e, i) => (e.amplitude = 10 + i));
    const picked = pickSnippetEvents(a);
    const twitches = picked.filter((e) => e.type === 'twitch');
    expect(twitches).toHaveLength(4);
    expect(new Set(twitches.map((e) => e.channel))).toEqual(new Set(['a', 'b']));
    expect(twitches.some((e) => e.channel === 'a' && e.amplitude === 20)).toBe(true);
    expect(picked[picked.length - 1].type).toBe('sustained');
    expect(picked[picked.length - 1].endS - picked[picked.length - 1].startS).toBe(45);
  });

  it('never shows an event the user rejected', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 2 }]);
    a.events.forEach((e) => (e.review = 'rejected'));
    expect(pickSnippetEvents(a)).toEqual([]);
  });
});

describe('snippet signal', () => {
  it('keeps each simulated EMG twitch where and as large as it happened (zero-phase: no shift)', () => {
    const raw = calf.recording.channels.find((c) => c.id === 'emg1')!.data;
    const twitches = calf.analysis.events.filter((e) => e.type === 'twitch' && e.channel === 'emg1').slice(0, 12);
    for (const e of twitches) {
      const s = extractSnippet(calf.recording, calf.analysis, e)!;
      expect(s.unit).toBe('µV');
      const at = Math.round((e.peakS - s.startS) * s.sampleRateHz);
      const rawAt = raw[Math.round(e.peakS * s.sampleRateHz)];
      expect(Math.sign(s.values[at])).toBe(Math.sign(rawAt));
      expect(Math.abs(s.values[at]) / e.amplitude).toBeGreaterThan(0.6);
      expect(Math.abs(s.values[at]) / e.amplitude).toBeLessThan(1.3);
      expect(Math.abs(s.values[argMaxAbs(s.values)]) / e.amplitude).toBeLessThan(1.5);
    }
  });

  it('shows accelerometer twitches in mg on the axis with the largest response', () => {
    const e = calf.analysis.events.find((x) => x.type === 'twitch' && x.channel === 'acc1')!;
    const s = extractSnippet(calf.recording, calf.analysis, e)!;
    expect(s.unit).toBe('mg');
    expect(['x', 'y', 'z']).toContain(s.axis);
    expect(s.band).toBe('5–45 Hz');
    const peakMg = Math.abs(s.values[argMaxAbs(s.values)]);
    expect(peakMg).toBeGreaterThan(e.amplitude * 1000 * 0.3);
  });

  it('leaves gaps as gaps instead of drawing through them', () => {
    const e = calf.analysis.events.find((x) => x.type === 'twitch' && x.channel === 'emg2')!;
    const ch = calf.recording.channels.find((c) => c.id === 'emg2')!;
    const data = ch.data.slice();
    const gapAt = Math.round((e.peakS + 0.03) * ch.sampleRateHz);
    data.fill(NaN, gapAt, gapAt + 20);
    const rec = { ...calf.recording, channels: calf.recording.channels.map((c) => (c.id === 'emg2' ? { ...c, data } : c)) };
    const s = extractSnippet(rec, calf.analysis, e)!;
    const first = gapAt - Math.round(s.startS * s.sampleRateHz);
    expect(Number.isNaN(s.values[first])).toBe(true);
    expect(Number.isNaN(s.values[first + 19])).toBe(true);
    expect(Number.isFinite(s.values[first - 1])).toBe(true);
    expect(Number.isFinite(s.values[first + 20])).toBe(true);
  });

  it('skips events on channels the recording does not have', () => {
    const ghost: DetectedEvent = { channel: 'nope', type: 'twitch', startS: 1, endS: 1.01, peakS: 1.005, amplitude: 50, snr: 10 };
    expect(extractSnippet(calf.recording, calf.analysis, ghost)).toBeNull();
    expect(snippetsFor(calf.recording, calf.analysis).length).toBe(pickSnippetEvents(calf.analysis).length);
  });
});

describe('mains hum in snippets', () => {
  function humRecording(mainsHz: 50 | 60 | null) {
    const fs = 1000;
    const data = new Float32Array(10 * fs);
    for (let i = 0; i < data.length; i++) data[i] = 40 * Math.sin((2 * Math.PI * 50 * i) / fs) + 15 * Math.sin((2 * Math.PI * 150 * i) / fs);
    const analysis = makeAnalysis([{ id: 'e', site: 'left calf', restS: 10, twitches: 1 }]);
    analysis.channels[0].sampleRateHz = fs;
    analysis.summary.channels[0].mainsHz = mainsHz;
    const rec = { ...calf.recording, channels: [{ id: 'e', label: 'left calf EMG', kind: 'emg' as const, unit: 'uV', sampleRateHz: fs, startS: 0, data }], sensors: [] };
    return extractSnippet(rec, analysis, analysis.events[0])!;
  }
  const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);

  it('is notched at the mains frequency and its harmonics where detection found it', () => {
    const raw = humRecording(null);
    const notched = humRecording(50);
    expect(raw.band).toBe('20–450 Hz');
    expect(notched.band).toBe('20–450 Hz, 50 Hz notched');
    expect(rms(raw.values)).toBeGreaterThan(25);
    expect(rms(notched.values)).toBeLessThan(0.05 * rms(raw.values));
  });
});
