/**
 * Writes the example recordings in samples/ and their truth files from fixed seeds:
 * `npx tsx scripts/make-samples.ts` (add `--openbci` to also write an OpenBCI GUI v6 raw text file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { genericCsv, openBciRaw } from '../core/simulate/csv';
import { Prng } from '../core/simulate/prng';
import { simulate, type SimulationSpec } from '../core/simulate/recording';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');

const SAMPLES: SimulationSpec[] = [
  {
    name: 'calf-rest-emg',
    description:
      'Both calves at rest, surface EMG at 1 kHz for 2.5 min: scattered twitches (some doublets), a cramp-like episode of 8 s in the left calf, 50 Hz mains hum and a slow baseline drift.',
    seed: 101,
    durationS: 150,
    emg: {
      fs: 1000,
      channels: [
        {
          id: 'emg1',
          label: 'left calf EMG',
          noise: 3,
          twitchesPerMinute: 14,
          snr: [6, 60],
          doubletFraction: 0.2,
          cramps: [{ startS: 70, durationS: 8 }],
          confounders: { mains: { hz: 50, amplitude: 25 }, drift: { offset: 400, amplitude: 150 } },
        },
        {
          id: 'emg2',
          label: 'right calf EMG',
          noise: 4,
          twitchesPerMinute: 6,
          snr: [6, 40],
          doubletFraction: 0.2,
          cramps: [],
          confounders: { mains: { hz: 50, amplitude: 20 }, drift: { offset: -300, amplitude: 150 } },
        },
      ],
    },
  },
  {
    name: 'forearm-wrist-accel',
    description:
      'A wrist-worn accelerometer at 100 Hz for 5 min: rest with occasional twitches, a 50 s walk, an arm turn, and 5 s of tremor-like activity.',
    seed: 202,
    durationS: 300,
    accel: {
      fs: 100,
      sensors: [
        {
          id: 'acc1',
          label: 'right wrist acc',
          noiseDensityUg: 150,
          lsbG: 1 / 1024,
          twitchesPerMinute: 6,
          snr: [8, 60],
          walking: [{ startS: 60, durationS: 50 }],
          postureChanges: [170],
          sustained: [{ startS: 240, durationS: 5 }],
        },
      ],
    },
  },
  {
    name: 'back-emg-ecg',
    description:
      'Lower-back surface EMG at 1 kHz for 90 s with the heartbeat showing through (72 beats per minute), 60 Hz mains hum, a few twitches and two movement artifacts.',
    seed: 303,
    durationS: 90,
    emg: {
      fs: 1000,
      channels: [
        {
          id: 'emg1',
          label: 'lower back EMG',
          noise: 3,
          twitchesPerMinute: 10,
          snr: [8, 50],
          doubletFraction: 0.1,
          cramps: [],
          confounders: { ecg: { amplitude: 45, bpm: 72 }, mains: { hz: 60, amplitude: 15 }, motion: { perMinute: 1.5, amplitude: [400, 1500] } },
        },
      ],
    },
  },
];

function write(name: string, text: string): void {
  writeFileSync(join(OUT, name), text);
  console.log(`${name}: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`);
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  for (const spec of SAMPLES) {
    const { recording, truth } = simulate(spec);
    write(`${spec.name}.csv`, genericCsv(recording.channels, { source: 'twitchscope simulator (scripts/make-samples.ts)', seed: String(spec.seed) }, { uV: 1, g: 4 }));
    write(`${spec.name}.truth.json`, JSON.stringify(truth, null, 1) + '\n');
  }
  if (process.argv.includes('--openbci')) {
    const spec: SimulationSpec = { ...SAMPLES[0], name: 'calf-rest-openbci', durationS: 60, emg: { ...SAMPLES[0].emg!, fs: 250 } };
    const { recording, truth } = simulate(spec);
    const rng = new Prng(spec.seed);
    write('calf-rest-openbci.txt', openBciRaw(recording.channels, [], Date.UTC(2026, 0, 5, 21, 30), () => 4 * rng.gaussian()));
    write('calf-rest-openbci.truth.json', JSON.stringify(truth, null, 1) + '\n');
  }
}

main();
