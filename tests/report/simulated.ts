/**
 * Simulated recordings with known events, and the analysis a perfect detector would give for them, so
 * report tests know every count in advance. Real sample files are used where they exist (see pdf.test.ts).
 */
import { summariseSites } from '../../core/analysis/site-summary';
import type { Analysis, AnalysedChannel, ChannelSummary, DetectedEvent } from '../../core/analysis/types';
import type { Channel, Recording, SensorGroup } from '../../core/recording';
import { simulateAccel } from '../../core/simulate/accel';
import { simulateEmg } from '../../core/simulate/emg';
import type { TruthEvent } from '../../core/simulate/truth';
import { resolveParams } from '../../core/detect/params';

export interface SimEmg {
  id: string;
  label: string;
  site: string;
  twitchesPerMinute: number;
  cramps?: Array<{ startS: number; durationS: number }>;
}

export interface SimAcc {
  id: string;
  label: string;
  site: string;
  twitchesPerMinute: number;
}

export interface SimSpec {
  file: string;
  durationS: number;
  /** EMG sample rate; default 2000 Hz. */
  emgRateHz?: number;
  seed: number;
  emg: SimEmg[];
  acc?: SimAcc[];
}

export interface Simulated {
  recording: Recording;
  analysis: Analysis;
}

export function simulateRecording(spec: SimSpec): Simulated {
  const channels: Channel[] = [];
  const sensors: SensorGroup[] = [];
  const analysed: AnalysedChannel[] = [];
  const truth: TruthEvent[] = [];
  spec.emg.forEach((e, i) => {
    const fs = spec.emgRateHz ?? 2000;
    const sim = simulateEmg({
      id: e.id,
      fs,
      durationS: spec.durationS,
      seed: spec.seed + i,
      noise: 4,
      twitchesPerMinute: e.twitchesPerMinute,
      snr: [8, 60],
      doubletFraction: 0.1,
      cramps: e.cramps ?? [],
      confounders: { mains: { hz: 50, amplitude: 3 } },
    });
    channels.push({ id: e.id, label: e.label, kind: 'emg', unit: 'uV', sampleRateHz: fs, startS: 0, data: sim.data });
    analysed.push({ id: e.id, label: e.label, kind: 'emg', unit: 'uV', sampleRateHz: fs, site: e.site });
    truth.push(...sim.truth);
  });
  (spec.acc ?? []).forEach((a, i) => {
    const fs = 100;
    const sim = simulateAccel({
      id: a.id,
      fs,
      durationS: spec.durationS,
      seed: spec.seed + 100 + i,
      noiseDensityUg: 120,
      lsbG: 1 / 4096,
      twitchesPerMinute: a.twitchesPerMinute,
      snr: [8, 30],
      walking: [],
      postureChanges: [],
      sustained: [],
    });
    const ids = (['x', 'y', 'z'] as const).map((ax) => `${a.id}.${ax}`);
    (['x', 'y', 'z'] as const).forEach((ax, k) => {
      channels.push({ id: ids[k], label: `${a.label} ${ax} (g)`, kind: 'accel', unit: 'g', sampleRateHz: fs, startS: 0, data: sim.axes[k], sensor: a.id, axis: ax });
    });
    sensors.push({ id: a.id, label: a.label, kind: 'accel', channelIds: ids, axes: ['x', 'y', 'z'] });
    analysed.push({ id: a.id, label: a.label, kind: 'accel', unit: 'g', sampleRateHz: fs, site: a.site, axes: ['x', 'y', 'z'] });
    truth.push(...sim.truth);
  });

  const events: DetectedEvent[] = truth
    .filter((t) => t.type === 'twitch' || t.type === 'sustained')
    .map((t) => ({
      channel: t.channel,
      type: t.type,
      startS: t.startS,
      endS: t.endS,
      peakS: t.peakS,
      amplitude: t.amplitude,
      snr: t.snr,
      ...(t.multiplet ? { multiplet: t.multiplet } : {}),
      ...(t.type === 'sustained' ? { amplitude: 240, snr: 60, rms: 60, density: 14 } : {}),
    }))
    .sort((a, b) => a.startS - b.startS);
  const summaries: ChannelSummary[] = analysed.map((c) => {
    const mine = events.filter((e) => e.channel === c.id);
    const sustainedS = mine.filter((e) => e.type === 'sustained').reduce((s, e) => s + e.endS - e.startS, 0);
    const twitchCount = mine.filter((e) => e.type === 'twitch').length;
    const restS = spec.durationS - sustainedS;
    return {
      channel: c.id,
      site: c.site,
      analyzedS: spec.durationS,
      restS,
      twitchCount,
      twitchesPerMinute: (twitchCount * 60) / restS,
      sustainedCount: mine.filter((e) => e.type === 'sustained').length,
      sustainedS,
      noiseFloor: c.kind === 'emg' ? 4 : 0.0012,
      mainsHz: c.kind === 'emg' ? 50 : null,
      excludedS: 0,
      ...(c.kind === 'accel' ? { minDetectable: 0.008 } : {}),
      notes: c.kind === 'accel' ? ['Twitches below about 8 mg are not visible at this noise level.'] : [],
    };
  });

  const recording: Recording = {
    file: spec.file,
    format: 'generic-csv',
    formatName: 'Generic CSV (time_s + channels)',
    startTime: '2026-03-14T21:40:00Z',
    durationS: spec.durationS,
    channels,
    sensors,
    warnings: [],
    timing: [],
    sizeBytes: 0,
    fingerprint: 'sim',
    meta: {},
  };
  const analysis: Analysis = {
    channels: analysed,
    events,
    summary: { channels: summaries, sites: summariseSites(summaries) },
    parameters: {
      sensitivity: 0.5,
      // Every detector setting a real analysis records, so Methods can state each one.
      emg: { ...resolveParams().emg, bandLowHz: 20, bandHighHz: 450, filterOrder: 4, notchQ: 30, twitchK: 5, minSnr: 6, maxPotentialMs: 40, multipletGapMs: 110, isolationMs: 250, sustainedBinK: 3, sustainedOn: 0.6, sustainedBinMs: 25, sustainedMinS: 1 },
      accel: { bandLowHz: 5, bandHighHz: 45, twitchK: 6, moveOnG: 0.015, moveLowHz: 0.5, moveHighHz: 5, sustainedMinS: 2 },
      sources: { 'emg.bandLowHz': 'SENIAM (Hermens et al. 2000)', 'emg.twitchK': 'Bashford et al. 2019', 'emg.sustainedBinK': 'Hodges & Bui 1996' },
    },
  };
  return { recording, analysis };
}

/** A 10-minute calf and forearm session with two cramps, and a wrist accelerometer. */
export function calfSession(): Simulated {
  return simulateRecording({
    file: 'calf-session.csv',
    durationS: 600,
    seed: 11,
    emg: [
      { id: 'emg1', label: 'left calf EMG (uV)', site: 'left calf', twitchesPerMinute: 3, cramps: [{ startS: 200, durationS: 25 }, { startS: 420, durationS: 40 }] },
      { id: 'emg2', label: 'right forearm EMG (uV)', site: 'right forearm', twitchesPerMinute: 0.6 },
    ],
    acc: [{ id: 'acc1', label: 'wrist acc', site: 'right forearm', twitchesPerMinute: 1 }],
  });
}

/** A 30-minute three-site session where most twitches are in one calf, plus a tongue channel. */
export function threeSiteSession(): Simulated {
  return simulateRecording({
    file: 'three-sites-overnight.csv',
    durationS: 1800,
    seed: 29,
    emg: [
      { id: 'emg1', label: 'right calf EMG (uV)', site: 'right calf', twitchesPerMinute: 8, cramps: [{ startS: 300, durationS: 12 }, { startS: 900, durationS: 30 }, { startS: 1500, durationS: 70 }] },
      { id: 'emg2', label: 'left thigh EMG (uV)', site: 'left thigh', twitchesPerMinute: 0.5 },
      { id: 'emg3', label: 'tongue EMG (uV)', site: 'tongue', twitchesPerMinute: 0.3 },
    ],
  });
}

/**
 * The EMG channels as a generic TwitchScope CSV (`time_s` + one column per channel), the way a user would
 * load them, so tests can run the real importer and detector on data with known content.
 */
export function toGenericCsv(rec: Recording): string {
  const emg = rec.channels.filter((c) => c.kind === 'emg');
  const fs = emg[0].sampleRateHz;
  const lines = [`# rate_hz = ${fs}`, ['time_s', ...emg.map((c) => c.label)].join(',')];
  const n = emg[0].data.length;
  for (let i = 0; i < n; i++) {
    let row = (i / fs).toFixed(4);
    for (const c of emg) row += `,${c.data[i].toFixed(2)}`;
    lines.push(row);
  }
  return lines.join('\n') + '\n';
}
