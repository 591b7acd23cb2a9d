import { describe, expect, it } from 'vitest';
import { bytesSource, ImportCancelled, ImportError, importRecording } from '../../../core/import';
import type { Recording } from '../../../core/recording';
import { note, specEdf, tal, type SpecFile } from './spec-edf';

const read = (bytes: Uint8Array, name = 'spec.edf', options = {}) => importRecording(bytesSource(name, bytes), options);

async function refusal(bytes: Uint8Array): Promise<string> {
  const err = await read(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return (err as ImportError).message;
}

const ch = (rec: Recording, label: string) => {
  const c = rec.channels.find((x) => x.label === label);
  if (!c) throw new Error(`no ${label} in ${rec.channels.map((x) => x.label).join(', ')}`);
  return c;
};

const plain = (over: Partial<SpecFile> = {}): SpecFile => ({
  records: 3,
  duration: 1,
  signals: [{ label: 'EMG chin', spr: 4, physMin: -3276.8, physMax: 3276.7, sample: (r, k) => r * 100 + k }],
  ...over,
});

describe('EDF read from the specification', () => {
  it('scales digital to physical values with the header map, record after record', async () => {
    const rec = await read(specEdf(plain()));
    expect(rec.format).toBe('edf');
    expect(rec.formatName).toBe('EDF');
    const emg = ch(rec, 'EMG chin');
    expect(emg.kind).toBe('emg');
    expect(emg.unit).toBe('uV');
    expect(emg.sampleRateHz).toBe(4);
    // physical = physMin + (d - digMin) × (physMax - physMin) / (digMax - digMin): 0.1 µV per step here.
    expect(Array.from(emg.data).map((v) => Math.round(v * 10) / 10)).toEqual([0, 0.1, 0.2, 0.3, 10, 10.1, 10.2, 10.3, 20, 20.1, 20.2, 20.3]);
    expect(emg.resolution).toBeCloseTo(0.1, 6);
    expect(emg.range).toEqual({ min: -3276.8, max: 3276.7 });
    expect(rec.startTime).toBe('2021-03-02T10:04:05');
    expect(rec.durationS).toBe(3);
  });

  it('reads negative digital ranges and inverted physical ranges (negative gain)', async () => {
    const rec = await read(
      specEdf({
        records: 1,
        duration: 1,
        signals: [
          { label: 'Leg L', dimension: 'mV', spr: 2, digMin: -2048, digMax: -1, physMin: 0, physMax: 2.047, sample: (_, k) => [-2048, -1][k] },
          { label: 'Chin2', dimension: 'uV', spr: 2, digMin: -100, digMax: 100, physMin: 50, physMax: -50, sample: (_, k) => [-100, 100][k] },
        ],
      }),
    );
    // mV becomes µV: the top of the range is 2.047 mV = 2047 µV.
    expect(Array.from(ch(rec, 'Leg L').data)).toEqual([0, 2047]);
    expect(ch(rec, 'Leg L').unit).toBe('uV');
    expect(Array.from(ch(rec, 'Chin2').data)).toEqual([50, -50]);
    expect(ch(rec, 'Chin2').range).toEqual({ min: -50, max: 50 });
  });

  it('decodes 24-bit BDF samples, sign included', async () => {
    const values = [-8388608, -1, 0, 1, 8388607, -4660];
    const rec = await read(
      specEdf({ bdf: true, reserved: '24BIT', records: 1, duration: 1, signals: [{ label: 'EMG1', spr: 6, digMin: -8388608, digMax: 8388607, physMin: -8388608, physMax: 8388607, sample: (_, k) => values[k] }] }),
      'spec.bdf',
    );
    expect(rec.format).toBe('bdf');
    expect(Array.from(ch(rec, 'EMG1').data)).toEqual(values);
    expect(rec.warnings).toEqual([]);
  });

  it('gives every signal its own rate, odd record durations included', async () => {
    const rec = await read(
      specEdf({
        records: 4,
        duration: 0.1,
        signals: [
          { label: 'EMG tibialis', spr: 100 },
          { label: 'Acc X', dimension: 'g', spr: 5, physMin: -8, physMax: 8 },
          { label: 'Acc Y', dimension: 'g', spr: 5, physMin: -8, physMax: 8 },
          { label: 'Acc Z', dimension: 'mg', spr: 5, physMin: -8000, physMax: 8000, sample: () => 4096 },
          { label: 'EEG C3-A2', spr: 20 },
        ],
      }),
    );
    expect(ch(rec, 'EMG tibialis').sampleRateHz).toBeCloseTo(1000, 9);
    expect(ch(rec, 'EMG tibialis').data.length).toBe(400);
    expect(ch(rec, 'EEG C3-A2').kind).toBe('other');
    expect(rec.sensors).toHaveLength(1);
    expect(rec.sensors[0].axes).toEqual(['x', 'y', 'z']);
    const z = ch(rec, 'Acc Z');
    expect(z.unit).toBe('g');
    expect(z.sampleRateHz).toBeCloseTo(50, 9);
    // 4096 on the map from [-32768, 32767] onto [-8000, 8000] mg, in g.
    expect(z.data[0]).toBeCloseTo((-8000 + ((4096 + 32768) * 16000) / 65535) / 1000, 6);
    expect(rec.durationS).toBeCloseTo(0.4, 9);
  });

  it('sets aside EMG and accelerometer signals with no signal in them (flat, railed), as the text formats do', async () => {
    const rec = await read(
      specEdf({
        records: 2,
        duration: 1,
        signals: [
          { label: 'EMG flat', spr: 50, sample: () => 0 },
          { label: 'EMG railed', spr: 50, sample: () => 32767 },
          { label: 'EMG live', spr: 50 },
          { label: 'Acc X', dimension: 'g', spr: 10, physMin: -8, physMax: 8 },
          { label: 'Acc Y', dimension: 'g', spr: 10, physMin: -8, physMax: 8, sample: () => 0 },
        ],
      }),
    );
    expect(ch(rec, 'EMG flat').kind).toBe('other');
    expect(ch(rec, 'EMG flat').dead).toEqual({ reason: expect.stringMatching(/^(constant at |all zero$)/), kindWas: 'emg' });
    expect(ch(rec, 'EMG railed').dead).toEqual({ reason: expect.stringMatching(/^constant at /), kindWas: 'emg' });
    expect(ch(rec, 'EMG live').kind).toBe('emg');
    // One still axis of a live accelerometer is a reading, not a fault.
    expect(ch(rec, 'Acc Y').kind).toBe('accel');
    expect(rec.warnings.map((w) => w.message).join(' ')).toMatch(/no signal in these 2 channels.*"EMG flat".*"EMG railed"/);
  });

  it('reads a discontinuous EDF+D file with the pauses as gaps, and its annotations as markers', async () => {
    const starts = [0, 1, 5, 6];
    const rec = await read(
      specEdf({
        reserved: 'EDF+D',
        recording: 'Startdate 02-MAR-2021 X X X',
        records: 4,
        duration: 1,
        signals: [
          { label: 'EMG chin', spr: 2, sample: (r) => r + 1, physMin: -32768, physMax: 32767 },
          { label: 'EDF Annotations', spr: 30, tals: (r) => tal(starts[r], r === 2 ? note(5.5, 'Lights off', 0.25) : '') },
        ],
      }),
    );
    expect(rec.formatName).toBe('EDF+ (discontinuous)');
    const data = Array.from(ch(rec, 'EMG chin').data);
    expect(data.slice(0, 4)).toEqual([1, 1, 2, 2]);
    expect(data.slice(4, 10).every(Number.isNaN)).toBe(true);
    expect(data.slice(10)).toEqual([3, 3, 4, 4]);
    expect(rec.durationS).toBe(7);
    expect(rec.annotations).toEqual([{ onsetS: 5.5, durationS: 0.25, text: 'Lights off' }]);
    expect(rec.warnings.map((w) => w.message).join('\n')).toMatch(/pauses between some data records/);
  });

  it('starts the time line at the first record and takes the four-digit year from Startdate', async () => {
    const rec = await read(
      specEdf({
        reserved: 'EDF+C',
        date: '31.12.yy',
        time: '23.59.59',
        recording: 'Startdate 31-DEC-2090 X X X',
        records: 2,
        duration: 1,
        signals: [
          { label: 'EMG', spr: 1 },
          { label: 'EDF Annotations', spr: 40, tals: (r) => tal(1.25 + r, r === 0 ? note(1.75, 'onset-relative', 1.5) + note(1.75, 'x') : '') },
        ],
      }),
    );
    expect(rec.startTime).toBe('2091-01-01T00:00:00.250');
    expect(rec.annotations!.map((a) => [a.onsetS, a.durationS, a.text])).toEqual([
      [0.5, 1.5, 'onset-relative'],
      [0.5, null, 'x'],
    ]);
  });

  it('reads several texts in one TAL, UTF-8, and says how many lists it could not read', async () => {
    const rec = await read(
      specEdf({
        reserved: 'EDF+C',
        records: 1,
        duration: 1,
        signals: [
          { label: 'EMG', spr: 1 },
          { label: 'EDF Annotations', spr: 60, tals: () => tal(0, '+0.5\x14Ä\x14Fasz.\x14\x00', 'garbage\x00', note(-0.5, 'before')) },
        ],
      }),
    );
    expect(rec.annotations!.map((a) => a.text)).toEqual(['before', 'Ä', 'Fasz.']);
    expect(rec.warnings.map((w) => w.message)).toContain('1 annotation list is not in EDF+ form and was left out');
  });

  it('refuses an annotations-only file with a pointer to Import events', async () => {
    const msg = await refusal(
      specEdf({ reserved: 'EDF+C', records: 1, duration: 0, signals: [{ label: 'EDF Annotations', spr: 40, tals: () => tal(0, note(12, 'Sleep stage W', 30)) }] }),
    );
    expect(msg).toBe('spec.edf: the file holds 1 annotation and no signals (it is an events file: open the recording it belongs to, then use Import events…)');
  });

  it('counts records when the header says -1, and reads the whole records of a file cut short', async () => {
    const unknown = await read(specEdf(plain({ recordsField: -1 })));
    expect(unknown.durationS).toBe(3);
    expect(unknown.warnings[0].message).toMatch(/-1 \(the recorder did not close the file\): 3 whole records/);
    const cut = specEdf(plain({ recordsField: 5 }));
    const rec = await read(cut.subarray(0, cut.length - 3));
    expect(rec.durationS).toBe(2);
    expect(rec.warnings[0].message).toBe('the file holds 2 of the 5 data records its header announces (it was cut short): the 2 whole records are read');
  });

  it('accepts the reserved field variants and says when it does not know one', async () => {
    for (const reserved of ['', '24BIT', 'reserved', 'EDF+C']) {
      expect((await read(specEdf(plain({ reserved })))).warnings).toEqual([]);
    }
    const odd = await read(specEdf(plain({ reserved: 'Nicolet 2.1' })));
    expect(odd.warnings.map((w) => w.message)).toEqual(['the header\'s reserved field says "Nicolet 2.1", which is neither EDF+ nor BDF+: read as plain EDF']);
  });

  it('keeps a file with an unreadable start date, saying so', async () => {
    const rec = await read(specEdf(plain({ date: '31.02.21' })));
    expect(rec.startTime).toBeNull();
    expect(rec.warnings[0].message).toMatch(/start date field \(byte 168\) reads "31.02.21"/);
  });

  it('is the same whatever the alignment of the bytes handed over', async () => {
    const bytes = specEdf(plain());
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const a = await read(bytes);
    const b = await read(shifted.subarray(1));
    expect(Array.from(b.channels[0].data)).toEqual(Array.from(a.channels[0].data));
  });

  it('reports progress and stops when cancelled', async () => {
    const big = specEdf({ records: 100, duration: 1, signals: [{ label: 'EMG', spr: 60_000 }] });
    const seen: number[] = [];
    await read(big, 'big.edf', { onProgress: (f: number) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toBe(1);
    const signal = { aborted: false };
    const run = read(big, 'big.edf', { onProgress: () => (signal.aborted = true), signal });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('malformed EDF headers: the field, its byte offset and what is wrong', () => {
  const cases: [string, Partial<SpecFile>, string][] = [
    ['number of signals', { patch: [[252, 'ab  ']] }, 'header field "number of signals" (byte 252) reads "ab": not a whole number'],
    ['header size', { patch: [[184, '999     ']] }, 'header field "number of bytes in header record" (byte 184) reads "999": with 1 signals it must be 512'],
    ['record count', { patch: [[236, '-7      ']] }, 'header field "number of data records" (byte 236) reads "-7": it must be -1 (not known yet) or a count'],
    ['record duration', { patch: [[244, 'one sec ']] }, 'header field "duration of a data record" (byte 244) reads "one sec": not a number'],
    ['digital range', { signals: [{ label: 'EMG', spr: 4, digMin: 100, digMax: 100 }] }, 'header field "digital maximum of signal 1 ("EMG")" (byte 384) reads "100": it must be above the digital minimum (100)'],
    ['physical range', { signals: [{ label: 'EMG', spr: 4, physMin: 5, physMax: 5 }] }, 'header field "physical maximum of signal 1 ("EMG")" (byte 368) reads "5": equal to the physical minimum'],
    ['16-bit limit', { signals: [{ label: 'EMG', spr: 4, digMax: 40000 }] }, 'a 16-bit sample lies from -32768 to 32767'],
    ['samples per record', { signals: [{ label: 'EMG', spr: 0 }] }, 'header field "number of samples in each data record of signal 1 ("EMG")" (byte 472) reads "0"'],
  ];
  for (const [what, over, expected] of cases) {
    it(what, async () => {
      const msg = await refusal(specEdf(plain(over)));
      expect(msg).toContain(expected);
      expect(msg).toMatch(/^spec\.edf: header field/);
    });
  }

  it('a file shorter than its header', async () => {
    const bytes = specEdf(plain());
    expect(await refusal(bytes.subarray(0, 300))).toBe('spec.edf: the file ends at byte 300, inside its 512-byte header (the file was cut short; copy it again from the recorder)');
    expect(await refusal(bytes.subarray(0, 100))).toMatch(/shorter than the 256-byte EDF\/BDF header/);
  });

  it('a forced EDF format on a text file names the version field', async () => {
    const csv = new TextEncoder().encode('time,emg\n0,1\n0.001,2\n');
    const err = await importRecording(bytesSource('rec.csv', csv), { format: 'edf' }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^rec\.csv: header field "version" \(byte 0\) reads "time,emg"/);
  });
});

describe('EDF+ start date not known', () => {
  it('"Startdate X" leaves the start unknown, whatever the placeholder date field says', async () => {
    const rec = await read(specEdf({ reserved: 'EDF+C', date: '01.01.85', time: '00.00.00', recording: 'Startdate X X X X', records: 1, duration: 1, signals: [{ label: 'EMG', spr: 4 }, { label: 'EDF Annotations', spr: 20, tals: () => tal(0) }] }));
    expect(rec.startTime).toBeNull();
    expect(rec.warnings).toEqual([]);
  });
});
