import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { importRecording, textSource } from '../../core/import/index';
import { genericCsv, openBciRaw } from '../../core/simulate/csv';
import { simulate } from '../../core/simulate/recording';
import { emgScenario } from '../../core/simulate/scenarios';
import { scoreTwitches } from '../../core/simulate/score';

describe('simulated files through the importer', () => {
  const { recording, truth } = simulate(emgScenario({ fs: 1000, seed: 11, durationS: 90, channels: 2, confounders: ['mains', 'missing'] }));

  it('generic CSV: same channels, and the twitches are found where the truth puts them', async () => {
    const imported = await importRecording(textSource('sim.csv', genericCsv(recording.channels)));
    expect(imported.channels.map((c) => [c.kind, c.unit, c.sampleRateHz, c.data.length])).toEqual(
      recording.channels.map((c) => ['emg', 'uV', 1000, c.data.length]),
    );
    const a = analyseRecording(imported);
    const byIndex = a.events.map((e) => ({ ...e, channel: recording.channels[imported.channels.findIndex((c) => c.id === e.channel)].id }));
    const s = scoreTwitches(truth.events, byIndex);
    expect(s.truePositives / (s.truePositives + s.falseNegatives)).toBeGreaterThan(0.9);
    expect(s.falsePositives).toBeLessThanOrEqual(2);
    expect(a.summary.channels.every((c) => c.mainsHz !== null)).toBe(true);
  });

  it('OpenBCI GUI v6 raw text: read as OpenBCI with eight EXG channels at the simulated rate', async () => {
    const imported = await importRecording(textSource('OpenBCI-RAW-sim.txt', openBciRaw(recording.channels, [], Date.UTC(2026, 0, 1), (c, i) => Math.sin(c + i))));
    expect(imported.format).toMatch(/openbci/);
    const emg = imported.channels.filter((c) => c.kind === 'emg');
    expect(emg).toHaveLength(8);
    expect(emg[0].sampleRateHz).toBeCloseTo(1000, 3);
    expect(emg[0].data[5]).toBeCloseTo(recording.channels[0].data[5], 2);
  });
});
