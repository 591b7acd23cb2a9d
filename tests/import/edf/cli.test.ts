import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/run-cli';
import { specEdf } from './spec-edf';

describe('twitchscope info on EDF files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-edf-cli-'));

  it('a malformed header: exit 2, the field and its byte offset named', async () => {
    const file = path.join(dir, 'broken.edf');
    fs.writeFileSync(file, specEdf({ records: 1, duration: 1, signals: [{ label: 'EMG', spr: 2 }], patch: [[236, 'many    ']] }));
    const r = await cli(['info', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('twitchscope: broken.edf: header field "number of data records" (byte 236) reads "many": not a whole number (the header is damaged, or this is not an EDF/BDF file; EDFbrowser\'s header view shows the same bytes)\n');
  });

  it('a good file: its signals, rates and annotations', async () => {
    const file = path.join(dir, 'good.edf');
    fs.writeFileSync(file, specEdf({ records: 2, duration: 0.5, signals: [{ label: 'EMG chin', spr: 1000 }, { label: 'EEG C3', spr: 50 }] }));
    const r = await cli(['info', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/format {5}EDF \(edf\)/);
    expect(r.stdout).toMatch(/emg1 +EMG chin +emg +uV +2000 Hz +2000/);
    expect(r.stdout).toMatch(/ch2 +EEG C3 +other +uV +100 Hz +100/);
  });
});
