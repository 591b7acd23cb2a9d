import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import type { Analysis } from '../../core/analysis/types';
import { parseEventText, SOURCE_PREFIX } from '../../core/export/edf/event-text';
import { writeEdf } from '../../core/export/edf/write';
import { bytesSource, importRecording } from '../../core/import';
import type { Recording } from '../../core/recording';
import { applyReview } from '../../core/review/apply';
import { addEvent, setReview } from '../../core/review/edits';
import { MNE_MISSING, mnePython, readWithMne } from '../support/mne';
import { edfSamplesDir } from '../support/edf-samples';

const ROOT = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-edf-export-'));

async function sample(): Promise<{ rec: Recording; reviewed: Analysis }> {
  const file = path.join(ROOT, 'samples/calf-rest-emg.csv');
  const rec = await importRecording(bytesSource('calf-rest-emg.csv', new Uint8Array(fs.readFileSync(file))));
  const base = analyseRecording(rec);
  const twitches = base.events.filter((e) => e.type === 'twitch');
  let edits = setReview([], twitches[0], 'confirm');
  edits = setReview(edits, twitches[1], 'reject');
  edits = addEvent(edits, { channel: 'emg2', peakS: 77.777, startS: 77.77, endS: 77.785, amplitude: 42 });
  return { rec: { ...rec, startTime: '2024-05-06T21:30:15.250' }, reviewed: applyReview(base, edits, { emg1: 'left calf' }) };
}

/** Largest difference between what was meant and what came back. */
function worst(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** Half a quantisation step, plus float32's own rounding of samples as large as the channel's range. */
const within = (step: number, range: { min: number; max: number }) => step / 2 + Math.max(Math.abs(range.min), Math.abs(range.max)) * 2 ** -22;

describe('EDF+ export', () => {
  it('reads back in TwitchScope: same signals within quantisation, same start, every event with its review', async () => {
    const { rec, reviewed } = await sample();
    const out = writeEdf(rec, reviewed, { signals: 'raw', software: 'TwitchScope 0.1.0' });
    expect(out.family).toBe('edf');
    const back = await importRecording(bytesSource('calf.edf', out.bytes));
    expect(back.formatName).toBe('EDF+ (continuous)');
    expect(back.startTime).toBe('2024-05-06T21:30:15.250');
    expect(back.durationS).toBe(rec.durationS);
    // The label's unit bracket goes to the dimension field.
    expect(back.channels.map((c) => [c.label, c.kind, c.unit, c.sampleRateHz])).toEqual([
      ['left calf EMG', 'emg', 'uV', 1000],
      ['right calf EMG', 'emg', 'uV', 1000],
    ]);
    rec.channels.forEach((c, j) => expect(worst(c.data, back.channels[j].data)).toBeLessThanOrEqual(within(back.channels[j].resolution!, back.channels[j].range!)));
    const ann = back.annotations!;
    expect(ann[0].text).toBe(`${SOURCE_PREFIX} ${rec.fingerprint}`);
    const events = ann.map((a) => ({ a, e: parseEventText(a.text) })).filter((x) => x.e !== null);
    expect(events).toHaveLength(reviewed.events.length);
    const sorted = [...reviewed.events].sort((x, y) => x.startS - y.startS);
    events.forEach(({ a, e }, i) => {
      const want = sorted[i];
      expect(e!.channel).toBe(want.channel);
      expect(e!.type).toBe(want.type);
      expect(e!.review).toBe(want.review);
      expect(e!.multiplet).toBe(want.multiplet);
      expect(e!.peakS).toBeCloseTo(want.peakS, 6);
      expect(a.onsetS).toBeCloseTo(want.startS, 6);
      expect(a.durationS ?? 0).toBeCloseTo(want.endS - want.startS, 6);
    });
    expect(events.filter((x) => x.e!.review === 'confirmed')).toHaveLength(1);
    expect(events.filter((x) => x.e!.review === 'rejected')).toHaveLength(1);
    expect(events.filter((x) => x.e!.review === 'added')).toHaveLength(1);
  });

  it('writes BDF+ when the source is 24-bit', async () => {
    const { rec, reviewed } = await sample();
    const out = writeEdf({ ...rec, format: 'bdf' }, reviewed, { signals: 'raw', software: 'TwitchScope' });
    expect(out.family).toBe('bdf');
    const back = await importRecording(bytesSource('calf.bdf', out.bytes));
    expect(back.formatName).toBe('BDF+ (continuous)');
    rec.channels.forEach((c, j) => expect(worst(c.data, back.channels[j].data)).toBeLessThanOrEqual(within(back.channels[j].resolution!, back.channels[j].range!)));
  });

  it('writes the filtered signals when asked, and says so in the prefiltering field', async () => {
    const { rec, reviewed } = await sample();
    const back = await importRecording(bytesSource('f.edf', writeEdf(rec, reviewed, { signals: 'filtered', software: 'TwitchScope' }).bytes));
    expect(back.channels[0].prefilter).toMatch(/^TwitchScope 20-450 Hz/);
    // Band-passed: the raw file's 500 µV offset is gone.
    const mean = back.channels[0].data.reduce((a, v) => a + v, 0) / back.channels[0].data.length;
    expect(Math.abs(mean)).toBeLessThan(5);
  });

  it('keeps gaps as gaps in meaning: zero samples under a "no signal" annotation', async () => {
    const { rec } = await sample();
    const data = rec.channels[0].data.slice();
    data.fill(NaN, 2000, 2500);
    const out = writeEdf({ ...rec, channels: [{ ...rec.channels[0], data }] }, null, { signals: 'raw', software: 'TwitchScope' });
    const back = await importRecording(bytesSource('g.edf', out.bytes));
    expect(back.annotations).toContainEqual({ onsetS: 2, durationS: 0.5, text: 'TwitchScope no signal left calf EMG (uV)' });
  });
});

const python = mnePython();
// CI installs MNE (.ci/run): there its absence is a failure, never a silent skip.
if (!python && process.env.CI) throw new Error(MNE_MISSING.replace('are skipped', 'cannot run in CI'));
if (!python) console.warn(MNE_MISSING);

describe.skipIf(!python)('EDF+ export read by MNE-Python (independent reader)', () => {
  for (const family of ['edf', 'bdf'] as const) {
    it(`${family.toUpperCase()}+: identical samples within quantisation and identical annotations`, async () => {
      const { rec, reviewed } = await sample();
      const out = writeEdf({ ...rec, format: family }, reviewed, { signals: 'raw', software: 'TwitchScope 0.1.0' });
      const file = path.join(tmp, `calf.${family}`);
      fs.writeFileSync(file, out.bytes);
      const expected = path.join(tmp, `calf.${family}.f32`);
      const n = rec.channels[0].data.length;
      const all = new Float32Array(rec.channels.length * n);
      rec.channels.forEach((c, j) => all.set(c.data, j * n));
      fs.writeFileSync(expected, Buffer.from(all.buffer));
      const mne = readWithMne(python!, file, expected, rec.channels.length);
      const ours = await importRecording(bytesSource(`calf.${family}`, out.bytes));
      expect(mne.ch_names).toEqual(['left calf EMG', 'right calf EMG']);
      expect(mne.sfreq).toBe(1000);
      expect(mne.n_times).toBe(n);
      mne.max_diff.forEach((d, j) => expect(d).toBeLessThanOrEqual(within(ours.channels[j].resolution!, ours.channels[j].range!)));
      // MNE 1.3 drops the sub-second part of the start; the date and clock time must match.
      expect(mne.meas_date).toBe('2024-05-06T21:30:15+00:00');
      const mine = ours.annotations!.map((a) => [a.onsetS, a.durationS ?? 0, a.text] as const);
      expect(mne.annotations).toHaveLength(mine.length);
      mne.annotations.forEach(([onset, duration, text], i) => {
        expect(text).toBe(mine[i][2]);
        expect(onset).toBeCloseTo(mine[i][0], 5);
        expect(duration).toBeCloseTo(mine[i][1], 5);
      });
    });
  }

  it.skipIf(!edfSamplesDir())('reads a real file the same way TwitchScope does (Sleep-EDF, BioSemi)', async () => {
    for (const name of ['short_psg.edf', 'test.bdf']) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(edfSamplesDir()!, name)));
      const rec = await importRecording(bytesSource(name, bytes));
      const fastest = rec.channels.filter((c) => c.sampleRateHz === Math.max(...rec.channels.map((x) => x.sampleRateHz)));
      // MNE resamples slower signals to the fastest rate: compare the fastest ones, sample for sample.
      const n = fastest[0].data.length;
      const all = new Float32Array(rec.channels.length * n).fill(NaN);
      rec.channels.forEach((c, j) => c.sampleRateHz === fastest[0].sampleRateHz && all.set(c.data, j * n));
      const expected = path.join(tmp, `${name}.f32`);
      fs.writeFileSync(expected, Buffer.from(all.buffer));
      const mne = readWithMne(python!, path.join(edfSamplesDir()!, name), expected, rec.channels.length);
      rec.channels.forEach((c, j) => {
        // MNE reads BioSemi's Status channel as trigger bits, not as a scaled signal.
        if (c.sampleRateHz !== fastest[0].sampleRateHz || c.label === 'Status') return;
        expect(mne.max_diff[j]).toBeLessThanOrEqual(Math.max(Math.abs(c.range!.min), Math.abs(c.range!.max)) * 2 ** -22);
      });
    }
  });
});
