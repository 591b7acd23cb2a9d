import type { Channel, Recording, SensorGroup } from '../recording';
import { simulateAccel, type AccelSimOptions } from './accel';
import { simulateEmg, type EmgSimOptions } from './emg';
import type { Truth, TruthChannel } from './truth';

export type EmgChannelSpec = Omit<EmgSimOptions, 'fs' | 'durationS' | 'seed'> & { label: string };
export type AccelSensorSpec = Omit<AccelSimOptions, 'fs' | 'durationS' | 'seed'> & { label: string };

/** A whole simulated recording: EMG channels at one rate and accelerometer sensors at another. */
export interface SimulationSpec {
  name: string;
  description: string;
  seed: number;
  durationS: number;
  emg?: { fs: number; channels: EmgChannelSpec[] };
  accel?: { fs: number; sensors: AccelSensorSpec[] };
}

export interface Simulation {
  recording: Recording;
  truth: Truth;
}

const AXES = ['x', 'y', 'z'] as const;

/** Builds the Recording in memory (what the importer would return) together with its truth. */
export function simulate(spec: SimulationSpec): Simulation {
  const channels: Channel[] = [];
  const sensors: SensorGroup[] = [];
  const truth: Truth = { schema: 'twitchscope.truth/1', seed: spec.seed, description: spec.description, durationS: spec.durationS, channels: [], events: [] };
  let k = 0;
  for (const c of spec.emg?.channels ?? []) {
    const fs = spec.emg!.fs;
    const sim = simulateEmg({ ...c, fs, durationS: spec.durationS, seed: spec.seed * 1009 + ++k });
    channels.push({ id: c.id, label: c.label, kind: 'emg', unit: 'uV', sampleRateHz: fs, startS: 0, data: sim.data, ...(sim.range ? { range: sim.range } : {}) });
    truth.channels.push(truthChannel(c.id, c.label, 'emg', fs, c.noise));
    truth.events.push(...sim.truth);
  }
  for (const s of spec.accel?.sensors ?? []) {
    const fs = spec.accel!.fs;
    const sim = simulateAccel({ ...s, fs, durationS: spec.durationS, seed: spec.seed * 1009 + ++k });
    const ids = AXES.map((a) => `${s.id}.${a}`);
    AXES.forEach((axis, i) =>
      channels.push({
        id: ids[i],
        label: `${s.label} ${axis}`,
        kind: 'accel',
        unit: 'g',
        sampleRateHz: fs,
        startS: 0,
        data: sim.axes[i],
        sensor: s.id,
        axis,
        ...(s.lsbG > 0 ? { resolution: s.lsbG } : {}),
      }),
    );
    sensors.push({ id: s.id, label: s.label, kind: 'accel', channelIds: ids, axes: [...AXES] });
    truth.channels.push(truthChannel(s.id, s.label, 'accel', fs, sim.noise));
    truth.events.push(...sim.truth);
  }
  truth.events.sort((a, b) => a.startS - b.startS);
  const recording: Recording = {
    file: `${spec.name}.csv`,
    format: 'simulated',
    formatName: 'Simulated recording',
    startTime: null,
    durationS: spec.durationS,
    channels,
    sensors,
    warnings: [],
    timing: channels.map((c) => ({ channelId: c.id, medianIntervalS: 1 / c.sampleRateHz, jitter: 0, gaps: 0, gapS: 0, duplicates: 0, nonMonotonic: 0 })),
    sizeBytes: 0,
    fingerprint: `simulated:${spec.name}:${spec.seed}`,
    meta: { simulator: 'twitchscope', seed: String(spec.seed) },
  };
  return { recording, truth };
}

function truthChannel(id: string, label: string, kind: 'emg' | 'accel', fs: number, noise: number): TruthChannel {
  return { id, label, kind, sampleRateHz: fs, noise };
}
