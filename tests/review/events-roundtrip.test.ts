import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absoluteTime } from '../../core/analysis/absolute-time';
import { analyseRecording } from '../../core/analysis/analyse';
import { eventsToCsv } from '../../core/analysis/events-csv';
import type { Analysis } from '../../core/analysis/types';
import { writeEdf } from '../../core/export/edf/write';
import { bytesSource, importRecording, textSource } from '../../core/import';
import type { Recording } from '../../core/recording';
import { applyReview } from '../../core/review/apply';
import { addEvent, setReview } from '../../core/review/edits';
import { eventsFromCsv, readEventsFile } from '../../core/review/events-in';
import { restoreEvents } from '../../core/review/restore-events';
import { cli } from '../support/run-cli';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/calf-rest-emg.csv');

async function reviewedSample(): Promise<{ rec: Recording; base: Analysis; reviewed: Analysis }> {
  const rec = await importRecording(bytesSource('calf-rest-emg.csv', new Uint8Array(fs.readFileSync(SAMPLE))));
  const base = analyseRecording(rec);
  const twitches = base.events.filter((e) => e.type === 'twitch');
  const sustained = base.events.find((e) => e.type === 'sustained')!;
  let edits = setReview([], twitches[0], 'confirm');
  edits = setReview(edits, twitches[3], 'reject');
  edits = setReview(edits, twitches[twitches.length - 1], 'confirm');
  edits = setReview(edits, sustained, 'reject');
  edits = addEvent(edits, { channel: 'emg2', peakS: 77.7771234, startS: 77.7702, endS: 77.7853, amplitude: 42.123456789 });
  const reviewed = applyReview(base, edits, { emg1: 'left calf', emg2: 'right shin' });
  return { rec: { ...rec, startTime: '2024-05-06T21:30:15.250+02:00' }, base, reviewed };
}

/** A fresh analysis of the same recording, with the file's review laid on it. */
function restore(file: Parameters<typeof restoreEvents>[0], rec: Recording, base: Analysis): Analysis {
  const r = restoreEvents(file, rec, base);
  if (!r.ok) throw new Error(r.reason);
  expect(r.unmatched).toBe(0);
  return applyReview(base, r.edits, r.sites);
}

describe('events round trip', () => {
  it('through the events CSV: the same events with the same statuses and sites, exactly', async () => {
    const { rec, base, reviewed } = await reviewedSample();
    const csv = eventsToCsv(reviewed, rec);
    const again = restore(eventsFromCsv('e.csv', csv), rec, analyseRecording(await importRecording(bytesSource('calf-rest-emg.csv', new Uint8Array(fs.readFileSync(SAMPLE))))));
    expect(again.events).toEqual(reviewed.events);
    expect(again.channels.map((c) => c.site)).toEqual(['left calf', 'right shin']);
    expect(again.summary).toEqual(reviewed.summary);
    expect(base.events.some((e) => e.review)).toBe(false);
  });

  it('the CSV carries the absolute time with its zone and the seconds from the start', async () => {
    const { rec, reviewed } = await reviewedSample();
    const lines = eventsToCsv(reviewed, rec).trim().split('\n');
    const first = reviewed.events[0];
    const row = lines[1].split(',');
    expect(row[4]).toBe(absoluteTime(rec.startTime, first.startS));
    expect(row[4]).toMatch(/^2024-05-06T21:30:\d{2}\.\d{3}\+02:00$/);
    expect(Number(row[5])).toBe(first.startS);
    expect(absoluteTime('2024-05-06T23:59:59.500Z', 1)).toBe('2024-05-07T00:00:00.500Z');
    expect(absoluteTime('2024-05-06T10:00:00', 90, () => -300)).toBe('2024-05-06T10:01:30.000-05:00');
    expect(absoluteTime(null, 3)).toBeNull();
  });

  it('through EDF+ annotations: the same events with the same statuses (times to the microsecond)', async () => {
    const { rec, base, reviewed } = await reviewedSample();
    const edf = writeEdf(rec, reviewed, { signals: 'raw', software: 'TwitchScope' });
    const file = await readEventsFile(bytesSource('calf.edf', edf.bytes));
    expect(file.fingerprint).toBe(rec.fingerprint);
    const again = restore(file, rec, base);
    expect(again.events.map((e) => [e.channel, e.type, e.review, e.peakS])).toEqual(
      reviewed.events.map((e) => [e.channel, e.type, e.review, expect.closeTo(e.peakS, 6)]),
    );
    const added = again.events.find((e) => e.review === 'added')!;
    expect(added.startS).toBeCloseTo(77.7702, 6);
    expect(added.amplitude).toBeCloseTo(42.123456789, 4);
    expect(again.channels.map((c) => c.site)).toEqual(['left calf', 'right shin']);
  });

  it('onto the EDF+ export itself, opened as a recording: accepted as the same recording', async () => {
    const { rec, reviewed } = await reviewedSample();
    const bytes = writeEdf(rec, reviewed, { signals: 'raw', software: 'TwitchScope' }).bytes;
    const opened = await importRecording(bytesSource('calf.edf', bytes));
    const r = restoreEvents(eventsFromCsv('e.csv', eventsToCsv(reviewed, rec)), opened, analyseRecording(opened));
    expect(r.ok).toBe(true);
  });

  it('onto a different recording: refused by fingerprint', async () => {
    const { rec, reviewed } = await reviewedSample();
    const other = await importRecording(textSource('other.csv', fs.readFileSync(path.join(ROOT, 'samples/back-emg-ecg.csv'), 'utf8')));
    const r = restoreEvents(eventsFromCsv('e.csv', eventsToCsv(reviewed, rec)), other, analyseRecording(other));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^These events belong to another recording \(content fingerprint [0-9a-f-]+; this one is [0-9a-f-]+\), so they were not applied\.$/) });
  });

  it('a table that is not an events file: named line and column', () => {
    expect(() => eventsFromCsv('x.csv', 'a,b\n1,2\n')).toThrow('x.csv:1: the first line has no "channel" column');
    const { header, row } = { header: 'channel,type,review,startS,endS,peakS,recording', row: 'emg1,twitch,maybe,1,2,1.5,abc' };
    expect(() => eventsFromCsv('x.csv', `${header}\n${row}\n`)).toThrow('x.csv:2:3: unknown review status "maybe"');
  });
});

describe('twitchscope analyze --events-in', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-events-in-'));

  it('restores the review from the CSV it wrote, and refuses another recording (exit 2)', async () => {
    const { rec, reviewed } = await reviewedSample();
    const csv = path.join(dir, 'calf.events.csv');
    fs.writeFileSync(csv, eventsToCsv(reviewed, rec));
    const out = path.join(dir, 'again.csv');
    const r = await cli(['analyze', SAMPLE, '--events-in', csv, '--events', out]);
    expect(r.stderr).toBe('twitchscope: restored the review of 5 events from calf.events.csv\n');
    expect(r.code).toBe(0);
    const back = eventsFromCsv('again.csv', fs.readFileSync(out, 'utf8'));
    expect(back.events.map((e) => [e.channel, e.type, e.review ?? null, e.peakS])).toEqual(reviewed.events.map((e) => [e.channel, e.type, e.review ?? null, e.peakS]));
    const refused = await cli(['analyze', path.join(ROOT, 'samples/back-emg-ecg.csv'), '--events-in', csv]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^twitchscope: --events-in calf\.events\.csv: These events belong to another recording/);
  });

  it('writes EDF+ with --edf and restores from it', async () => {
    const edf = path.join(dir, 'calf.edf');
    expect((await cli(['analyze', SAMPLE, '--edf', edf, '-q'])).code).toBe(0);
    const r = await cli(['analyze', SAMPLE, '--events-in', edf]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('twitchscope: restored the review of 0 events from calf.edf\n');
  });
});
