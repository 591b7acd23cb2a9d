import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { findMains, foldedHz, mainsLocking } from '../../core/dsp/mains';
import { welchSpectrum } from '../../core/dsp/spectrum';
import { addMains } from '../../core/simulate/interference';
import { Prng } from '../../core/simulate/prng';
import { simulate } from '../../core/simulate/recording';
import { emgScenario } from '../../core/simulate/scenarios';
import { scoreTwitches } from '../../core/simulate/score';
import { emgRecording, spike } from './helpers';

const FS = 1000;
const SECONDS = 120;
/** Twitches of 40 µV every 2.5 s, off any mains rhythm (the jitter is irrational in mains periods). */
const TIMES = Array.from({ length: 44 }, (_, i) => 3 + i * 2.5 + 0.37 * Math.sin(i * 1.7));

/** 60 Hz hum of 150 µV with harmonics to the 25th folding back, optionally waxing and waning, over 3 µV noise. */
function humRecording(modulated: boolean, withTwitches = true) {
  return emgRecording(FS, SECONDS, 3, 2, (y) => {
    addMains(y, FS, { hz: 60, amplitude: 150, aliased: true, modulated }, new Prng(9));
    if (withTwitches) for (const t of TIMES) spike(y, FS, t, 40);
  });
}

const found = (a: ReturnType<typeof analyseRecording>): number =>
  TIMES.filter((t) => a.events.some((e) => e.type === 'twitch' && Math.abs(e.peakS - t) < 0.05)).length;

describe('mains as it really arrives', () => {
  it('finds harmonics folded back from above Nyquist where they land', () => {
    const rec = humRecording(false, false);
    const mains = findMains(welchSpectrum(rec.channels[0].data, FS, 1024, 16)!, { fs: FS, minHz: 20, maxHz: 450, minProminence: 6, maxHarmonic: 40 });
    expect(mains.mainsHz).toBe(60);
    const folded = mains.lines.filter((l) => l.aliased);
    expect(folded.length).toBeGreaterThan(3);
    // The 9th harmonic (540 Hz) lands at 460 Hz, beyond the band; the 11th (660 Hz) at 340 Hz.
    expect(foldedHz(660, FS)).toBe(340);
    expect(folded.find((l) => l.harmonic === 11)?.freqHz).toBeCloseTo(340, 0);
  });

  it('steady hum: the twitches under folded harmonics are found, no other, and the hum is said to be filtered out', () => {
    const a = analyseRecording(humRecording(false));
    expect(found(a)).toBeGreaterThanOrEqual(Math.ceil(0.9 * TIMES.length));
    expect(a.events.filter((e) => e.type === 'twitch').length - found(a)).toBeLessThanOrEqual(1);
    expect(a.events.filter((e) => e.type === 'sustained')).toEqual([]);
    const ch = a.summary.channels[0];
    expect(ch.mainsHz).toBe(60);
    expect(ch.noRate).toBeUndefined();
    expect(ch.notes.join(' ')).toMatch(/folded back from above the sampling limit\) was found and filtered out/);
  });

  it('hum that waxes and wanes: no false twitch or cramp, and either the twitches are found or the channel says it cannot tell', () => {
    const a = analyseRecording(humRecording(true));
    expect(a.events.filter((e) => e.type === 'twitch').length - found(a)).toBeLessThanOrEqual(1);
    expect(a.events.filter((e) => e.type === 'sustained' || e.type === 'activity')).toEqual([]);
    const ch = a.summary.channels[0];
    if (found(a) < 0.9 * TIMES.length) {
      expect(ch.noRate).toBe('cannot-tell');
      expect(ch.notes.join(' ')).toMatch(/some is left/);
    }
  });

  it('at 250 Hz, 60 Hz hum folds across the whole band: the channel says it cannot tell and lists its twitch-like events as noise; hum without folded harmonics, or folded hum at 500 Hz, still gives a rate', () => {
    const at = (fs: number, aliased: boolean) =>
      analyseRecording(
        emgRecording(fs, SECONDS, 3, 2, (y) => {
          addMains(y, fs, { hz: 60, amplitude: 60, aliased }, new Prng(9));
          for (const t of TIMES) spike(y, fs, t, 60);
        }),
      );
    const a = at(250, true);
    const folded = a.summary.channels[0];
    expect(folded.noRate).toBe('cannot-tell');
    expect(folded.twitchesPerMinute).toBeNull();
    expect(folded.notes.join(' ')).toMatch(/fold back across the band.*the twitch-like events are listed as noise\./);
    expect(folded.notes.join(' ')).not.toMatch(/filtered out/);
    // What filtering leaves of folded hum looks like twitches: none is listed as one, and none is hidden.
    expect(a.events.filter((e) => e.type === 'twitch')).toEqual([]);
    expect(folded.twitchCount).toBe(0);
    expect(a.events.filter((e) => e.type === 'artifact' && e.reason === 'noise').length).toBeGreaterThan(TIMES.length / 2);
    for (const ch of [at(250, false), at(500, true)].map((x) => x.summary.channels[0])) {
      expect(ch.noRate).toBeUndefined();
      expect(ch.twitchesPerMinute).not.toBeNull();
    }
  });

  it('hum that waxes and wanes, left over but neither hiding twitches nor keeping step with them: a rate is given and the twitches are found', () => {
    let rates = 0;
    let found = 0;
    let scored = 0;
    let falseTwitches = 0;
    for (const seed of [11, 12, 13]) {
      const { recording, truth } = simulate(emgScenario({ fs: 2000, seed, durationS: 120, channels: 2, confounders: ['modulated-mains'] }));
      const a = analyseRecording(recording);
      rates += a.summary.channels.filter((c) => c.twitchesPerMinute !== null).length;
      const s = scoreTwitches(truth.events, a.events, 0.05, 6);
      found += s.truePositives;
      scored += s.truePositives + s.falseNegatives;
      falseTwitches += s.falsePositives;
      // Some hum is left on each of them: the note never claims it was all filtered out.
      for (const c of a.summary.channels) expect(c.notes.join(' ')).toMatch(/some is left/);
    }
    // Before, hum left holding 10 % of the band was enough for "cannot tell": 1 of these 6 channels had a rate.
    expect(rates).toBe(6);
    expect(found).toBeGreaterThan(0.95 * scored);
    expect(falseTwitches).toBeLessThanOrEqual(1);
  });

  it('events in step with the mains cycle are told from events at any phase of it', () => {
    const fs = 250;
    const rng = new Prng(3);
    const x = new Float32Array(fs * 60);
    for (let i = 0; i < x.length; i++) x[i] = 1000 + 80 * Math.sin((2 * Math.PI * 60 * i) / fs + 0.3) + 5 * rng.gaussian();
    const anyPhase = Array.from({ length: 60 }, () => Math.floor(rng.uniform(20, x.length - 20)));
    // One sample per mains cycle at the same phase: where hum leftovers peak.
    const inStep = Array.from({ length: 60 }, (_, k) => Math.round(((k * 47 + 0.1) * fs) / 60));
    expect(mainsLocking(x, anyPhase, fs, 60)).toBeLessThan(5);
    expect(mainsLocking(x, inStep, fs, 60)).toBeGreaterThan(30);
  });
});
