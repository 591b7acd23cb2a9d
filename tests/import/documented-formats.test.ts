import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, importRecording, ImportError, bytesSource, textSource } from '../../core/import/index';
import { readHead } from '../../core/import/head';
import { channel, dataFiles, FIXTURES, fixtureSource, LAYOUTS, loadFixture } from './layout-fixtures';

const TAU = 2 * Math.PI;
const NEW_FORMATS = ['labchart', 'noraxon-mr3', 'brainflow', 'geneactiv'];
/** Real files, under tests/fixtures, of the formats above that have met one. */
const OWN_REAL_FILES: Record<string, string[]> = { brainflow: ['brainflow-ganglion/Brainflow_Carl-Online-Run_EEG_2024-01-05_175720.txt'] };

describe('LabChart text export', () => {
  it('reads the header: rate, start time, titles and units', async () => {
    const rec = await loadFixture('labchart/emg-acc-2000hz.txt');
    expect(rec.format).toBe('labchart');
    expect(rec.startTime).toBe('2023-03-15T12:00:00.000');
    expect(rec.meta).toEqual({ interval: '0.0005 s', timeFormat: 'StartOfBlock', recorded: '03/15/23 12:00:00.000000' });
    expect(rec.channels.map((c) => `${c.id}|${c.label}|${c.kind}|${c.unit}|${c.sampleRateHz}`)).toEqual([
      'emg1|Biceps EMG|emg|uV|2000',
      'acc1.x|Wrist Acc X|accel|g|2000',
      'ch4|Force|other|N|2000',
    ]);
    expect(rec.warnings).toEqual([]);
  });

  it('scales the EMG from mV to µV and keeps rows with a #* comment', async () => {
    const rec = await loadFixture('labchart/emg-acc-2000hz.txt');
    const emg = channel(rec, 'emg1');
    expect(emg.data.length).toBe(400);
    for (const k of [1, 5, 99, 100, 101, 399]) expect(emg.data[k]).toBeCloseTo(100 * Math.sin((TAU * 50 * k) / 2000), 2);
    expect(channel(rec, 'acc1.x').data[250]).toBeCloseTo(0.25, 6);
    expect(channel(rec, 'ch4').data[100]).toBe(100);
  });

  it('reads a file without a time column, a Windows-1252 µ and a second block', async () => {
    const text = 'Interval=\t1 ms\nChannelTitle=\tCalf EMG\nRange=\t500 \xB5V\n1\n2\n3\n4\nInterval=\t1 ms\nChannelTitle=\tCalf EMG\n5\n6\n';
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const rec = await importRecording(bytesSource('two-blocks.txt', bytes));
    const emg = channel(rec, 'emg1');
    expect(emg.unit).toBe('uV');
    expect(emg.sampleRateHz).toBe(1000);
    expect(Array.from(emg.data)).toEqual([1, 2, 3, 4, NaN, NaN, 5, 6]);
    expect(rec.warnings).toContainEqual({
      message: 'the file holds more than one LabChart block: blocks are joined end to end and the header lines between them count as gaps',
      line: 8,
    });
  });

  it('skips exported date and time columns before the channels', async () => {
    const text = 'Interval=\t0.5 s\nChannelTitle=\tEMG\tAcc X\nRange=\t10 mV\t2 g\n' + '15/03/2023\t12:00:00.0\t1\t0.5\n15/03/2023\t12:00:00.5\t2\t\n15/03/2023\t12:00:01.0\t3\t0.25\n';
    const rec = await importRecording(textSource('date-time.txt', text));
    expect(Array.from(channel(rec, 'emg1').data)).toEqual([1000, 2000, 3000]);
    expect(Array.from(channel(rec, 'acc1.x').data)).toEqual([0.5, NaN, 0.25]);
    expect(channel(rec, 'acc1.x').sampleRateHz).toBe(2);
  });

  it('accepts channel titles in double quotes', async () => {
    const text = 'Interval=\t0.01 s\nChannelTitle=\t"Left calf EMG"\nRange=\t1.000 V\n0\t0.5\n0.01\t0.25\n0.02\t0\n';
    const rec = await importRecording(textSource('quoted.txt', text));
    expect(channel(rec, 'emg1').label).toBe('Left calf EMG');
    expect(Array.from(channel(rec, 'emg1').data)).toEqual([500000, 250000, 0]);
    expect(channel(rec, 'emg1').sampleRateHz).toBe(100);
  });

  it('names the line after the header when no samples follow it', async () => {
    await expect(importRecording(textSource('cut.txt', 'Interval=\t1 ms\nChannelTitle=\tEMG\nRange=\t1 mV\n'))).rejects.toThrow(
      'cut.txt:4: no samples after the LabChart header (check that the export finished, or export the block again from LabChart)',
    );
  });

  it('asks for the rate when Interval= is unreadable', async () => {
    const text = 'Interval=\t5 fortnights\nChannelTitle=\tEMG\n0\t1\n';
    await expect(importRecording(textSource('odd.txt', text))).rejects.toThrow('odd.txt:1: the LabChart interval "5 fortnights" is not readable (pass the rate with --rate HZ)');
  });
});

describe('BrainFlow CSV', () => {
  it('reads a Cyton file: 8 ExG in µV at 250 Hz and the accelerometer that is zero between updates', async () => {
    const rec = await loadFixture('brainflow/cyton.csv');
    expect(rec.format).toBe('brainflow');
    expect(rec.meta.board).toBe('OpenBCI Cyton');
    expect(rec.meta.boardId).toBe('0');
    expect(rec.startTime).toBe('2023-11-14T22:13:20.000Z');
    const emg = rec.channels.filter((c) => c.kind === 'emg');
    expect(emg.map((c) => c.id)).toEqual(['emg1', 'emg2', 'emg3', 'emg4', 'emg5', 'emg6', 'emg7', 'emg8']);
    for (const [c, ch] of emg.entries()) {
      expect(ch.unit).toBe('uV');
      expect(ch.sampleRateHz).toBe(250);
      expect(ch.data.length).toBe(300);
      expect(ch.data[37]).toBeCloseTo(10 * (c + 1) + 50 * Math.sin((TAU * 10 * 37) / 250), 4);
    }
    const x = channel(rec, 'acc1.x');
    expect(x.sampleRateHz).toBeCloseTo(25, 9);
    expect(x.data.length).toBe(30);
    expect(x.data[7]).toBeCloseTo(0.014, 6);
    expect(channel(rec, 'acc1.z').data[29]).toBeCloseTo(0.875, 6);
  });

  it('reads a Ganglion file: 4 ExG at 200 Hz and a held accelerometer', async () => {
    const rec = await loadFixture('brainflow/ganglion.csv');
    expect(rec.meta.board).toBe('OpenBCI Ganglion');
    expect(rec.channels.filter((c) => c.kind === 'emg')).toHaveLength(4);
    expect(channel(rec, 'emg4').sampleRateHz).toBe(200);
    expect(channel(rec, 'emg4').data[3]).toBeCloseTo(40 + 50 * Math.sin((TAU * 10 * 3) / 200), 4);
    const x = channel(rec, 'acc1.x');
    expect(x.sampleRateHz).toBe(20);
    expect(Array.from(x.data.slice(0, 3)).map((v) => Number(v.toFixed(4)))).toEqual([0, 0.004, 0.008]);
  });

  it('tells the synthetic board from Cyton-Daisy (both 32 columns) by their timestamps', async () => {
    const synthetic = await loadFixture('brainflow/synthetic.csv');
    expect(synthetic.meta.board).toBe('BrainFlow synthetic board');
    expect(synthetic.meta.boardId).toBe('-1');
    expect(channel(synthetic, 'emg16').sampleRateHz).toBe(250);
    expect(channel(synthetic, 'acc1.x').data.length).toBe(300);
    expect(channel(synthetic, 'acc1.x').data[50]).toBeCloseTo(0.5 * Math.sin((TAU * 50) / 250), 5);

    const daisy = await loadFixture('brainflow/cyton-daisy.csv');
    expect(daisy.meta.board).toBe('OpenBCI Cyton + Daisy');
    expect(daisy.meta.boardId).toBe('2');
    expect(channel(daisy, 'emg16').sampleRateHz).toBe(125);
    expect(channel(daisy, 'emg16').data[0]).toBe(160);
    expect(channel(daisy, 'acc1.y').sampleRateHz).toBeCloseTo(12.5, 9);
    expect(daisy.warnings[0].message).toBe(
      'board guessed as OpenBCI Cyton + Daisy from 32 columns and timestamps near 128 Hz: read at 125 Hz (pass --rate if this is another board)',
    );
  });

  it('tells a Cyton on the WiFi Shield (24 columns, 1000 Hz) from a Cyton by its timestamps', async () => {
    const lines = Array.from({ length: 100 }, (_, k) => {
      const row = new Array(24).fill(0);
      row[0] = k % 256;
      row[1] = k;
      row[22] = 1700000000 + k / 1000;
      return row.map((v: number) => v.toFixed(6)).join('\t');
    });
    const rec = await importRecording(textSource('wifi.csv', lines.join('\n') + '\n'));
    expect(rec.format).toBe('brainflow');
    expect(rec.meta.boardId).toBe('5');
    expect(channel(rec, 'emg1').sampleRateHz).toBe(1000);
    expect(channel(rec, 'emg1').data[99]).toBe(99);
  });

  it('lets --rate override the guessed board', async () => {
    const rec = await loadFixture('brainflow/synthetic.csv', { rateHz: 125 });
    expect(rec.meta.board).toBe('OpenBCI Cyton + Daisy');
    expect(channel(rec, 'emg1').sampleRateHz).toBe(125);
    expect(rec.warnings[0].message).toBe("sample rate set to 125 Hz by the user; the board layout is OpenBCI Cyton + Daisy's (32 columns)");
  });

  it('refuses a table that is not a BrainFlow layout when forced', async () => {
    const e = await importRecording(textSource('plain.tsv', '1.000000\t2.000000\n3.000000\t4.000000\n5.000000\t6.000000\n'), { format: 'brainflow' }).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.message).toContain('plain.tsv:1: this does not match a BrainFlow board layout');
  });
});

describe('GENEActiv CSV', () => {
  it('reads the header: rate, start time with its zone, range and resolution', async () => {
    const rec = await loadFixture('geneactiv/geneactiv-raw.csv');
    expect(rec.format).toBe('geneactiv');
    expect(rec.startTime).toBe('2024-03-05T14:00:00.000+01:00');
    expect(rec.meta['device unique serial code']).toBe('000042');
    expect(rec.meta['device location code']).toBe('left wrist');
    expect(rec.notRaw).toBeUndefined();
    expect(rec.channels.map((c) => `${c.id}|${c.label}|${c.kind}|${c.unit}|${c.sampleRateHz}`)).toEqual([
      'acc1.x|x|accel|g|100',
      'acc1.y|y|accel|g|100',
      'acc1.z|z|accel|g|100',
      'ch5|light|other|lux|100',
      'ch6|button|other||100',
      'ch7|temperature|other|deg C|100',
    ]);
    const x = channel(rec, 'acc1.x');
    expect(x.range).toEqual({ min: -8, max: 8 });
    expect(x.resolution).toBe(0.0039);
    expect(rec.sensors[0].channelIds).toEqual(['acc1.x', 'acc1.y', 'acc1.z']);
  });

  it('reads the samples in g', async () => {
    const rec = await loadFixture('geneactiv/geneactiv-raw.csv');
    const x = channel(rec, 'acc1.x');
    expect(x.data.length).toBe(300);
    for (const k of [0, 1, 99, 100, 255]) expect(x.data[k]).toBeCloseTo((k % 100) / 100 - 0.5, 6);
    expect(channel(rec, 'acc1.y').data[10]).toBe(-0.25);
    expect(channel(rec, 'ch6').data[150]).toBe(1);
    expect(channel(rec, 'ch7').data[299]).toBe(25.5);
  });

  it('marks an epoch export as not raw, at its row rate', async () => {
    const rec = await loadFixture('geneactiv/geneactiv-epoch.csv');
    expect(rec.notRaw).toBe('this GENEActiv export holds one summary row every 60 s, not the raw 100 Hz samples: twitches need the raw export');
    expect(channel(rec, 'acc1.x').sampleRateHz).toBeCloseTo(1 / 60, 12);
    expect(channel(rec, 'acc1.x').data.length).toBe(10);
  });

  it('names the line when the header has no rows after it', async () => {
    const header = ['Device Type,GENEActiv', 'Measurement Frequency,100 Hz', ...Array(98).fill('')].join('\n');
    const e = await importRecording(textSource('cut.csv', header + '\n')).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.message).toBe('cut.csv:101: no data rows after the GENEActiv header (export the recording again as CSV from GENEActiv PC Software)');
  });
});

describe('Noraxon MR3 export', () => {
  it('reads the tab-separated export: Time,s and name,unit columns', async () => {
    const rec = await loadFixture('noraxon/noraxon-mr3.txt');
    expect(rec.format).toBe('noraxon-mr3');
    expect(rec.meta['preamble 1']).toBe('Noraxon MR3 layout copy');
    expect(rec.channels.map((c) => `${c.id}|${c.label}|${c.kind}|${c.unit}`)).toEqual([
      'emg1|RT TIB.ANT.|emg|uV',
      // The layout copy writes this channel as a constant: no signal, so it is set aside.
      'emg2|LT GASTROC|other|uV',
      'acc1.x|ACC X|accel|g',
      'acc1.y|ACC Y|accel|g',
      'acc1.z|ACC Z|accel|g',
      'ch7|Switch|other|On',
    ]);
    // Times are written to 6 decimals, so 1500 Hz comes back within rounding.
    expect(Math.abs(channel(rec, 'emg1').sampleRateHz - 1500)).toBeLessThan(0.01);
    expect(channel(rec, 'emg1').data[40]).toBeCloseTo(200 * Math.sin((TAU * 20 * 40) / 1500), 2);
    expect(channel(rec, 'emg2').data[7]).toBe(-50);
    expect(channel(rec, 'emg2').dead).toEqual({ reason: 'constant at -50', kindWas: 'emg' });
    expect(channel(rec, 'acc1.x').data[123]).toBeCloseTo(0.123, 6);
    expect(channel(rec, 'acc1.z').data[0]).toBe(1);
    expect(channel(rec, 'ch7').data[10]).toBe(1);
    expect(rec.sensors).toEqual([{ id: 'acc1', label: 'ACC', kind: 'accel', channelIds: ['acc1.x', 'acc1.y', 'acc1.z'], axes: ['x', 'y', 'z'] }]);
  });

  it('reads the comma-separated export with quoted names and mV', async () => {
    const rec = await loadFixture('noraxon/noraxon-mr3.csv');
    expect(rec.format).toBe('noraxon-mr3');
    const emg = channel(rec, 'emg1');
    expect(emg.label).toBe('RT TIB.ANT.');
    expect(emg.sampleRateHz).toBeCloseTo(2000, 6);
    expect(emg.data[3]).toBeCloseTo(500 * Math.sin((TAU * 100 * 3) / 2000), 2);
    expect(channel(rec, 'emg2').data[299]).toBe(12.5);
  });

  it('does not take a plain table with a time column for Noraxon', async () => {
    const text = 'time,EMG (uV)\n0,1\n0.001,2\n0.002,3\n0.003,4\n0.004,5\n';
    const rec = await importRecording(textSource('plain.csv', text));
    expect(rec.format).toBe('csv');
  });
});

describe('detection', () => {
  const expected: Record<string, string> = {
    'labchart/emg-acc-2000hz.txt': 'labchart',
    'brainflow/cyton.csv': 'brainflow',
    'brainflow/ganglion.csv': 'brainflow',
    'brainflow/synthetic.csv': 'brainflow',
    'brainflow/cyton-daisy.csv': 'brainflow',
    'geneactiv/geneactiv-raw.csv': 'geneactiv',
    'geneactiv/geneactiv-epoch.csv': 'geneactiv',
    'noraxon/noraxon-mr3.txt': 'noraxon-mr3',
    'noraxon/noraxon-mr3.csv': 'noraxon-mr3',
  };

  it.each(Object.entries(expected))('%s is claimed by %s alone', async (rel, id) => {
    const head = await readHead(fixtureSource(join(LAYOUTS, rel)));
    const scores = FORMATS.map((f) => ({ id: f.id, score: f.detect(head) })).sort((a, b) => b.score - a.score);
    expect(scores[0].id).toBe(id);
    expect(scores[0].score).toBeGreaterThan(scores[1].score);
  });

  // A format built from documents claims no real file but its own (whose folder is named for it); one that
  // has met a real file of its own says 'real' in the registry.
  it('the formats built from documents never claim the real files of other vendors', async () => {
    const files = dataFiles(FIXTURES).filter((p) => !p.startsWith(LAYOUTS));
    expect(files.length).toBeGreaterThan(10);
    for (const path of files) {
      const head = await readHead(fixtureSource(path));
      for (const f of FORMATS.filter((d) => NEW_FORMATS.includes(d.id) && !OWN_REAL_FILES[d.id]?.some((own) => path.includes(own)))) {
        expect({ file: path, format: f.id, score: f.detect(head) }).toEqual({ file: path, format: f.id, score: 0 });
      }
    }
  });

  it('a real BrainFlow file (an OpenBCI Ganglion) is claimed by BrainFlow alone, which the registry now calls real', async () => {
    const path = join(FIXTURES, OWN_REAL_FILES.brainflow[0]);
    const head = await readHead(fixtureSource(path));
    const scores = FORMATS.map((f) => ({ id: f.id, score: f.detect(head) })).sort((a, b) => b.score - a.score);
    expect(scores[0].id).toBe('brainflow');
    expect(scores[1].score).toBeLessThan(scores[0].score);
    const rec = await importRecording(fixtureSource(path));
    expect(rec.meta.board).toBe('OpenBCI Ganglion');
    expect(FORMATS.find((f) => f.id === 'brainflow')?.evidence).toBe('real');
  });

  it('the formats still built from documents alone say so in the registry', () => {
    for (const id of NEW_FORMATS.filter((f) => !OWN_REAL_FILES[f])) expect(FORMATS.find((f) => f.id === id)?.evidence).toBe('documented');
    expect(FORMATS[FORMATS.length - 1].id).toBe('csv');
  });
});
