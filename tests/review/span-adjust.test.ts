import { describe, expect, it } from 'vitest';
import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { applyReview } from '../../core/review/apply';
import { adjustSpan, setReview } from '../../core/review/edits';
import { parseSidecar, makeSidecar, serializeSidecar } from '../../core/review/sidecar';
import { detectionFloor } from '../../core/review/added-event';

const cramp: DetectedEvent = { channel: 'emg1', type: 'sustained', startS: 50, endS: 60, peakS: 55, amplitude: 200, snr: 30 };
const twitch: DetectedEvent = { channel: 'emg1', type: 'twitch', startS: 9.996, endS: 10.004, peakS: 10, amplitude: 80, snr: 10 };

function analysis(): Analysis {
  return {
    channels: [{ id: 'emg1', label: 'calf EMG', kind: 'emg', unit: 'uV', sampleRateHz: 2000, site: 'calf' }],
    events: [twitch, cramp],
    summary: {
      channels: [{ channel: 'emg1', site: 'calf', analyzedS: 130, restS: 120, twitchCount: 1, twitchesPerMinute: 0.5, sustainedCount: 1, sustainedS: 10, noiseFloor: 5, mainsHz: null, excludedS: 0, notes: [] }],
      sites: [],
    },
    parameters: { emg: { twitchK: 5 } },
  };
}

describe('dragging a span edge', () => {
  it('moves the edges and the sustained time, and keeps the confirmation', () => {
    let edits = setReview([], cramp, 'confirm');
    edits = adjustSpan(edits, cramp, 52, 60);
    const out = applyReview(analysis(), edits);
    const span = out.events.find((e) => e.type === 'sustained')!;
    expect([span.startS, span.endS, span.review]).toEqual([52, 60, 'confirmed']);
    expect(out.summary.channels[0].sustainedS).toBeCloseTo(8, 9);
  });

  it('keeps the peak inside and replaces an earlier drag of the same span', () => {
    const edits = adjustSpan(adjustSpan([], cramp, 51, 60), cramp, 57, 60);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ action: 'adjust', startS: 55, endS: 60 });
  });

  it('is undone by dropping the edit: the detector span returns', () => {
    const out = applyReview(analysis(), []);
    expect(out.events.find((e) => e.type === 'sustained')).toEqual(cramp);
  });

  it('counts a rejected, adjusted episode out entirely', () => {
    const edits = setReview(adjustSpan([], cramp, 52, 60), cramp, 'reject');
    const s = applyReview(analysis(), edits).summary.channels[0];
    expect([s.sustainedCount, s.sustainedS]).toEqual([0, 0]);
  });

  it('does not move twitches, and a reject after a drag still rejects', () => {
    const edits = setReview(adjustSpan([], twitch, 9, 11), twitch, 'reject');
    const t = applyReview(analysis(), edits).events.find((e) => e.type === 'twitch')!;
    expect([t.startS, t.endS, t.review]).toEqual([twitch.startS, twitch.endS, 'rejected']);
  });

  it('survives the sidecar, and a malformed adjustment is dropped', () => {
    const edits = adjustSpan([], cramp, 52, 60);
    const text = serializeSidecar(makeSidecar('calf.csv', 'fp', { subject: '', sites: {}, edits, sensitivity: null, params: {}, answers: {} }, new Date(0)));
    const back = parseSidecar(text);
    expect(back.ok && back.sidecar.edits).toEqual(edits);
    const broken = parseSidecar(text.replace('"startS": 52', '"startS": 70'));
    expect(broken.ok && broken.sidecar.edits).toEqual([]);
  });
});

describe('the floor an added twitch is compared with', () => {
  it('is k robust sigma over the noise for EMG, as this analysis used k', () => {
    const a = analysis();
    expect(detectionFloor(a.channels[0], a.summary.channels[0], a.parameters)).toBe(25);
  });
  it("is the accelerometer's stated smallest transient, and null when unknown", () => {
    expect(detectionFloor({ kind: 'accel' }, { noiseFloor: 0.001, minDetectable: 0.02 }, {})).toBe(0.02);
    expect(detectionFloor({ kind: 'accel' }, { noiseFloor: 0.001 }, {})).toBeNull();
    expect(detectionFloor({ kind: 'emg' }, { noiseFloor: 5 }, {})).toBeNull();
  });
});
