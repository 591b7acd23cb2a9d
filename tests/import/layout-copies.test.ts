import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_GRAVITY } from '../../core/import/units';
import { channel, LAYOUTS, loadFixture } from './layout-fixtures';

// Files written in the exact layout of real samples whose source has no licence (see fixtures/layouts/README.md).

const TAU = 2 * Math.PI;

describe('Sensor Logger Accelerometer.csv layout', () => {
  it('reads epoch-ns time and z,y,x axes in m/s² as x,y,z in g', async () => {
    const rec = await loadFixture('sensor-logger/Accelerometer.csv');
    expect(rec.format).toBe('sensor-logger');
    expect(rec.startTime).toBe('2023-11-14T22:13:20.000Z');
    expect(rec.channels.map((c) => c.id)).toEqual(['acc1.z', 'acc1.y', 'acc1.x']);
    expect(rec.sensors[0].channelIds).toEqual(['acc1.x', 'acc1.y', 'acc1.z']);
    const z = channel(rec, 'acc1.z');
    expect(z.unit).toBe('g');
    expect(z.data.length).toBe(300);
    for (const k of [0, 13, 299]) expect(z.data[k]).toBeCloseTo(1 + 0.01 * Math.sin(TAU * 2 * k * 0.00996), 6);
    expect(channel(rec, 'acc1.y').data[5]).toBeCloseTo(-0.2, 6);
    expect(channel(rec, 'acc1.x').data[49]).toBeCloseTo(0.098, 6);
  });

  it('takes the rate from the ~9.96 ms steps despite their jitter', async () => {
    const rec = await loadFixture('sensor-logger/Accelerometer.csv');
    expect(Math.abs(channel(rec, 'acc1.x').sampleRateHz - 1 / 0.00996)).toBeLessThan(0.1);
    expect(rec.timing[0].gaps).toBe(0);
  });
});

describe('phyphox Raw Data.csv layout', () => {
  it('reads quoted headers, scientific notation and the last row without a newline', async () => {
    const path = join(LAYOUTS, 'phyphox/Raw Data.csv');
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(false);
    const rec = await loadFixture('phyphox/Raw Data.csv');
    expect(rec.format).toBe('phyphox');
    expect(rec.channels.map((c) => `${c.id}|${c.kind}|${c.unit}`)).toEqual(['acc1.x|accel|g', 'acc1.y|accel|g', 'acc1.z|accel|g', 'ch5|other|g']);
    const x = channel(rec, 'acc1.x');
    expect(x.data.length).toBe(300);
    const t = (k: number) => 0.0415 + k * 0.00997;
    for (const k of [0, 100, 299]) expect(x.data[k]).toBeCloseTo((0.25 * Math.sin(TAU * 3 * t(k))) / STANDARD_GRAVITY, 6);
    expect(channel(rec, 'acc1.z').data[299]).toBeCloseTo(9.5 / STANDARD_GRAVITY, 6);
    expect(x.sampleRateHz).toBeCloseTo(1 / 0.00997, 3);
  });
});

describe('Movesense ECG CSV layout', () => {
  it('reads the padded title line, epoch seconds, the pause and the sentinel value', async () => {
    const rec = await loadFixture('movesense/ECG-2024_03_05-14_00_00.csv');
    expect(rec.format).toBe('movesense');
    expect(rec.meta).toEqual({ stream: 'ECG', statedRateHz: '200' });
    expect(rec.startTime).toBe('2024-03-05T14:00:00.000Z');
    const ecg = channel(rec, 'ch2');
    expect(ecg.kind).toBe('other');
    expect(ecg.sampleRateHz).toBeCloseTo(200, 3);
    // 200 samples, a 2 s pause kept as 400 empty slots, then 100 samples.
    expect(ecg.data.length).toBe(700);
    expect(Array.from(ecg.data.slice(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(ecg.data).filter(Number.isNaN).length).toBe(400);
    expect(ecg.data[599]).toBeNaN();
    expect(ecg.data[605]).toBe(Math.round(400 * Math.sin((TAU * 5 * 205) / 200)));
    expect(ecg.data[650]).toBe(-131072);
    expect(rec.warnings.map((w) => w.message)).toEqual([
      'this is an ECG stream: it is shown, but twitch detection needs EMG or accelerometer signals',
      'time column of "ECG Sample" has 1 gap (2.0 s in all); they are kept as gaps',
    ]);
  });
});

describe('header-less research EMG text layout (Carl_1.txt)', () => {
  it('reads ragged tab columns at rates from their lengths, ignoring the empty cells and the last line of tabs', async () => {
    const rec = await loadFixture('emg-text/biceps-goniometer.txt');
    expect(rec.format).toBe('emg-text');
    expect(rec.channels.map((c) => `${c.id}|${c.kind}|${c.unit}|${c.sampleRateHz}|${c.data.length}`)).toEqual([
      'emg1|emg|a.u.|1000|400',
      'ch2|other||50|20',
      'ch3|other||200|80',
    ]);
    const emg = channel(rec, 'emg1');
    expect(emg.data[0]).toBe(100);
    expect(emg.data[399]).toBe(-(100 + (399 % 40)));
    expect(channel(rec, 'ch2').data[19]).toBe(-3190);
    expect(new Set(channel(rec, 'ch3').data)).toEqual(new Set([31]));
    expect(rec.warnings.some((w) => /missing/.test(w.message))).toBe(false);
  });

  it('takes a rate the user gives for the first column and scales the others', async () => {
    const rec = await loadFixture('emg-text/biceps-goniometer.txt', { rateHz: 2000 });
    expect(rec.channels.map((c) => c.sampleRateHz)).toEqual([2000, 100, 400]);
  });
});
