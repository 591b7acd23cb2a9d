import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importRecording, textSource, type ImportOptions } from '../../core/import';
import { cli } from '../support/run-cli';
import { FIXTURES } from './load';

/** A real (or layout) file with one header field broken, as a hand edit or a damaged export leaves it. */
function broken(rel: string, from: string | RegExp, to: string): string {
  const text = fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
  const out = text.replace(from, to);
  if (out === text) throw new Error(`${rel}: nothing to break`);
  return out;
}

async function failure(name: string, text: string, options?: ImportOptions): Promise<ImportError> {
  const e = await importRecording(textSource(name, text), options).then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof ImportError)) throw new Error(`${name}: expected an ImportError, got ${e === null ? 'a recording' : String(e)}`);
  return e;
}

const OPENSIGNALS = 'plux-opensignals/emg_1000_hz_16_bits_solo.txt';

describe('bad header fields: a clear message naming the field, per format', () => {
  it('OpenBCI GUI v6: a sample rate that is not a number', async () => {
    const e = await failure('v6.txt', broken('openbci-gui-raw/OpenBCI_GUI-v6-blinks-jawClench-alpha.txt', '%Sample Rate = 250 Hz', '%Sample Rate = fast'));
    expect(e.message).toBe('v6.txt:3: the OpenBCI header field "sample rate" should be a sample rate in Hz, not "fast" (correct that line, or pass the rate with --rate HZ)');
  });

  it('OpenBCI GUI legacy: the same', async () => {
    const e = await failure('legacy.txt', broken('openbci-gui-raw/OpenBCI-sampleData-1-blinks-jawClench-alpha.txt', '%Sample Rate = 250.0 Hz', '%Sample Rate = Hz'));
    expect(e.message).toMatch(/^legacy\.txt:3: the OpenBCI header field "sample rate" should be a sample rate in Hz, not "Hz"/);
  });

  it('OpenSignals: the column list as text and the rate as a word are errors; a start in no known shape is left out, said', async () => {
    // Field checks live in core/import/formats/plux-header.ts (tests/import/opensignals-header.test.ts has every case).
    const column = await failure('c.txt', broken(OPENSIGNALS, /"column": \[[^\]]*\]/, '"column": "nSeq DI CH1"'));
    expect(column.message).toMatch(/^c\.txt:2: device 00:07:80:D8:A8:82: "column" must be a list of names/);
    const rate = await failure('r.txt', broken(OPENSIGNALS, /"sampling rate": \d+/, '"sampling rate": "fast"'));
    expect(rate.message).toMatch(/^r\.txt:2: device 00:07:80:D8:A8:82: "sampling rate" must be a number of Hz/);
    for (const [from, to] of [[/"time": "[^"]*"/, '"time": 70504'], [/"date": "[^"]*"/, '"date": "someday"']] as const) {
      const rec = await importRecording(textSource('t.txt', broken(OPENSIGNALS, from, to)));
      expect(rec.startTime).toBeNull();
      expect(rec.warnings.map((w) => w.message).join(' ')).toMatch(/start time is left out/);
    }
  });

  it('Delsys Trigno: a channel line whose rate is not readable', async () => {
    const e = await failure('trigno.csv', broken('delsys-trigno/truncated_trigno_sample.csv', 'Sampling frequency: 1.259259e+003', 'Sampling frequency: n/a'));
    expect(e.message).toMatch(/^trigno\.csv:1: the Delsys channel line field "Sampling frequency" is missing or not readable in "Label: Mini sensor 10: EMG 10 Sampling frequency: n\/a/);
  });

  it('Empatica E4: a rate row that is not a rate', async () => {
    const e = await failure('ACC.csv', broken('empatica-e4/ACC.csv', /^(.*\n)32\.000000/, '$1-32.000000'), { format: 'empatica-e4' });
    expect(e.message).toMatch(/^ACC\.csv:2: the Empatica E4 header field "sample rate \(row 2\)" should be a sample rate in Hz, not the number -32/);
  });

  it('ActiGraph: an epoch period and a start date that are not', async () => {
    const epoch = await failure('a.csv', broken('actigraph-actilife/ActiGraph13_timestamps_headers.csv', 'Epoch Period (hh:mm:ss) 00:00:01', 'Epoch Period (hh:mm:ss) one second'));
    expect(epoch.message).toMatch(/^a\.csv:5: the ActiGraph header field "Epoch Period \(hh:mm:ss\)" should be a time like 00:00:15, not "one second"/);
    const start = await failure('b.csv', broken('actigraph-actilife/ActiGraph13_timestamps_headers.csv', 'Start Date 09-12-2017', 'Start Date yesterday'));
    expect(start.message).toMatch(/^b\.csv:4: the ActiGraph header field "Start Date" and "Start Time" should give a date \(dd\/MM\/yyyy\) and a time of day, not "yesterday" and "15:00:00"/);
  });

  it('LabChart: an interval and a start day that are not numbers', async () => {
    const interval = await failure('l.txt', broken('layouts/labchart/emg-acc-2000hz.txt', 'Interval=\t0.0005 s', 'Interval=\tfast'));
    expect(interval.message).toMatch(/^l\.txt:1: the LabChart interval "fast" is not readable/);
    const start = await failure('m.txt', broken('layouts/labchart/emg-acc-2000hz.txt', /ExcelDateTime=\t[^\t]+/, 'ExcelDateTime=\tmonday'));
    expect(start.message).toMatch(/^m\.txt:1: the LabChart header field "ExcelDateTime" should be a day number after 1970 \(Excel's count\), not "monday"/);
  });

  it('GENEActiv: a measurement frequency that is not a rate', async () => {
    const e = await failure('g.csv', broken('layouts/geneactiv/geneactiv-raw.csv', 'Measurement Frequency,100 Hz', 'Measurement Frequency,often'));
    expect(e.message).toMatch(/^g\.csv:11: the GENEActiv header field "Measurement Frequency" should be a sample rate in Hz, not the text "often"/);
  });

  it('Noraxon: a preamble rate that is not a rate', async () => {
    const e = await failure('n.txt', broken('layouts/noraxon/noraxon-mr3.txt', 'Record: fixture walk', 'Sampling rate: high'));
    expect(e.message).toMatch(/^n\.txt:2: the Noraxon header field "sampling rate" should be a sample rate in Hz, not "high"/);
  });

  it('a plain table: a rate comment that is not a rate', async () => {
    const e = await failure('t.csv', '# rate_hz = fast\nEMG (uV)\n' + '1\n2\n3\n4\n5\n6\n');
    expect(e.message).toBe('t.csv:1: the file\'s header field "rate_hz" should be a sample rate in Hz, not "fast" (correct that line, or pass the rate with --rate HZ)');
  });

  it('formats read by their layout alone: forced on a file without it, a message and never a crash', async () => {
    const other = fs.readFileSync(path.join(FIXTURES, 'empatica-e4/ACC.csv'), 'utf8');
    for (const id of ['movesense', 'polar-sensor-logger', 'shimmer-consensys', 'sensor-logger', 'garmin-acc', 'axivity-csv', 'myo-emg', 'emg-text', 'brainflow', 'delsys-trigno', 'opensignals', 'labchart', 'noraxon-mr3', 'geneactiv', 'actigraph-actilife', 'openbci-gui', 'openbci-gui-legacy', 'phyphox']) {
      const e = await importRecording(textSource('ACC.csv', other), { format: id }).then(
        () => null,
        (err: unknown) => err,
      );
      if (e === null) continue;
      expect(e, id).toBeInstanceOf(ImportError);
      expect((e as ImportError).message, id).toMatch(/^ACC\.csv(:\d+)?: /);
    }
  });

  it('the command line exits 2 with the message, never "internal error"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-hdr-'));
    const file = path.join(dir, 'bad.txt');
    fs.writeFileSync(file, broken(OPENSIGNALS, /"sampling rate": \d+/, '"sampling rate": "fast"'));
    const r = await cli(['info', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twitchscope: bad\.txt:2: device 00:07:80:D8:A8:82: "sampling rate" must be a number of Hz/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
