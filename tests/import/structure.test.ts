import { describe, expect, it } from 'vitest';
import { importRecording, textSource, type ImportOptions } from '../../core/import';
import { isoFromParts, parseDate } from '../../core/import/dates';
import type { Recording } from '../../core/recording';

/**
 * Files are read by what their cells hold, not by the words of their header. Each table here is written in
 * the layout the measured exports have (the real files, where licensed, are in real-exports.ts).
 */
const load = (name: string, text: string, options?: ImportOptions): Promise<Recording> => importRecording(textSource(name, text), options);
const kinds = (rec: Recording) => rec.channels.map((c) => `${c.label}:${c.kind}`);
const noise = (i: number, k = 1) => Math.sin(i * 1.7 * k + k) * 20 + Math.sin(i * 0.31 * k) * 7;

describe('time columns by content, in any language or none', () => {
  for (const word of ['Zeit [s]', 'Temps (s)', 'Tiempo', 'Tempo', 'Tijd', 'Czas', 'Время', '']) {
    it(`"${word || 'no header'}" holding rising seconds is the clock`, async () => {
      const header = word === '' ? '' : `${word};EMG 1 [mV]\n`;
      const rows = Array.from({ length: 400 }, (_, i) => `${(i / 2000).toFixed(4).replace('.', ',')};${(noise(i) / 1000).toFixed(5).replace('.', ',')}`);
      const rec = await load('de.csv', header + rows.join('\n') + '\n', word === '' ? { columns: { '2': { kind: 'emg', unit: 'mV' } } } : undefined);
      const emg = rec.channels.find((c) => c.kind === 'emg')!;
      expect(emg.sampleRateHz).toBeCloseTo(2000, 6);
      expect(emg.unit).toBe('uV');
      expect(emg.data[1]).toBeCloseTo(noise(1), 2);
      expect(rec.channels).toHaveLength(1);
    });
  }

  it('Unix seconds in the first column of a header-less file: the clock and the start (UTC); three columns at one gravity: an accelerometer', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${(1551178506 + i / 100).toFixed(4)},${(0.1 * Math.sin(i / 9)).toFixed(6)},${(0.99 + 0.01 * Math.cos(i)).toFixed(6)},0.120000`);
    const rec = await load('ax3.csv', rows.join('\r\n'));
    expect(rec.startTime).toBe('2019-02-26T10:55:06.000Z');
    expect(rec.sensors).toHaveLength(1);
    expect(rec.channels.map((c) => `${c.id} ${c.unit} ${c.sampleRateHz.toFixed(2)}`)).toEqual(['acc1.x g 100.00', 'acc1.y g 100.00', 'acc1.z g 100.00']);
    const forced = await load('ax3.csv', rows.join('\r\n'), { format: 'axivity-csv' });
    expect(forced.channels.map((c) => [c.kind, c.unit, c.sampleRateHz, c.data.length, c.data[7]])).toEqual(rec.channels.map((c) => [c.kind, c.unit, c.sampleRateHz, c.data.length, c.data[7]]));
  });

  it('sample counters (wrapping at 256) and a second clock are named in one note and never analysed', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `${i % 256},${noise(i).toFixed(2)},${1557936053329 + Math.floor(i / 4) * 16}`);
    const rec = await load('c.csv', 'index,EXG 0 (uV),stamp\n' + rows.join('\n') + '\n');
    expect(kinds(rec)).toEqual(['EXG 0 (uV):emg']);
    expect(rec.warnings.map((w) => w.message)).toContain('not signals, so not analysed: "index" (sample counter)');
  });
});

describe('channel names with numbers and separators', () => {
  it('emg1, EMG_1, ch1-emg and "EMG 1 [mV]" are EMG; acc_x is an accelerometer axis', async () => {
    const names = ['t', 'emg1', 'EMG_2', 'ch3-emg', 'EMG 4 [mV]', 'acc_x', 'acc_y', 'acc_z'];
    const rows = Array.from({ length: 300 }, (_, i) => [i / 1000, noise(i, 1), noise(i, 2), noise(i, 3), noise(i, 4) / 1000, 0.01 * Math.sin(i), 0.02, 0.99 + 0.001 * Math.cos(i)].join(','));
    const rec = await load('names.csv', names.join(',') + '\n' + rows.join('\n') + '\n');
    expect(rec.channels.map((c) => `${c.id}:${c.label}`)).toEqual(['emg1:emg1', 'emg2:EMG_2', 'emg3:ch3-emg', 'emg4:EMG 4 [mV]', 'acc1.x:acc_x', 'acc1.y:acc_y', 'acc1.z:acc_z']);
    expect(rec.channels[3].data[5]).toBeCloseTo(noise(5, 4), 2);
  });
});

describe('the Myo layout with a µs timestamp column and two samples per packet', () => {
  const header = 'timestamp,emg1,emg2,emg3,emg4,emg5,emg6,emg7,emg8\n';
  const rows = Array.from({ length: 800 }, (_, i) => [1596831563636338 + Math.floor(i / 2) * 10000 + (Math.floor(i / 2) % 3) * 7, ...Array.from({ length: 8 }, (_, k) => Math.round(noise(i, k + 1) / 2))].join(','));
  const text = header + rows.join('\n') + '\n';

  it('is the Myo format: 8 pods at 200 Hz in device units, the start from the timestamps', async () => {
    const rec = await load('emg-1596831563.csv', text);
    expect(rec.format).toBe('myo-emg');
    expect(rec.channels.map((c) => `${c.id} ${c.label} ${c.unit} ${c.sampleRateHz}`)).toEqual(Array.from({ length: 8 }, (_, k) => `emg${k + 1} emg${k + 1} a.u. 200`));
    expect(rec.startTime).toBe('2020-08-07T20:19:23.636Z');
    expect(rec.durationS).toBeCloseTo(4, 6);
  });

  it('reads the same forced as Myo, and the generic path finds the same EMG columns at the same rate', async () => {
    const auto = await load('e.csv', text);
    const forced = await load('e.csv', text, { format: 'myo-emg' });
    expect(forced.channels.map((c) => [c.label, c.data[3]])).toEqual(auto.channels.map((c) => [c.label, c.data[3]]));
    const generic = await load('e.csv', text, { format: 'csv' });
    // The generic path measures the rate from the stamps (200 Hz within 1e-6); the Myo module knows it.
    const shape = (r: Recording) => r.channels.map((c) => [c.label, c.kind, c.sampleRateHz.toFixed(3), c.data.length, c.data[3]]);
    expect(shape(generic)).toEqual(shape(auto));
  });
});

describe('the OpenBCI legacy layout of a Ganglion: 4 channels, zeros for an accelerometer, clock time, a pause', () => {
  // 200 Hz stamped in packets of 4; a 29 s pause after 80 s.
  const rows: string[] = [];
  for (let i = 0; i < 26000; i++) {
    const ms = Math.floor(i / 4) * 20 + (i >= 16000 ? 29_000 : 0);
    const t = new Date(Date.UTC(2019, 10, 4, 14, 21, 12) + ms).toISOString().slice(11, 23);
    rows.push(`${i % 200}, ${noise(i, 1).toFixed(2)}, ${noise(i, 2).toFixed(2)}, ${noise(i, 3).toFixed(2)}, ${noise(i, 4).toFixed(2)}, 0.000, 0.000, 0.000, ${t}`);
  }
  const text = '%OpenBCI Raw EEG Data\n%Number of channels = 4\n%Sample Rate = 200.0 Hz\n%First Column = SampleIndex\n%Last Column = Timestamp\n%Other Columns = EEG data in microvolts followed by Accel Data (in G) interleaved with Aux Data\n' + rows.join('\n') + '\n';

  it('reads 4 EMG channels; the all-zero accelerometer is set aside with its reason; the pause is kept', async () => {
    const rec = await load('OpenBCI-RAW-2019-11-04_14-21-12.txt', text);
    expect(rec.format).toBe('openbci-gui-legacy');
    expect(rec.channels.filter((c) => c.kind === 'emg').map((c) => c.label)).toEqual(['EXG Channel 0', 'EXG Channel 1', 'EXG Channel 2', 'EXG Channel 3']);
    expect(rec.channels.filter((c) => c.dead).map((c) => `${c.label} ${c.dead!.reason}`)).toEqual(['Accel Channel 0 all zero', 'Accel Channel 1 all zero', 'Accel Channel 2 all zero']);
    expect(rec.sensors).toEqual([]);
    const emg = rec.channels[0];
    expect(emg.sampleRateHz).toBe(200);
    // 130 s of samples and a 29 s pause: 159 s on the timeline, the pause as NaN.
    expect(rec.durationS).toBeCloseTo(159, 0);
    const nan = emg.data.filter(Number.isNaN).length / 200;
    expect(nan).toBeGreaterThan(28.8);
    expect(nan).toBeLessThan(29.2);
    expect(rec.warnings.some((w) => /no signal in these 3 channels/.test(w.message))).toBe(true);
  });

  it('a channel the user marks is analysed even with no signal, and its sensor with it', async () => {
    const rec = await load('g.txt', text, { columns: { 'Accel Channel 0': { kind: 'accel' } } });
    expect(rec.channels.filter((c) => c.kind === 'accel').map((c) => c.label)).toEqual(['Accel Channel 0', 'Accel Channel 1', 'Accel Channel 2']);
    expect(rec.sensors).toHaveLength(1);
  });
});

describe('dead channels', () => {
  it('constant, railed and empty EMG channels are set aside with the reason; a live one stays', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => [i / 1000, noise(i).toFixed(2), '12.5', i % 50 === 0 ? '0' : '187500', ''].join(','));
    const rec = await load('d.csv', 'time_s,EMG live (uV),EMG flat (uV),EMG railed (uV),EMG empty (uV)\n' + rows.join('\n') + '\n');
    expect(rec.channels.map((c) => `${c.label} ${c.kind} ${c.dead?.reason ?? ''}`)).toEqual([
      'EMG live (uV) emg ',
      'EMG flat (uV) other constant at 12.5',
      'EMG railed (uV) other stuck at its limits',
      'EMG empty (uV) other no values',
    ]);
  });
});

describe('start dates as headers write them become valid ISO 8601', () => {
  it('pads, orders and validates', () => {
    expect(isoFromParts('2016-6-11', '7:5:4.409')).toBe('2016-06-11T07:05:04.409');
    expect(isoFromParts('6/27/2012', '10:54:00', null, 'mdy')).toBe('2012-06-27T10:54:00');
    expect(isoFromParts('23/11/2019', '06:00:00', '+01:00')).toBe('2019-11-23T06:00:00+01:00');
    expect(isoFromParts('11.06.2016', '07:05')).toBe('2016-06-11T07:05:00');
    expect(parseDate('2016-2-30')).toBeNull();
    expect(isoFromParts('someday', '07:05')).toBeNull();
  });
});
