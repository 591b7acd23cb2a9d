import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, ImportError, importRecording } from '../../../core/import';
import type { Recording } from '../../../core/recording';
import { EDF_SAMPLES_MISSING, edfSamplesDir } from '../../support/edf-samples';

const dir = edfSamplesDir();
if (!dir) console.warn(EDF_SAMPLES_MISSING);

const open = (name: string) => importRecording(bytesSource(name, new Uint8Array(fs.readFileSync(path.join(dir!, name)))));

const byLabel = (rec: Recording, label: string) => {
  const c = rec.channels.find((x) => x.label === label);
  if (!c) throw new Error(`no "${label}" in ${rec.file}`);
  return c;
};

// Expected values are the files' own header fields (each signal's rate is samples per record over the record
// duration) and first samples as MNE-Python 1.3 reads them, not values taken from this importer.
describe.skipIf(!dir)('real EDF and BDF files', () => {
  it('Sleep-EDF polysomnography (5 min): EEG, EOG, respiration, chin EMG envelope, temperature', async () => {
    const rec = await open('short_psg.edf');
    expect(rec.formatName).toBe('EDF');
    expect(rec.startTime).toBe('1989-04-24T16:13:00');
    expect(rec.durationS).toBe(300);
    expect(rec.channels.map((c) => [c.label, c.unit, c.sampleRateHz])).toEqual([
      ['EEG Fpz-Cz', 'uV', 100],
      ['EEG Pz-Oz', 'uV', 100],
      ['EOG horizontal', 'uV', 100],
      ['Resp oro-nasal', '', 1],
      ['EMG submental', 'uV', 1],
      ['Temp rectal', 'DegC', 1],
      ['Event marker', '', 1],
    ]);
    expect(byLabel(rec, 'EEG Fpz-Cz').data[0]).toBeCloseTo(5.01685, 4);
    expect(byLabel(rec, 'EOG horizontal').data[0]).toBeCloseTo(16.5087, 3);
    expect(byLabel(rec, 'Temp rectal').transducer).toBe('Rectal thermistor');
    // The chin EMG was rectified and low-passed to 1 Hz by the recorder: shown, never counted as twitches.
    expect(rec.channels.filter((c) => c.kind !== 'other')).toEqual([]);
    expect(rec.warnings.map((w) => w.message)).toEqual([
      '"EMG submental" was recorded as an envelope (prefiltering: HP:16Hz Rectification LP:0.7Hz), not as raw EMG: imported, not analysed',
    ]);
  });

  it('Sleep-EDF hypnogram: annotations only, refused with a pointer to Import events', async () => {
    const err = await open('SC4001EC-Hypnogram.edf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/holds 154 annotations and no signals/);
  });

  it('BioSemi ActiveTwo BDF (24BIT): 73 signals at 2048 Hz', async () => {
    const rec = await open('test.bdf');
    expect(rec.format).toBe('bdf');
    expect(rec.channels).toHaveLength(73);
    expect(rec.channels.every((c) => c.sampleRateHz === 2048 && c.data.length === 2048)).toBe(true);
    expect(rec.startTime).toBe('2013-08-01T13:21:46');
    expect(byLabel(rec, 'Fp1').data[0]).toBeCloseTo(14660.6, 0);
    expect(byLabel(rec, 'Status').kind).toBe('other');
    expect(rec.warnings).toEqual([]);
  });

  it('BioSemi-style BDF with a Status channel', async () => {
    const rec = await open('test_bdf_stim_channel.bdf');
    expect(rec.channels.map((c) => c.label)).toEqual(['C3', 'C4', 'Cz', 'Status']);
    expect(rec.durationS).toBe(10);
    expect(byLabel(rec, 'C3').data[0]).toBeCloseTo(9081.95, 1);
  });

  it('EDFbrowser test generator (EDF+C): identification subfields and annotations', async () => {
    const rec = await open('test_generator.edf');
    expect(rec.formatName).toBe('EDF+ (continuous)');
    expect(rec.channels).toHaveLength(11);
    expect(rec.durationS).toBe(600);
    expect(rec.startTime).toBe('2011-04-04T12:57:02');
    expect(rec.meta).toMatchObject({ 'patient code': 'abcxyz99', sex: 'M', birthdate: '30-JUN-1969', 'patient name': 'Hans Muller', technician: 'Mr. Spotty', equipment: 'test generator' });
    expect(rec.annotations).toEqual([
      { onsetS: 0, durationS: null, text: 'Recording starts' },
      { onsetS: 600, durationS: null, text: 'Recording ends' },
    ]);
    expect(byLabel(rec, 'squarewave').data[0]).toBeCloseTo(99.9924, 3);
  });

  it('a sub-second start: the first record begins 0.3945 s after the header time', async () => {
    const rec = await open('test_subsecond.edf');
    expect(rec.startTime).toBe('2020-01-24T04:05:56.395');
    expect(rec.annotations!.map((a) => a.text)).toEqual(['XLSpike', 'Clip Note', 'XLEvent', 'XLSpike']);
    expect(rec.annotations![0].onsetS).toBeCloseTo(1.9512, 4);
  });

  it('UTF-8 annotation text', async () => {
    const rec = await open('test_utf8.edf');
    expect(rec.annotations!.map((a) => a.text)).toContain('中文测试八个字');
  });

  it('an odd record duration (9.59375 s) and "reserved" in the reserved field', async () => {
    const rec = await open('test_edf_stim_channel.edf');
    expect(rec.channels).toHaveLength(25);
    expect(rec.channels[0].sampleRateHz).toBe(128);
    expect(rec.durationS).toBeCloseTo(9.59375, 9);
    expect(rec.warnings).toEqual([]);
  });
});
