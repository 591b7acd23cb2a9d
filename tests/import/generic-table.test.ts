import { describe, expect, it } from 'vitest';
import { bytesSource, importRecording, textSource, type ImportOptions } from '../../core/import/index';
import type { Recording } from '../../core/recording';

const load = (name: string, text: string, options?: ImportOptions): Promise<Recording> => importRecording(textSource(name, text), options);

function rows(n: number, row: (k: number) => string, eol = '\n'): string {
  return Array.from({ length: n }, (_, k) => row(k)).join(eol) + eol;
}

function channel(rec: Recording, id: string) {
  const c = rec.channels.find((ch) => ch.id === id);
  if (!c) throw new Error(`no channel ${id} in ${rec.channels.map((ch) => ch.id).join(', ')}`);
  return c;
}

describe('generic table: delimiters and decimal marks', () => {
  it('reads a comma-separated table with a time column in seconds', async () => {
    const rec = await load('comma.csv', 'time_s,left calf EMG (uV)\n' + rows(100, (k) => `${k / 1000},${k}`));
    expect(rec.format).toBe('csv');
    expect(rec.channels).toHaveLength(1);
    const emg = channel(rec, 'emg1');
    expect(emg.label).toBe('left calf EMG (uV)');
    expect(emg.kind).toBe('emg');
    expect(emg.unit).toBe('uV');
    expect(emg.sampleRateHz).toBeCloseTo(1000, 6);
    expect(Array.from(emg.data.slice(0, 4))).toEqual([0, 1, 2, 3]);
    expect(emg.data[99]).toBe(99);
    expect(rec.durationS).toBeCloseTo(0.1, 9);
  });

  it('reads semicolons with a decimal comma', async () => {
    const rec = await load('semi.csv', 'time_s;left calf EMG (mV)\n' + rows(50, (k) => `${(k / 1000).toFixed(3).replace('.', ',')};${(k / 4).toFixed(2).replace('.', ',')}`));
    const emg = channel(rec, 'emg1');
    expect(emg.sampleRateHz).toBeCloseTo(1000, 6);
    expect(emg.data[1]).toBeCloseTo(250, 3);
    expect(emg.data[49]).toBeCloseTo(12250, 2);
  });

  it('reads tab-separated text', async () => {
    const rec = await load('tab.tsv', 'time_s\tleft calf EMG (uV)\tright calf EMG (uV)\n' + rows(20, (k) => `${k / 500}\t${k}\t${-k}`));
    expect(rec.channels.map((c) => c.id)).toEqual(['emg1', 'emg2']);
    expect(channel(rec, 'emg2').data[7]).toBe(-7);
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(500, 6);
  });

  it('reads a decimal comma in tab-separated text', async () => {
    const rec = await load('tab-comma.tsv', 'time_s\tEMG (mV)\n' + rows(20, (k) => `${(k / 1000).toFixed(3).replace('.', ',')}\t${(k / 10).toFixed(1).replace('.', ',')}`));
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(1000, 6);
    expect(channel(rec, 'emg1').data[19]).toBeCloseTo(1900, 3);
  });

  it('reads quoted cells with a decimal comma', async () => {
    const rec = await load('quoted.csv', '"time_s";"EMG (mV)"\n' + rows(20, (k) => `"${(k / 1000).toFixed(3).replace('.', ',')}";"${(k / 2).toFixed(1).replace('.', ',')}"`));
    expect(channel(rec, 'emg1').data[3]).toBe(1500);
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(1000, 6);
  });

  it('ignores the empty column a delimiter at the end of every line leaves', async () => {
    const rec = await load('trailing.csv', 'time_s;EMG (uV);\n' + rows(20, (k) => `${k / 1000};${k};`));
    expect(rec.channels.map((c) => c.id)).toEqual(['emg1']);
    expect(rec.warnings).toEqual([]);
  });

  it('reads old Mac CR-only line ends', async () => {
    const rec = await load('cr.csv', 'time_s,EMG (uV)\r' + rows(20, (k) => `${k / 1000},${k}`, '\r'));
    expect(channel(rec, 'emg1').data.length).toBe(20);
    expect(channel(rec, 'emg1').data[19]).toBe(19);
  });

  it('reads UTF-16 text with a byte-order mark (spreadsheet "Unicode text")', async () => {
    const text = 'time_s\tEMG (uV)\r\n' + rows(20, (k) => `${k / 1000}\t${k}`, '\r\n');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const rec = await importRecording(bytesSource('unicode.txt', bytes));
    expect(channel(rec, 'emg1').data.length).toBe(20);
    expect(channel(rec, 'emg1').data[12]).toBe(12);
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(1000, 6);
  });

  it('ignores a UTF-8 byte-order mark and CRLF line ends', async () => {
    const text = '\uFEFFtime_s,wrist acc x (g),wrist acc y (g),wrist acc z (g)\r\n' + rows(30, (k) => `${k / 100},${k / 10},0,1`, '\r\n');
    const rec = await load('bom.csv', text);
    const x = channel(rec, 'acc1.x');
    expect(x.label).toBe('wrist acc x (g)');
    expect(x.data[29]).toBeCloseTo(2.9, 6);
    expect(x.sampleRateHz).toBeCloseTo(100, 6);
    expect(rec.sensors).toEqual([{ id: 'acc1', label: 'wrist acc', kind: 'accel', channelIds: ['acc1.x', 'acc1.y', 'acc1.z'], axes: ['x', 'y', 'z'] }]);
    expect(rec.warnings).toEqual([]);
  });
});

describe('generic table: comments and preamble', () => {
  it('takes the rate and facts from # comment lines above the header', async () => {
    const rec = await load('comments.csv', '# rate_hz = 2000\n# subject: test person\nleft calf EMG (µV)\n' + rows(10, (k) => `${k * 2}`));
    const emg = channel(rec, 'emg1');
    expect(emg.sampleRateHz).toBe(2000);
    expect(emg.unit).toBe('uV');
    expect(emg.data[9]).toBe(18);
    expect(rec.meta.subject).toBe('test person');
  });

  it('reads a rate written in kHz', async () => {
    const rec = await load('khz.csv', '# Sampling rate: 2 kHz\nEMG (uV)\n' + rows(10, (k) => `${k}`));
    expect(channel(rec, 'emg1').sampleRateHz).toBe(2000);
  });

  it('skips free-text preamble lines before the header', async () => {
    const text = 'Recorded with a home-made logger\nSubject,A\n\ntime_s,left calf EMG (uV)\n' + rows(20, (k) => `${k / 1000},${k + 1}`);
    const rec = await load('preamble.csv', text);
    expect(channel(rec, 'emg1').label).toBe('left calf EMG (uV)');
    expect(channel(rec, 'emg1').data[0]).toBe(1);
    expect(channel(rec, 'emg1').data.length).toBe(20);
  });
});

describe('generic table: time columns', () => {
  it('reads an unlabelled time column as milliseconds when seconds would sample EMG below 100 Hz, and says so', async () => {
    const rec = await load('millis.csv', 'time,calf EMG (uV)\n' + rows(400, (k) => `${k / 2},${k % 7}`));
    const emg = channel(rec, 'emg1');
    expect(emg.sampleRateHz).toBeCloseTo(2000, 6);
    expect(rec.durationS).toBeCloseTo(0.2, 6);
    expect(rec.warnings.map((w) => w.message)).toEqual([
      'the time column "time" states no unit: in seconds its steps of 0.5 would mean 2 Hz, too slow for EMG, so it is read as milliseconds (2000 Hz); if it really counts seconds, name it "time (s)" or set the sample rate (--rate)',
    ]);
  });

  it('keeps seconds when the header says seconds, and when no EMG column asks otherwise', async () => {
    const stated = await load('stated.csv', 'time (s),calf EMG (uV)\n' + rows(400, (k) => `${k / 2},${k % 7}`));
    expect(channel(stated, 'emg1').sampleRateHz).toBeCloseTo(2, 6);
    expect(stated.warnings).toEqual([]);
    const accel = await load('accel.csv', 'time,acc x (g),acc y (g),acc z (g)\n' + rows(400, (k) => `${k / 2},0,0,1`));
    expect(accel.channels[0].sampleRateHz).toBeCloseTo(2, 6);
    const quick = await load('quick.csv', 'time,calf EMG (uV)\n' + rows(400, (k) => `${k / 1000},${k % 7}`));
    expect(channel(quick, 'emg1').sampleRateHz).toBeCloseTo(1000, 6);
    expect(quick.warnings).toEqual([]);
  });

  it('reads milliseconds', async () => {
    const rec = await load('ms.csv', 'time_ms,left calf EMG (uV)\n' + rows(100, (k) => `${k * 2},${k}`));
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(500, 6);
    expect(rec.startTime).toBeNull();
  });

  it('reads Unix epoch seconds and gives the start time', async () => {
    const rec = await load('epoch-s.csv', 'timestamp,left calf EMG (uV)\n' + rows(1000, (k) => `${(1700000000 + k / 1000).toFixed(3)},${k}`));
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(1000, 1);
    expect(rec.startTime).toBe('2023-11-14T22:13:20.000Z');
    expect(channel(rec, 'emg1').data[999]).toBe(999);
  });

  it('reads Unix epoch milliseconds', async () => {
    const rec = await load('epoch-ms.csv', 'timestamp,left calf EMG (uV)\n' + rows(1000, (k) => `${1700000000000 + 4 * k},${k}`));
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(250, 2);
    expect(rec.startTime).toBe('2023-11-14T22:13:20.000Z');
  });

  it('reads Unix epoch nanoseconds', async () => {
    const t0 = 1700000000000000000n;
    const rec = await load('epoch-ns.csv', 'timestamp,left calf EMG (uV)\n' + rows(1000, (k) => `${(t0 + BigInt(k) * 1000000n).toString()},${k}`));
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(1000, 1);
    expect(rec.startTime).toBe('2023-11-14T22:13:20.000Z');
  });

  it('reads ISO 8601 date-times with a zone', async () => {
    const stamp = (k: number) => `2024-03-05T14:00:${String(Math.floor(k / 250)).padStart(2, '0')}.${String((k % 250) * 4).padStart(3, '0')}+01:00`;
    const rec = await load('iso.csv', 'time,left calf EMG (uV)\n' + rows(1000, (k) => `${stamp(k)},${k}`));
    expect(channel(rec, 'emg1').sampleRateHz).toBeCloseTo(250, 2);
    expect(rec.startTime).toBe('2024-03-05T14:00:00.000+01:00');
    expect(channel(rec, 'emg1').data.length).toBe(1000);
  });

  it('uses the rate the user gives when there is no time column', async () => {
    const rec = await load('user-rate.csv', 'left calf EMG (uV)\n' + rows(10, (k) => `${k}`), { rateHz: 250 });
    expect(channel(rec, 'emg1').sampleRateHz).toBe(250);
    expect(rec.durationS).toBeCloseTo(0.04, 9);
    expect(rec.warnings.map((w) => w.message)).toEqual(['sample rate set to 250 Hz by the user; time columns are not used for timing']);
  });

  it('lets the user rate override a time column', async () => {
    const rec = await load('override.csv', 'time_s,left calf EMG (uV)\n' + rows(10, (k) => `${k / 1000},${k}`), { rateHz: 400 });
    expect(channel(rec, 'emg1').sampleRateHz).toBe(400);
    expect(rec.timing).toEqual([]);
  });
});

describe('generic table: units from headers', () => {
  it('normalises EMG to µV and acceleration to g', async () => {
    const header = 'time_s,a EMG (uV),b EMG (µV),c EMG (mV),d EMG (V),acc x (g),acc y (mg),acc z (m/s^2)';
    const rec = await load('units.csv', header + '\n' + rows(5, (k) => `${k / 100},2,2,2,2,2,2000,19.6133`));
    const value = (id: string) => channel(rec, id).data[0];
    expect(rec.channels.map((c) => `${c.id}:${c.unit}`)).toEqual(['emg1:uV', 'emg2:uV', 'emg3:uV', 'emg4:uV', 'acc1.x:g', 'acc1.y:g', 'acc1.z:g']);
    expect(value('emg1')).toBe(2);
    expect(value('emg2')).toBe(2);
    expect(value('emg3')).toBe(2000);
    expect(value('emg4')).toBe(2e6);
    expect(value('acc1.x')).toBe(2);
    expect(value('acc1.y')).toBeCloseTo(2, 6);
    expect(value('acc1.z')).toBeCloseTo(2, 6);
  });

  it('reads the Greek mu and a superscript ²', async () => {
    const rec = await load('symbols.csv', 'time_s,EMG (\u03bcV),acc x (m/s²)\n' + rows(5, (k) => `${k / 100},3,19.6133`));
    expect(channel(rec, 'emg1').data[0]).toBe(3);
    expect(channel(rec, 'acc1.x').data[0]).toBeCloseTo(2, 6);
  });

  it('tells m/s² from mg by the magnitude when accelerometer headers name no unit', async () => {
    const ms2 = await load('acc-ms2.csv', 'time_s,acc_x,acc_y,acc_z\n' + rows(20, (k) => `${k / 100},0,0,9.80665`));
    expect(channel(ms2, 'acc1.z').data[0]).toBeCloseTo(1, 6);
    expect(ms2.warnings[0].message).toBe('no unit in the header of accelerometer "acc": read as m/s^2 from its typical magnitude (9.81); set the unit in the import check if that is wrong');
    const mg = await load('acc-mg.csv', 'time_s,acc_x,acc_y,acc_z\n' + rows(20, (k) => `${k / 100},0,0,1000`));
    expect(channel(mg, 'acc1.z').data[0]).toBeCloseTo(1, 6);
  });

  it('warns when an EMG column names no unit and reads it as µV', async () => {
    const rec = await load('nounit.csv', 'time_s,EMG\n' + rows(5, (k) => `${k / 100},${k}`));
    expect(channel(rec, 'emg1').unit).toBe('uV');
    expect(rec.warnings).toContainEqual(expect.objectContaining({ column: 2, message: expect.stringContaining('no unit in the header of "EMG"') }));
  });
});

describe('generic table: irregular timestamps', () => {
  // 1000 Hz with ±5 % jitter, one repeated time at sample 50 and samples 100–109 missing.
  const times: number[] = [];
  for (let k = 0; k < 200; k++) {
    if (k >= 100 && k < 110) continue;
    const jitter = k % 4 === 1 ? 0.00005 : k % 4 === 3 ? -0.00005 : 0;
    times.push(k / 1000 + jitter);
    if (k === 50) times.push(times[times.length - 1]);
  }
  const text = 'time_s,left calf EMG (uV)\n' + times.map((t, i) => `${t.toFixed(5)},${i + 1}`).join('\n') + '\n';

  it('takes the rate from the median interval despite jitter, a repeat and a gap', async () => {
    const rec = await load('jitter.csv', text);
    const emg = channel(rec, 'emg1');
    // Intervals cut by the gap and the repeat are left out, so 0.2 s of data gives the rate within 0.1 %.
    expect(Math.abs(emg.sampleRateHz - 1000)).toBeLessThan(1);
    const t = rec.timing[0];
    expect(t.channelId).toBe('emg1');
    expect(t.medianIntervalS).toBeGreaterThanOrEqual(0.00095 - 1e-12);
    expect(t.medianIntervalS).toBeLessThanOrEqual(0.00105 + 1e-12);
    expect(t.duplicates).toBe(1);
    expect(t.gaps).toBe(1);
    // From sample 99 (0.05 ms early) to sample 110.
    expect(t.gapS).toBeCloseTo(0.01105, 9);
    expect(t.jitter).toBeGreaterThan(0.05);
  });

  it('keeps the gap as NaN on the grid and says so', async () => {
    const rec = await load('jitter.csv', text);
    const emg = channel(rec, 'emg1');
    expect(emg.data.length).toBe(200);
    const nan = Array.from(emg.data).filter(Number.isNaN).length;
    // The repeated time pushes samples one slot late until the gap realigns them.
    expect(nan).toBe(9);
    expect(Number.isNaN(emg.data[101])).toBe(true);
    expect(emg.data[110]).toBe(times.indexOf(0.11) + 1);
    const messages = rec.warnings.map((w) => w.message);
    expect(messages).toContain('time column of "left calf EMG (uV)" has 1 gap (0.0 s in all); they are kept as gaps');
    expect(messages).toContain('time column of "left calf EMG (uV)" repeats a time 1 time; samples are kept in file order');
    expect(messages.some((m) => /is irregular \(interval spread \d+% of the median\)/.test(m))).toBe(true);
  });
});

describe('generic table: missing and non-numeric cells', () => {
  const text =
    'time_s,left calf EMG (uV),wrist acc x (g)\n0,1,0\n0.001,,0\n0.002,abc,0\n0.003,NaN,0\n0.004,5,x\n' +
    rows(20, (k) => `${(k + 5) / 1000},${k + 6},0.5`);

  it('turns them into NaN gaps', async () => {
    const rec = await load('missing.csv', text);
    const emg = channel(rec, 'emg1');
    expect(emg.data.length).toBe(25);
    expect(emg.data[0]).toBe(1);
    expect([1, 2, 3].every((i) => Number.isNaN(emg.data[i]))).toBe(true);
    expect(emg.data[4]).toBe(5);
    expect(Number.isNaN(channel(rec, 'acc1.x').data[4])).toBe(true);
    expect(channel(rec, 'acc1.x').data[5]).toBe(0.5);
  });

  it('counts them per column with the first line and column', async () => {
    const rec = await load('missing.csv', text);
    expect(rec.warnings).toContainEqual({ message: '3 missing or non-numeric cells in "left calf EMG (uV)"; analysis skips them as gaps', line: 3, column: 2 });
    expect(rec.warnings).toContainEqual({ message: '1 missing or non-numeric cell in "wrist acc x (g)" (first: "x"); analysis skips them as gaps', line: 6, column: 3 });
  });

  it('leaves out a column of text beside the numbers and says so', async () => {
    const rec = await load('notes.csv', 'time_s,left calf EMG (uV),note\n' + rows(20, (k) => `${k / 1000},${k},${k < 10 ? 'rest' : 'walk'}`));
    expect(rec.channels.map((c) => c.id)).toEqual(['emg1']);
    expect(channel(rec, 'emg1').data[19]).toBe(19);
    expect(rec.warnings).toEqual([{ message: '"note" holds text ("rest"), not samples: left out', line: 2, column: 3 }]);
  });

  it('keeps the header when the first data row has a bad cell', async () => {
    const rec = await load('bad-first-row.csv', 'time_s,left calf EMG (uV)\n0,oops\n' + rows(20, (k) => `${(k + 1) / 1000},${k + 2}`));
    const emg = channel(rec, 'emg1');
    expect(emg.label).toBe('left calf EMG (uV)');
    expect(Number.isNaN(emg.data[0])).toBe(true);
    expect(emg.data[1]).toBe(2);
    expect(rec.warnings).toContainEqual({ message: '1 missing or non-numeric cell in "left calf EMG (uV)" (first: "oops"); analysis skips them as gaps', line: 2, column: 2 });
  });
});

describe('progress while opening', () => {
  it('goes on after the last byte is read: the grids, then each channel checked for signal, up to 1', async () => {
    const seen: number[] = [];
    const text = 'time_s,a EMG (uV),b EMG (uV),c EMG (uV)\n' + rows(200_000, (k) => `${(k / 2000).toFixed(4)},${k % 7},${k % 11},${k % 13}`);
    await load('three.csv', text, { onProgress: (f) => seen.push(f) });
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    const afterBytes = seen.filter((f) => f > 0.9);
    // After the reading's 90 %: the grids (95 %) and one step per channel, the last at 100 %.
    expect(afterBytes).toEqual([0.95, 0.95 + 0.05 / 3, 0.95 + 0.1 / 3, 1]);
  });
});
