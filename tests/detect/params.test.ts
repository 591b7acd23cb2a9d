import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { EMG_DEFAULTS, resolveParams } from '../../core/detect/params';
import { emgRecording, spike } from './helpers';

describe('detection parameters', () => {
  it('sensitivity 0.5 keeps the defaults; 0 raises and 1 lowers the twitch threshold', () => {
    expect(resolveParams().emg.twitchK).toBe(EMG_DEFAULTS.twitchK.value);
    expect(resolveParams({ sensitivity: 0 }).emg.twitchK).toBeGreaterThan(EMG_DEFAULTS.twitchK.value);
    expect(resolveParams({ sensitivity: 1 }).emg.twitchK).toBeLessThan(EMG_DEFAULTS.twitchK.value);
  });

  it('takes overrides nested or dotted, and an explicit threshold wins over sensitivity', () => {
    expect(resolveParams({ emg: { twitchK: 4 } }).emg.twitchK).toBe(4);
    expect(resolveParams({ 'accel.moveOnG': 0.02 }).accel.moveOnG).toBe(0.02);
    expect(resolveParams({ sensitivity: 1, 'emg.twitchK': 6 }).emg.twitchK).toBe(6);
  });

  it('rejects unknown names and bad values instead of ignoring them', () => {
    expect(() => resolveParams({ 'emg.twitchk': 4 })).toThrow(/unknown parameter/);
    expect(() => resolveParams({ sensitivity: 2 })).toThrow(/between 0 and 1/);
    expect(() => resolveParams({ 'emg.twitchK': Number.NaN })).toThrow(/finite/);
  });

  it('every default names its source, and the analysis stores values and sources', () => {
    for (const d of Object.values(EMG_DEFAULTS)) expect(d.source.length).toBeGreaterThan(10);
    const a = analyseRecording(emgRecording(1000, 5, 3, 1));
    const p = a.parameters as { sensitivity: number; emg: Record<string, number>; sources: Record<string, string> };
    expect(p.sensitivity).toBe(0.5);
    expect(p.emg.bandLowHz).toBe(20);
    expect(p.sources['emg.twitchK']).toMatch(/k = 5/);
  });
});

describe('analyseRecording in a worker', () => {
  it('reports progress from 0 to 1, never going back', () => {
    const rec = emgRecording(2000, 10, 3, 2, (y) => spike(y, 2000, 5, 60));
    const seen: number[] = [];
    analyseRecording(rec, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('stops with an AbortError when cancelled, before or during the work', () => {
    const rec = emgRecording(2000, 10, 3, 3);
    expect(() => analyseRecording(rec, { signal: { aborted: true } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    const signal = { aborted: false };
    const run = () => analyseRecording(rec, { signal, onProgress: (f) => (signal.aborted = f > 0.3) });
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});
