import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import type { Analysis, ChannelSummary } from '../../core/analysis/types';
import type { ImportOptions } from '../../core/import';
import { importFixture } from '../import/load';

// Recordings made by others (tests/fixtures/PROVENANCE.md), and what a clinician would say of each; the
// readings come from the files' documentation and a look at the traces, not from running the detector.

async function analyse(file: string, options?: ImportOptions): Promise<Analysis> {
  return analyseRecording(await importFixture(file, options));
}

const emgChannels = (a: Analysis): ChannelSummary[] => a.summary.channels.filter((c) => a.channels.find((x) => x.id === c.channel)?.kind === 'emg');
const covered = (a: Analysis, channel: string, types: string[]): number =>
  a.events.filter((e) => e.channel === channel && types.includes(e.type)).reduce((s, e) => s + e.endS - e.startS, 0);

/** PhysioNet emgdb: two columns (time, mV) at 4 kHz, no header. */
const NEEDLE: ImportOptions = { rateHz: 4000, columns: { '1': { kind: 'other' }, '2': { kind: 'emg', unit: 'mV' } } };

describe('real recordings: what a clinician would say', () => {
  for (const [file, what] of [
    ['emg_healthy.txt', 'a healthy muscle in gentle voluntary contraction'],
    ['emg_myopathy.txt', 'a myopathic muscle, dense small potentials'],
    ['emg_neuropathy.txt', 'a neuropathic muscle, few large units firing fast'],
  ] as const) {
    it(`needle EMG of ${what}: active throughout, no twitches and no rate`, async () => {
      const a = await analyse(`physionet-emgdb/${file}`, NEEDLE);
      const [ch] = emgChannels(a);
      expect(ch.twitchCount).toBe(0);
      expect(ch.twitchesPerMinute).toBeNull();
      expect(ch.noRate).toBe('no-rest');
      expect(ch.notes).toContain('Active throughout: no rest to count twitches in.');
      expect(covered(a, ch.channel, ['activity', 'sustained'])).toBeGreaterThan(0.5 * ch.analyzedS);
      expect(typeof ch.minDetectable).toBe('number');
    });
  }

  it('PLUX surface EMG at rest: no twitches, and a floor low enough to have shown surface fasciculations', async () => {
    const a = await analyse('opensignals-plux/emg_acc_rest_0_1.txt');
    const emg = emgChannels(a);
    expect(emg).toHaveLength(2);
    for (const ch of emg) {
      expect(ch.twitchCount).toBe(0);
      expect(ch.minDetectable!).toBeLessThan(50);
      expect(ch.noRate).toBe('no-rest');
      expect(ch.notes.join(' ')).toMatch(/Only 5\.\d s of rest/);
    }
  });

  it('PLUX surface EMG while making a fist: no twitches, active throughout', async () => {
    const a = await analyse('opensignals-plux/emg_acc_fist_2_2.txt');
    for (const ch of emgChannels(a)) {
      expect(ch.twitchCount).toBe(0);
      expect(ch.noRate).toBe('no-rest');
      expect(ch.notes).toContain('Active throughout: no rest to count twitches in.');
    }
  });

  it('Grove EMG through a myDAQ, swamped by 50 Hz hum: cannot tell, no twitches', async () => {
    const grove: ImportOptions = { rateHz: 1000, columns: { '1': { kind: 'emg', unit: 'V' }, '2': { kind: 'emg', unit: 'V' }, '3': { kind: 'other' }, '4': { kind: 'other' } } };
    const a = await analyse('grove-emg-mydaq/EMG_Carl-Online-Run_2024-01-05_175708.txt', grove);
    const emg = emgChannels(a);
    expect(emg).toHaveLength(2);
    for (const ch of emg) {
      expect(ch.mainsHz).toBe(50);
      expect(ch.twitchCount).toBe(0);
      expect(ch.noRate).toBe('cannot-tell');
      expect(ch.notes.join(' ')).toMatch(/Too much mains hum left to tell/);
      expect(ch.notes.join(' ')).not.toMatch(/was found and filtered out/);
    }
  });

  it('Myo armband, rest then a fist: no twitch counted while a neighbouring channel is active (crosstalk), none in the fist', async () => {
    const channels = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`channel${i}`, { kind: 'emg' as const, unit: 'a.u.' }]));
    const a = await analyse('myo-uci-gestures/1_raw_data_13-12_22.03.16.txt', { rateHz: 1000, columns: { time: { kind: 'other' }, class: { kind: 'other' }, ...channels } });
    expect(emgChannels(a)).toHaveLength(8);
    const busy = a.events.filter((e) => e.type === 'activity' || e.type === 'sustained' || (e.type === 'artifact' && e.reason === 'motion'));
    expect(busy.length).toBeGreaterThan(4);
    for (const t of a.events.filter((e) => e.type === 'twitch')) {
      const neighbourBusy = busy.some((b) => b.channel !== t.channel && t.peakS >= b.startS - 0.25 && t.peakS < b.endS + 1);
      expect(neighbourBusy).toBe(false);
    }
    // The fist (and the movement before its label) fills the last 1.3 s on every channel.
    expect(a.events.filter((e) => e.type === 'twitch' && e.peakS > 5.5)).toEqual([]);
    expect(a.summary.channels.some((c) => c.notes.some((n) => /crosstalk/.test(n)))).toBe(true);
  });

  for (const file of [
    'T_-_POSTURAL_TREMOR_OF_THE_HANDS_-_LEFT_HAND_-_2016-10-14_10-47-37_-_f73512ccfc_-_2458.csv',
    'T_-_REST_TREMOR_AMPLITUDE_-_RIGHT_HAND_-_2016-10-14_10-52-04_-_f73512ccfc_-_2458.csv',
    'T_-_REST_TREMOR_AMPLITUDE_-_LEFT_LEG_-_2016-10-14_10-55-46_-_f73512ccfc_-_2458.csv',
  ]) {
    it(`phone accelerometer, cloudUPDRS tremor item (${file.split('_-_')[1].toLowerCase()}): no twitch, and the smallest movement it could show is stated`, async () => {
      const axes = { '2': { kind: 'accel' as const, unit: 'm/s^2' }, '3': { kind: 'accel' as const, unit: 'm/s^2' }, '4': { kind: 'accel' as const, unit: 'm/s^2' } };
      const a = await analyse(`cloudupdrs-tremor/${file}`, { rateHz: 100, columns: { '1': { kind: 'other' }, '5': { kind: 'other' }, ...axes } });
      const [acc] = a.summary.channels;
      expect(a.channels[0].kind).toBe('accel');
      expect(acc.twitchCount).toBe(0);
      expect(acc.minDetectable!).toBeGreaterThan(0);
      expect(acc.twitchesPerMinute).toBeNull();
    });
  }
});
