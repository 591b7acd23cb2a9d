import { describe, expect, it } from 'vitest';
import type { Channel } from '../../core/recording';
import { displaySignal } from '../../core/view/display-signal';

function emg(data: Float32Array, kind: Channel['kind'] = 'emg'): Channel {
  return { id: 'emg1', label: 'calf EMG', kind, unit: 'uV', sampleRateHz: 2000, startS: 0, data };
}

describe('display signal', () => {
  it('removes offset and slow wander from EMG but keeps a spike at its place and size', () => {
    const n = 20_000;
    const d = new Float32Array(n);
    for (let i = 0; i < n; i++) d[i] = 400 + 200 * Math.sin((2 * Math.PI * 0.3 * i) / 2000);
    const spike = 10_000;
    for (let k = -6; k <= 6; k++) d[spike + k] += 100 * Math.sin((Math.PI * k) / 6);
    const out = displaySignal(emg(d));
    let maxAbsAway = 0;
    for (let i = 2000; i < 8000; i++) maxAbsAway = Math.max(maxAbsAway, Math.abs(out[i]));
    expect(maxAbsAway).toBeLessThan(2);
    let peakI = 0;
    for (let i = 9000; i < 11000; i++) if (Math.abs(out[i]) > Math.abs(out[peakI])) peakI = i;
    expect(Math.abs(peakI - spike)).toBeLessThanOrEqual(4);
    expect(Math.abs(out[peakI])).toBeGreaterThan(60);
  });

  it('keeps gaps as gaps and filters the stretches around them', () => {
    const d = new Float32Array(8000).fill(300);
    d.fill(NaN, 4000, 4100);
    const out = displaySignal(emg(d));
    expect(Number.isNaN(out[4050])).toBe(true);
    expect(Math.abs(out[3000])).toBeLessThan(1);
    expect(Math.abs(out[6000])).toBeLessThan(1);
  });

  it('leaves accelerometer axes as recorded', () => {
    const d = new Float32Array(100).fill(1);
    expect(displaySignal(emg(d, 'accel'))).toBe(d);
  });
});
