import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRecording, textSource, type ImportOptions } from '../../core/import';
import { emgUnitBySize, isNeutralLabel, swingsAroundZero } from '../../core/import/raw-emg';
import { typicalStep } from '../../core/import/steps';
import type { Recording } from '../../core/recording';

/**
 * Research exports that name nothing: a bare time column (seconds written to a coarse resolution, or
 * milliseconds without a unit) and channels called "column 2" or "channel1". Read on the committed real
 * fixtures (PhysioNet emgdb, UCI's Myo gestures) and on tables made to test each edge.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');
const fixture = (rel: string): string => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const load = (name: string, text: string, options?: ImportOptions): Promise<Recording> => importRecording(textSource(name, text), options);
const summary = (rec: Recording) => rec.channels.map((c) => `${c.label} ${c.kind} ${c.unit} ${Math.round(c.sampleRateHz)} ${c.data.length}`);

describe('PhysioNet emgdb: "0.00025 -0.0333", no header', () => {
  it('the first column is the clock (4 kHz) and the second, swinging around zero, is EMG in mV', async () => {
    const rec = await load('emg_healthy.txt', fixture('physionet-emgdb/emg_healthy.txt'));
    expect(summary(rec)).toEqual(['column 2 emg uV 4000 7603']);
    expect(rec.channels[0].sampleRateHz).toBeCloseTo(4000, 3);
    // -0.0333 mV on line 1 of the file.
    expect(rec.channels[0].data[0]).toBeCloseTo(-33.3, 3);
    expect(rec.warnings.map((w) => w.message)).toContain(
      'no column is named as EMG: "column 2" swings around zero at 4000 Hz as raw muscle signal does, so it is read as EMG in mV (judged by size). If that is wrong, set the kind and unit in the import check, or with --column',
    );
  });

  for (const shift of [0, 1]) {
    it(`its times written to 0.1 ms (steps of 0.2 and 0.3 ms${shift ? ', the other phase' : ''}) still give 4 kHz, said as rounding, not irregularity`, async () => {
      const lines = fixture('physionet-emgdb/emg_healthy.txt').trimEnd().split('\n').slice(shift);
      const rounded = lines.map((l) => l.replace(/^\S+/, (t) => Number(t).toFixed(4))).join('\n') + '\n';
      expect(rounded.slice(0, 14)).toBe(shift ? '0.0005 -0.0350' : '0.0003 -0.0333');
      const rec = await load('rounded.txt', rounded);
      expect(rec.channels[0].kind).toBe('emg');
      expect(Math.abs(rec.channels[0].sampleRateHz - 4000)).toBeLessThan(1);
      expect(rec.durationS).toBeCloseTo(lines.length / 4000, 2);
      const timing = rec.warnings.map((w) => w.message).filter((m) => m.startsWith('time column'));
      expect(timing).toHaveLength(1);
      expect(timing[0]).toMatch(/^time column of "column 2" is written to 100 µs, so its steps differ by that much: the rate is their mean, 4000(\.\d)? Hz$/);
    });
  }
});

describe('UCI "EMG data for gestures" (Myo): "time" in ms without a unit, channel1..8, class', () => {
  const file = 'myo-uci-gestures/1_raw_data_13-12_22.03.16.txt';

  it('reads 8 EMG channels at 1 kHz over 7.1 s: seconds would put EMG at 1 Hz, so the time counts ms', async () => {
    const rec = await load('1_raw_data.txt', fixture(file));
    expect(summary(rec)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `channel${i + 1} emg uV 1000 7127`),
      'class other  1000 7127',
    ]);
    expect(rec.durationS).toBeCloseTo(7.127, 3);
    // 1e-05 V on the first row: 10 µV.
    expect(rec.channels[0].data[0]).toBeCloseTo(10, 4);
    const messages = rec.warnings.map((w) => w.message);
    expect(messages).toContain(
      'the time column "time" states no unit: in seconds its steps of 1 would mean 1 Hz, too slow for EMG, so it is read as milliseconds (1000 Hz); if it really counts seconds, name it "time (s)" or set the sample rate (--rate)',
    );
    expect(messages.some((m) => /^no column is named as EMG: "channel1", .*"channel8" swing around zero at 1000 Hz .* read as EMG in V/.test(m))).toBe(true);
  });

  it('the rest (class 1, 2.4–4.6 s) is quiet and the fist (class 2, from 6.66 s) is not, as the dataset labels them', async () => {
    const rec = await load('1_raw_data.txt', fixture(file));
    const emg = rec.channels[6];
    const rms = (fromS: number, toS: number): number => {
      let sum = 0;
      let n = 0;
      for (let i = Math.round(fromS * 1000); i < Math.round(toS * 1000); i++) {
        const v = emg.data[i];
        if (v === v) {
          sum += v * v;
          n++;
        }
      }
      return Math.sqrt(sum / n);
    };
    // The scout measured 13.5e-6 and 299.5e-6 (V) for channel 7 in these spans.
    expect(rms(2.4, 4.58)).toBeGreaterThan(8);
    expect(rms(2.4, 4.58)).toBeLessThan(20);
    expect(rms(6.662, 7.127)).toBeGreaterThan(200);
  });

  it('the user still decides: a kind set for one column stops the guess, and a unit given for the time is kept', async () => {
    const marked = await load('1_raw_data.txt', fixture(file), { columns: { channel1: { kind: 'emg', unit: 'mV' } } });
    expect(marked.channels.filter((c) => c.kind === 'emg').map((c) => c.label)).toEqual(['channel1']);
    const seconds = fixture(file).replace(/^time\t/, 'time (s)\t');
    const rec = await load('seconds.txt', seconds);
    expect(rec.channels.every((c) => c.kind === 'other')).toBe(true);
    expect(rec.channels[0].sampleRateHz).toBeCloseTo(1, 1);
  });
});

describe('what is not taken for raw EMG', () => {
  const rows = (n: number, cell: (i: number) => string, step = 0.001) => Array.from({ length: n }, (_, i) => `${(i * step).toFixed(4)},${cell(i)}`).join('\n') + '\n';
  const wave = (i: number) => (Math.sin(i * 1.3) * 40 + Math.sin(i * 0.37) * 15).toFixed(2);

  it('a signal on an offset (a sensor centred on half its supply), a count, a class label', async () => {
    for (const cell of [(i: number) => (1.49 + Number(wave(i)) / 1000).toFixed(5), (i: number) => String(Math.floor(i / 7)), (i: number) => String(i < 150 ? 0 : 1)]) {
      const rec = await load('t.csv', 'time,value\n' + rows(400, cell));
      expect(rec.channels.map((c) => c.kind)).toEqual(['other']);
    }
  });

  it('a named non-signal, a column named for something else, and the same swing at 100 Hz', async () => {
    for (const name of ['temperature', 'gyro x', 'force']) {
      const rec = await load('t.csv', `time,${name}\n` + rows(400, wave));
      expect(rec.channels.map((c) => c.kind)).toEqual(['other']);
    }
    const slow = await load('t.csv', 'time,value\n' + rows(400, wave, 0.01));
    expect(slow.channels.map((c) => c.kind)).toEqual(['other']);
    const fast = await load('t.csv', 'time,value\n' + rows(400, wave));
    expect(fast.channels.map((c) => c.kind)).toEqual(['emg']);
  });

  it('the pieces: neutral names, the swing, the unit by size, the step of a rounded clock', () => {
    expect(['', 'column 3', 'channel1', 'CH_2', 'A0', 'signal 4', 'value'].every(isNeutralLabel)).toBe(true);
    expect(['force', 'class', 'Zeit', 'temperature 1', 'EMG'].some(isNeutralLabel)).toBe(false);
    const zeros = Array.from({ length: 300 }, (_, i) => [0, 1, 0, -1, -1][i % 5] * 1e-5);
    expect(swingsAroundZero(zeros)).toBe(true);
    expect(swingsAroundZero(zeros.map((v) => v + 3e-5))).toBe(false);
    expect(emgUnitBySize(zeros.map((v) => v * 3)).unit).toBe('V');
    expect(emgUnitBySize(zeros.map((v) => v * 5e3)).unit).toBe('mV');
    expect(emgUnitBySize(zeros.map((v) => v * 5e6)).unit).toBe('µV');
    // 6 kHz written to 0.1 ms: steps of 0.1 and 0.2 ms, whichever the median is.
    for (const from of [0, 1, 2]) {
      const t = Array.from({ length: 301 }, (_, i) => Number(((i + from) / 6000).toFixed(4)));
      expect(1 / typicalStep(t)!).toBeCloseTo(6000, -1);
    }
  });
});
