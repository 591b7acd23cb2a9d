import { describe, expect, it } from 'vitest';
import { makeSidecar, parseSidecar, serializeSidecar, sidecarMatches } from '../../core/review/sidecar';

const work = {
  subject: 'J. D.',
  sites: { emg1: 'left calf', acc1: null },
  edits: [
    { action: 'reject' as const, channel: 'emg1', peakS: 12.5 },
    { action: 'add' as const, channel: 'emg1', peakS: 14, startS: 13.99, endS: 14.01, amplitude: 33 },
  ],
  sensitivity: 0.7,
  params: { emg: { minSnr: 4 } },
  answers: { weakness: 'no' },
};

describe('sidecar', () => {
  it('round-trips the user work exactly', () => {
    const s = makeSidecar('rest.csv', 'abc123', work, new Date('2026-01-02T03:04:05Z'));
    const back = parseSidecar(serializeSidecar(s));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.sidecar).toEqual(s);
    expect(sidecarMatches(back.sidecar, 'abc123')).toBe(true);
    expect(sidecarMatches(back.sidecar, 'abc124')).toBe(false);
  });

  it('keeps the recording context, trimmed, and names a context it could not read whole', () => {
    const context = { placement: 'bipolar, 2 cm apart', muscle: 'left soleus', posture: 'lying prone', symptomDuration: '3 months', weakness: 'none' };
    const s = makeSidecar('rest.csv', 'abc123', { ...work, context }, new Date('2026-01-02T03:04:05Z'));
    const back = parseSidecar(serializeSidecar(s));
    expect(back.ok && back.sidecar.context).toEqual(context);
    expect(back.ok && back.dropped).toEqual([]);
    const odd = parseSidecar(serializeSidecar(makeSidecar('rest.csv', 'abc123', { ...work, context: { ...context, muscle: 7, colour: 'red' } as never }, new Date(0))));
    expect(odd.ok && odd.sidecar.context).toEqual({ ...context, muscle: '' });
    expect(odd.ok && odd.dropped).toEqual(['the recording context']);
  });

  it('refuses other files and versions with a readable reason', () => {
    expect(parseSidecar('{nope')).toMatchObject({ ok: false });
    expect(parseSidecar('{"schema":"other"}')).toMatchObject({ ok: false });
    const v2 = parseSidecar(JSON.stringify({ schema: 'twitchscope.review', version: 2, recording: { fingerprint: 'x' } }));
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.reason).toMatch(/version 2/);
  });

  it('drops malformed edits and fields but keeps the good ones', () => {
    const text = JSON.stringify({
      schema: 'twitchscope.review',
      version: 1,
      recording: { file: 'a.csv', fingerprint: 'f' },
      sites: { emg1: 'calf', emg2: 5 },
      edits: [{ action: 'reject', channel: 'emg1', peakS: 1 }, { action: 'delete', channel: 'emg1', peakS: 2 }, { action: 'add', channel: 'emg1', peakS: 'x' }],
      sensitivity: 'high',
    });
    const r = parseSidecar(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sidecar.edits).toEqual([{ action: 'reject', channel: 'emg1', peakS: 1 }]);
    expect(r.sidecar.sites).toEqual({ emg1: 'calf' });
    expect(r.sidecar.sensitivity).toBeNull();
  });
});
