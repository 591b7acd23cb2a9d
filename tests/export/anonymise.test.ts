import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { eventsToCsv } from '../../core/analysis/events-csv';
import { toAnalysisJson } from '../../core/analysis/json';
import { anonymise } from '../../core/export/anonymise';
import { writeEdf } from '../../core/export/edf/write';
import { bytesSource, importRecording } from '../../core/import';
import type { Recording } from '../../core/recording';
import { buildReportHtml } from '../../core/report';
import { edfSamplesDir } from '../support/edf-samples';
import { cli } from '../support/run-cli';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-anon-'));

/** What the input says about who, where and when: none of it may be found in an anonymised output. */
const IDENTIFYING = [
  'Haagse',
  'Harry',
  'MCH-0234567',
  '02-MAY-1951',
  'PSG-1234',
  'Telemetry03',
  'SN4711X',
  '00:1A:7D:DA:71:13',
  'harry_recording',
  '/home/harry',
  '2002-03-02',
  '02.03.02',
  '02-MAR-2002',
  '10:04:05',
  '10.04.05',
];

/** Every byte of an output, as Latin-1 text (so binary EDF is searched byte for byte), lower-cased. */
function leaks(bytes: Uint8Array | string, secrets: readonly string[]): string[] {
  const text = (typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1')).toLowerCase();
  const utf8 = typeof bytes === 'string' ? text : Buffer.from(bytes).toString('utf8').toLowerCase();
  return secrets.filter((s) => text.includes(s.toLowerCase()) || utf8.includes(s.toLowerCase()));
}

/** The calf sample written as an EDF+ file that names its patient, device and place, then read back. */
async function identifiedEdf(): Promise<{ file: string; rec: Recording }> {
  const csv = new Uint8Array(fs.readFileSync(path.join(ROOT, 'samples/calf-rest-emg.csv')));
  const source = await importRecording(bytesSource('calf.csv', csv));
  const named: Recording = {
    ...source,
    startTime: '2002-03-02T10:04:05',
    // EDF labels hold 16 characters: the serial goes in one, the MAC address in the transducer field.
    channels: source.channels.map((c, i) => ({ ...c, label: i === 0 ? 'L calf SN4711X' : 'R calf EMG', transducer: `Telemetry03 AgCl 00:1A:7D:DA:71:13` })),
    meta: {
      'patient code': 'MCH-0234567',
      sex: 'F',
      birthdate: '02-MAY-1951',
      'patient name': 'Haagse Harry',
      'hospital administration code': 'PSG-1234/2002',
      technician: 'NN',
      equipment: 'Telemetry03',
    },
    annotations: [{ onsetS: 3, durationS: null, text: 'Haagse Harry asked for the lights off (/home/harry/notes.txt)' }],
  };
  const file = path.join(dir, 'harry_recording_2002-03-02.edf');
  fs.writeFileSync(file, writeEdf(named, null, { signals: 'raw', software: 'TwitchScope' }).bytes);
  const rec = await importRecording(bytesSource(path.basename(file), new Uint8Array(fs.readFileSync(file))));
  return { file, rec };
}

describe('anonymised exports', () => {
  it('the input really carries the identifying strings (or the scan below proves nothing)', async () => {
    const { file, rec } = await identifiedEdf();
    expect(leaks(fs.readFileSync(file), IDENTIFYING).length).toBeGreaterThanOrEqual(9);
    const plain = JSON.stringify(toAnalysisJson(rec, analyseRecording(rec), '0'));
    expect(leaks(plain, IDENTIFYING)).toEqual(expect.arrayContaining(['SN4711X', '2002-03-02', 'harry_recording']));
    expect(leaks(fs.readFileSync(file), IDENTIFYING)).toEqual(expect.arrayContaining(['Haagse', 'MCH-0234567', '00:1A:7D:DA:71:13', 'Telemetry03', '02.03.02', '10.04.05']));
  });

  it('JSON, CSV, EDF+ and the report hold none of them; dates move together, intervals kept', async () => {
    const { rec } = await identifiedEdf();
    const analysis = analyseRecording(rec);
    const anon = anonymise(rec, analysis, { keepTimeOfDay: false });
    const outputs = {
      json: JSON.stringify(toAnalysisJson(anon.recording, anon.analysis, '0.1.0')),
      csv: eventsToCsv(anon.analysis, anon.recording),
      edf: writeEdf(anon.recording, anon.analysis, { signals: 'raw', software: 'TwitchScope 0.1.0' }).bytes,
      report: buildReportHtml({ recording: anon.recording, analysis: anon.analysis, answers: {}, software: { name: 'TwitchScope', version: '0.1.0' }, generatedAt: anon.shiftIso('2002-03-09T12:00:00') }),
    };
    for (const [name, bytes] of Object.entries(outputs)) expect([name, leaks(bytes, IDENTIFYING)]).toEqual([name, []]);
    expect(anon.recording.startTime).toBe('2000-01-01T00:00:00Z');
    expect(anon.shiftIso('2002-03-09T12:00:00')).toBe('2000-01-08T01:55:55Z');
    expect(anon.analysis.events).toEqual(analysis.events);
    // The anonymised EDF+ still reads back, events and all.
    const back = await importRecording(bytesSource('recording.edf', outputs.edf));
    expect(back.meta).toEqual({ 'recording (more)': 'TwitchScope 0.1.0' });
    expect(back.channels.map((c) => [c.label, c.transducer])).toEqual([
      ['L calf X', 'X AgCl X'],
      ['R calf EMG', 'X AgCl X'],
    ]);
    expect(back.startTime).toBe('2000-01-01T00:00:00');
  });

  it('keeps the time of day only when asked', async () => {
    const { rec } = await identifiedEdf();
    const anon = anonymise(rec, analyseRecording(rec), { keepTimeOfDay: true });
    expect(anon.recording.startTime).toBe('2000-01-01T10:04:05.000Z');
    const shifted = anonymise(rec, analyseRecording(rec), { keepTimeOfDay: true, shiftDays: 1000 });
    expect(shifted.recording.startTime).toBe('1999-06-06T10:04:05.000Z');
  });

  it('the command line: --anonymise on every output, the PDF report included', async () => {
    const { file } = await identifiedEdf();
    const out = (ext: string) => path.join(dir, `shared.${ext}`);
    const r = await cli(['analyze', file, '--anonymise', '--subject', 'Haagse Harry', '--json', out('json'), '--events', out('csv'), '--edf', out('edf'), '--report', out('pdf'), '-q']);
    expect(r.stderr).toBe('twitchscope: --anonymise: the name given with --subject is left out of the report\n');
    expect(r.code).toBe(0);
    for (const ext of ['json', 'csv', 'edf', 'pdf']) expect([ext, leaks(fs.readFileSync(out(ext)), IDENTIFYING)]).toEqual([ext, []]);
    const text = execFileSync('pdftotext', [out('pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/recording\.edf/);
    expect(leaks(text, IDENTIFYING)).toEqual([]);
  });

  it.skipIf(!edfSamplesDir())('a real file with a patient name, code, birthdate and technician (EDFbrowser test generator)', async () => {
    const name = 'test_generator.edf';
    const rec = await importRecording(bytesSource(name, new Uint8Array(fs.readFileSync(path.join(edfSamplesDir()!, name)))));
    const secrets = ['Hans', 'Muller', 'abcxyz99', '30-JUN-1969', 'Spotty', '2011-04-04', '04.04.11', 'test_generator'];
    const anon = anonymise(rec, analyseRecording(rec), { keepTimeOfDay: false });
    const edf = writeEdf(anon.recording, anon.analysis, { signals: 'raw', software: 'TwitchScope' }).bytes;
    expect(leaks(fs.readFileSync(path.join(edfSamplesDir()!, name)), secrets).length).toBeGreaterThan(5);
    expect(leaks(edf, secrets)).toEqual([]);
    expect(leaks(JSON.stringify(toAnalysisJson(anon.recording, anon.analysis, '0')), secrets)).toEqual([]);
  });
});
