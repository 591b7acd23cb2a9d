import { describe, expect, it } from 'vitest';
import type { Channel } from '../../core/recording';
import { displaySignal } from '../../core/view/display-signal';

const FS = 2000;

function emg(data: Float32Array, kind: Channel['kind'] = 'emg'): Channel {
  return { id: 'emg1', label: 'calf EMG', kind, unit: 'uV', sampleRateHz: FS, startS: 0, data };
}

/** Offset, slow wander and 50 Hz hum with harmonics under a small noise floor, one spike at `spike`. */
function messy(n: number, spike: number): Float32Array {
  const d = new Float32Array(n);
  let s = 1;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    const t = i / FS;
    d[i] = 400 + 200 * Math.sin(2 * Math.PI * 0.3 * t) + 30 * Math.sin(2 * Math.PI * 50 * t) + 10 * Math.sin(2 * Math.PI * 150 * t) + (s / 2147483647 - 0.5) * 4;
  }
  for (let k = -6; k <= 6; k++) d[spike + k] += 100 * Math.sin((Math.PI * k) / 6);
  return d;
}

describe('display signal', () => {
  it('removes offset, wander and mains hum from EMG but keeps a spike at its place and size', () => {
    const spike = 30_000;
    const out = displaySignal(emg(messy(60_000, spike)));
    expect(out.description).toBe('20–450 Hz, 50 Hz hum notched');
    let maxAbsAway = 0;
    for (let i = 5000; i < 25_000; i++) maxAbsAway = Math.max(maxAbsAway, Math.abs(out.data[i]));
    expect(maxAbsAway).toBeLessThan(8);
    let peakI = spike - 500;
    for (let i = spike - 500; i < spike + 500; i++) if (Math.abs(out.data[i]) > Math.abs(out.data[peakI])) peakI = i;
    expect(Math.abs(peakI - spike)).toBeLessThanOrEqual(4);
    expect(Math.abs(out.data[peakI])).toBeGreaterThan(60);
  });

  it('keeps gaps as gaps and filters the stretches around them', () => {
    const d = new Float32Array(8000).fill(300);
    d.fill(NaN, 4000, 4100);
    const out = displaySignal(emg(d)).data;
    expect(Number.isNaN(out[4050])).toBe(true);
    expect(Math.abs(out[3000])).toBeLessThan(1);
    expect(Math.abs(out[6000])).toBeLessThan(1);
  });

  it('leaves accelerometer axes as recorded', () => {
    const d = new Float32Array(100).fill(1);
    expect(displaySignal(emg(d, 'accel'))).toEqual({ data: d, description: null });
  });
});
