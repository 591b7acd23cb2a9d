import { describe, expect, it } from 'vitest';
import { ImportError } from '../../core/import';
import type { Recording } from '../../core/recording';
import { importFixture } from './load';

function kinds(rec: Recording) {
  return {
    emg: rec.channels.filter((c) => c.kind === 'emg').length,
    accelSensors: rec.sensors.length,
    other: rec.channels.filter((c) => c.kind === 'other').length,
  };
}

function channel(rec: Recording, id: string) {
  const c = rec.channels.find((ch) => ch.id === id);
  if (!c) throw new Error(`no channel ${id} in ${rec.channels.map((x) => x.id).join(',')}`);
  return c;
}

// Expected values come from each file's own header or documentation (see ../fixtures/PROVENANCE.md and
// shared/samples/MANIFEST.md), not from running the importer.
describe('real vendor exports', () => {
  it('OpenBCI GUI v6: 8 ExG channels in µV at 250 Hz, the sample-and-hold accelerometer at 25 Hz', async () => {
    const rec = await importFixture('openbci-gui-raw/OpenBCI_GUI-v6-blinks-jawClench-alpha.txt');
    expect(rec.format).toBe('openbci-gui');
    expect(kinds(rec)).toEqual({ emg: 8, accelSensors: 1, other: 0 });
    const emg = channel(rec, 'emg1');
    expect(emg.unit).toBe('uV');
    expect(emg.sampleRateHz).toBe(250);
    expect(emg.data.length).toBe(5000);
    expect(emg.data[0]).toBeCloseTo(61379.36, 1);
    const ax = channel(rec, 'acc1.x');
    expect(ax.unit).toBe('g');
    expect(ax.sampleRateHz).toBeCloseTo(25, 6);
    expect(ax.data.length).toBeGreaterThanOrEqual(499);
    expect(ax.data.length).toBeLessThanOrEqual(501);
    expect(rec.startTime).toBe('2019-05-15T16:00:53.329Z');
    expect(rec.durationS).toBeCloseTo(20, 1);
  });

  it('OpenBCI GUI legacy: same session, accelerometer written as zeros between updates', async () => {
    const rec = await importFixture('openbci-gui-raw/OpenBCI-sampleData-1-blinks-jawClench-alpha.txt');
    expect(rec.format).toBe('openbci-gui-legacy');
    expect(kinds(rec)).toEqual({ emg: 8, accelSensors: 1, other: 0 });
    expect(channel(rec, 'emg8').data[0]).toBeCloseTo(1740.11, 2);
    const ay = channel(rec, 'acc1.y');
    expect(ay.sampleRateHz).toBeGreaterThan(24);
    expect(ay.sampleRateHz).toBeLessThan(26);
    expect(ay.data[0]).toBeCloseTo(0.42, 3);
    // No zero rows left between updates.
    expect(Array.from(ay.data).filter((v) => v === 0).length).toBeLessThan(5);
  });

  it('PLUX OpenSignals, one device: raw 16-bit counts through the EMG transfer function to µV', async () => {
    const rec = await importFixture('plux-opensignals/emg_1000_hz_16_bits_solo.txt');
    expect(rec.format).toBe('opensignals');
    expect(kinds(rec)).toEqual({ emg: 1, accelSensors: 0, other: 0 });
    const emg = channel(rec, 'emg1');
    expect(emg.sampleRateHz).toBe(1000);
    expect(emg.data.length).toBe(20000);
    // First sample 32960 counts: (32960 / 65536 − 0.5) × 3 V / 1000 = 8.79 µV.
    expect(emg.data[0]).toBeCloseTo(((32960 / 65536) - 0.5) * 3000, 3);
    expect(rec.startTime).toBe('2019-10-14T16:52:39.448');
  });

  it('PLUX OpenSignals, two devices: per-device rates, NaN padding skipped', async () => {
    const rec = await importFixture('plux-opensignals/emg_1000_hz_16_bits.txt');
    expect(kinds(rec)).toEqual({ emg: 2, accelSensors: 0, other: 0 });
    expect(channel(rec, 'emg1').sampleRateHz).toBe(10);
    expect(channel(rec, 'emg1').data.length).toBe(540);
    expect(channel(rec, 'emg2').sampleRateHz).toBe(1000);
    expect(channel(rec, 'emg2').data.length).toBe(40500);
    expect(Array.from(channel(rec, 'emg1').data).some(Number.isNaN)).toBe(false);
  });

  it('Delsys Trigno: EMG in V → µV at 1259.26 Hz, accelerometers at 148.15 Hz, ragged rows', async () => {
    const rec = await importFixture('delsys-trigno/truncated_trigno_sample.csv');
    expect(rec.format).toBe('delsys-trigno');
    expect(kinds(rec)).toEqual({ emg: 2, accelSensors: 2, other: 6 });
    const emg = channel(rec, 'emg1');
    expect(emg.unit).toBe('uV');
    expect(emg.sampleRateHz).toBeCloseTo(1259.259, 2);
    // 2,519 data lines (the first all zeros at t = 0), of which 297 carry accelerometer values.
    expect(emg.data.length).toBe(2519);
    expect(channel(rec, 'acc1.z').sampleRateHz).toBeCloseTo(148.148, 2);
    expect(channel(rec, 'acc1.z').data.length).toBe(297);
    expect(rec.sensors[0].channelIds).toEqual(['acc1.x', 'acc1.y', 'acc1.z']);
    // Row 2300 of the file: EMG 10 = 9.869535e-05 V at t = 1.811382 s.
    const i = Math.round(1.811382 * emg.sampleRateHz);
    expect(emg.data[i]).toBeCloseTo(98.69535, 2);
  });

  it('Shimmer Consensys: semicolon, unit line, m/s² → g, Unix-ms time in exponent form', async () => {
    const rec = await importFixture('shimmer-consensys/read_test_data.csv');
    expect(rec.format).toBe('shimmer-consensys');
    expect(kinds(rec)).toEqual({ emg: 0, accelSensors: 2, other: 14 });
    const x = channel(rec, 'acc1.x');
    expect(x.unit).toBe('g');
    expect(x.data[0]).toBeCloseTo(-1.434782608695652 / 9.80665, 6);
    expect(x.sampleRateHz).toBeGreaterThan(50);
    expect(x.sampleRateHz).toBeLessThan(53);
    expect(rec.startTime).toBe('2020-07-28T10:56:50.034Z');
  });

  it('Empatica E4 ACC.csv: start-time row, 32 Hz rate row, 1/64 g', async () => {
    const rec = await importFixture('empatica-e4/ACC.csv');
    expect(rec.format).toBe('empatica-e4');
    expect(kinds(rec)).toEqual({ emg: 0, accelSensors: 1, other: 0 });
    const x = channel(rec, 'acc1.x');
    expect(x.sampleRateHz).toBe(32);
    expect(x.data[0]).toBe(-61 / 64);
    expect(x.resolution).toBe(1 / 64);
    expect(rec.startTime).toBe('2019-06-11T19:03:45.000Z');
    expect(x.data.length).toBe(9998);
  });

  it('Polar Sensor Logger: device clock in ns since 2000 (beyond 2^53), mg → g', async () => {
    const rec = await importFixture('polar-sensor-logger/Polar_Sense_A40F6F28_20220425_113903_ACC.txt');
    expect(rec.format).toBe('polar-sensor-logger');
    expect(kinds(rec)).toEqual({ emg: 0, accelSensors: 1, other: 0 });
    const x = channel(rec, 'acc1.x');
    expect(x.data[0]).toBeCloseTo(-0.777, 6);
    // Sensor clock steps 19.34 ms.
    expect(x.sampleRateHz).toBeCloseTo(1000 / 19.3404, 1);
    expect(rec.startTime?.startsWith('2022-04-25T11:39:')).toBe(true);
  });

  it('Polar marker file: a clear error pointing at the data file', async () => {
    await expect(importFixture('polar-sensor-logger/MARKER_20220425_114002.txt')).rejects.toThrow(/marker file.*_ACC\.txt/);
  });

  it('Empatica info.txt: a clear error pointing at ACC.csv', async () => {
    await expect(importFixture('empatica-e4/info.txt')).rejects.toThrow(/^info\.txt:1: this is the info\.txt of an Empatica E4 archive.*open ACC\.csv/);
  });

  it('Garmin raw accelerometer: ISO times with zone, milli-g, the 550 s pause kept as a gap', async () => {
    const rec = await importFixture('garmin-acc/acc.csv');
    expect(rec.format).toBe('garmin-acc');
    const x = channel(rec, 'acc1.x');
    expect(x.sampleRateHz).toBeCloseTo(25, 1);
    expect(x.data[0]).toBeCloseTo(-0.036, 6);
    const nan = Array.from(x.data).filter(Number.isNaN).length;
    expect(nan / 25).toBeGreaterThan(545);
    expect(nan / 25).toBeLessThan(560);
    expect(rec.timing[0].gaps).toBe(2);
    expect(rec.warnings.some((w) => /2 gaps/.test(w.message))).toBe(true);
    expect(rec.startTime).toBe('2019-10-16T12:09:01.702+02:00');
  });

  it('ActiGraph ActiLife epoch counts: imported, and plainly marked as not raw', async () => {
    const rec = await importFixture('actigraph-actilife/ActiGraph13_timestamps_headers.csv');
    expect(rec.format).toBe('actigraph-actilife');
    expect(kinds(rec)).toEqual({ emg: 0, accelSensors: 0, other: 5 });
    expect(rec.channels[0].unit).toBe('counts');
    expect(rec.channels[0].sampleRateHz).toBe(1);
    expect(rec.notRaw).toMatch(/raw/i);
    expect(rec.meta['Serial Number']).toBe('TAS1D48140206');
  });

  it('Axivity AX6 CSV: header-less, local time stamps, irregular 9–11 ms steps, gyro kept as other', async () => {
    const rec = await importFixture('axivity-csv/ax6_testfile_formatted_timestamps.csv');
    expect(rec.format).toBe('axivity-csv');
    expect(kinds(rec)).toEqual({ emg: 0, accelSensors: 1, other: 3 });
    const x = channel(rec, 'acc1.x');
    expect(x.sampleRateHz).toBeGreaterThan(97);
    expect(x.sampleRateHz).toBeLessThan(101);
    expect(x.data[0]).toBeCloseTo(0.007324, 6);
    expect(rec.startTime).toBe('2019-12-23T21:04:06.690');
  });

  it('Myo armband: 8 EMG pods at 200 Hz in device units, gesture label as other', async () => {
    const rec = await importFixture('myo-armband/1.txt');
    expect(rec.format).toBe('myo-emg');
    expect(kinds(rec)).toEqual({ emg: 8, accelSensors: 0, other: 1 });
    expect(channel(rec, 'emg1').sampleRateHz).toBe(200);
    expect(channel(rec, 'emg1').unit).toBe('a.u.');
    expect(channel(rec, 'emg1').data.length).toBe(11958);
    // The last row has no newline after it; it must still be read.
    expect(channel(rec, 'ch9').data[11957]).toBe(1);
  });

  it('errors carry the file name and what to do', async () => {
    const err = await importFixture('polar-sensor-logger/MARKER_20220425_114002.txt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/^MARKER_20220425_114002\.txt:1: /);
  });
});
