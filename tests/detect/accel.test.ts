import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, importRecording } from '../../core/import';
import { analyseRecording } from '../../core/analysis/analyse';
import { nothingTells } from '../../core/analysis/site-summary';
import { buildReportHtml } from '../../core/report/index';
import { simulate } from '../../core/simulate/recording';
import { pocketScenario } from '../../core/simulate/scenarios';
import { scoreTwitches, twitchesDuringMovement } from '../../core/simulate/score';
import { isImpact, isJolt, KnockScratch, leavesTilted } from '../../core/detect/accel-impact';
import { detectAccel } from '../../core/detect/accel';
import { bandpassDesign } from '../../core/dsp/design-cache';
import { ZeroPhaseFilter } from '../../core/dsp/filtfilt';
import { resolveParams } from '../../core/detect/params';
import { Prng } from '../../core/simulate/prng';

function wrist(fs: number, seed: number) {
  return simulate({
    name: 'wrist',
    description: 'test',
    seed,
    durationS: 300,
    accel: {
      fs,
      sensors: [
        {
          id: 'acc1',
          label: 'right wrist acc',
          noiseDensityUg: 150,
          lsbG: 1 / 1024,
          twitchesPerMinute: 8,
          snr: [15, 60],
          walking: [{ startS: 60, durationS: 40 }],
          postureChanges: [150],
          sustained: [{ startS: 230, durationS: 6 }],
        },
      ],
    },
  });
}

describe('accelerometer', () => {
  it('marks walking as movement, counts no twitch while walking, and finds the twitches at rest', () => {
    const { recording, truth } = wrist(100, 1);
    const a = analyseRecording(recording);
    const moves = a.events.filter((e) => e.type === 'movement');
    expect(moves.some((m) => m.startS <= 61 && m.endS >= 99)).toBe(true);
    expect(moves.some((m) => m.startS <= 151 && m.endS >= 151)).toBe(true);
    expect(twitchesDuringMovement(truth.events, a.events)).toBe(0);
    const s = scoreTwitches(truth.events, a.events, 0.05, 6);
    expect(s.truePositives).toBeGreaterThan(0.9 * (s.truePositives + s.falseNegatives));
    expect(s.falsePositives).toBeLessThanOrEqual(1);
  });

  it('calls prolonged 8-30 Hz activity sustained, with its boundaries within 0.5 s', () => {
    const { recording } = wrist(100, 2);
    const sustained = analyseRecording(recording).events.filter((e) => e.type === 'sustained');
    expect(sustained).toHaveLength(1);
    expect(Math.abs(sustained[0].startS - 230)).toBeLessThan(0.5);
    expect(Math.abs(sustained[0].endS - 236)).toBeLessThan(0.5);
  });

  it('states the smallest transient it could have seen, larger at 32 Hz than at 100 Hz, and warns about slow sampling', () => {
    const fast = analyseRecording(wrist(100, 3).recording).summary.channels[0];
    const slow = analyseRecording(wrist(32, 3).recording).summary.channels[0];
    expect(fast.minDetectable).toBeGreaterThan(0.002);
    expect(fast.minDetectable).toBeLessThan(0.02);
    expect(slow.minDetectable!).toBeGreaterThan(fast.minDetectable!);
    expect(fast.notes.join(' ')).toMatch(/smallest brief movement/);
    expect(slow.notes.join(' ')).toMatch(/32 Hz/);
    expect(slow.notes.join(' ')).toMatch(/missed/);
  });

  it('rest time leaves out movement', () => {
    const { recording } = wrist(50, 4);
    const s = analyseRecording(recording).summary.channels[0];
    expect(s.restS).toBeLessThan(300 - 40);
    expect(s.excludedS).toBeGreaterThan(40);
    expect(s.twitchesPerMinute).toBeCloseTo((s.twitchCount * 60) / s.restS, 6);
  });
});

describe('accelerometer knocks and fidgets are movement, not twitches', () => {
  it('a phone in a pocket at 400 Hz: no knock is counted, and the twitches at rest are still found', () => {
    let knocksCounted = 0;
    let found = 0;
    let scored = 0;
    for (const seed of [7, 8]) {
      const { recording, truth } = simulate(pocketScenario({ fs: 400, seed, durationS: 600 }));
      const a = analyseRecording(recording);
      knocksCounted += twitchesDuringMovement(truth.events, a.events);
      const s = scoreTwitches(truth.events, a.events, 0.05, 6);
      found += s.truePositives;
      scored += s.truePositives + s.falseNegatives;
      expect(truth.events.filter((e) => e.reason === 'knock').length).toBeGreaterThan(8);
      // At 400 Hz the contact's energy above the twitch band shows: the channel gives a rate.
      expect(a.summary.channels[0].noRate).toBeUndefined();
      expect(a.summary.channels[0].twitchesPerMinute).not.toBeNull();
    }
    // Knocks that ring on the thigh (core/simulate/knocks.ts): 15 of 42 counted before the tilt test and the
    // clusters, 3 after, 0 with the jolt test.
    expect(knocksCounted).toBe(0);
    expect(found).toBeGreaterThan(0.9 * scored);
  });

  it('a phone in a pocket at 100 Hz cannot tell a knock from a twitch: it lists no twitch, and each true twitch at rest lies in a listed brief movement', () => {
    let shown = 0;
    let atRest = 0;
    for (const seed of [7, 8, 9, 10, 11, 12]) {
      const { recording, truth } = simulate(pocketScenario({ fs: 100, seed, durationS: 600 }));
      const a = analyseRecording(recording);
      expect(a.events.filter((e) => e.type === 'twitch')).toHaveLength(0);
      expect(a.summary.channels[0].twitchCount).toBe(0);
      const moves = a.events.filter((e) => e.type === 'movement');
      const rest = truth.events.filter((e) => e.type === 'twitch' && e.snr >= 6 && !truth.events.some((m) => m.type === 'movement' && e.peakS >= m.startS - 1 && e.peakS <= m.endS + 1));
      atRest += rest.length;
      shown += rest.filter((e) => moves.some((m) => e.peakS >= m.startS - 0.05 && e.peakS <= m.endS + 0.05)).length;
    }
    // Knocks that ring on the thigh, in clusters, half of them tilting the phone (core/simulate/knocks.ts), and
    // twitches that move the phone through the same soft tissue (core/simulate/accel.ts `throughMount`) ring
    // alike at 100 Hz: counting the transients the knock tests let through as twitches gave 6.4 false per hour
    // (README, accuracy). None is hidden: the user still sees where each one was (101 of the 103 at rest).
    expect(atRest).toBeGreaterThan(40);
    expect(shown).toBeGreaterThan(0.9 * atRest);
  });

  it('a device moving loosely at 100 Hz (knocks found) cannot tell a knock from a twitch under it: no rate, one plain note; a strapped one walking keeps its rate', () => {
    for (const seed of [3, 4]) {
      const rec = simulate(pocketScenario({ fs: 100, seed, durationS: 600 })).recording;
      const a = analyseRecording(rec);
      const ch = a.summary.channels[0];
      const html = buildReportHtml({ recording: rec, analysis: a, answers: {}, software: { name: 'TwitchScope', version: 'test' }, generatedAt: '2026-01-01T00:00:00Z' });
      // The report's summary names the accelerometer's own reasons, never an EMG one.
      expect(html).toContain('cannot tell: on every channel the device moved loosely, and its knocks could pass for brief movements');
      expect(html).not.toMatch(/mains hum could hide/);
      expect(ch.twitchesPerMinute).toBeNull();
      expect(ch.noRate).toBe('cannot-tell');
      expect(ch.notes.filter((n) => n.startsWith('Moved loosely:')).length).toBe(1);
      expect(ch.notes.find((n) => n.startsWith('Moved loosely:'))).toMatch(/knocks were found.*at 100 Hz a knock and a twitch under the device look alike\. No twitch rate is given\. The \d+ brief movements it could not sort are listed as movement: each may be a knock or a twitch\./);
      // The app's header then says "cannot tell" instead of a count of 0.
      expect(nothingTells(a.summary.channels)).toBe(true);
      const walk = analyseRecording(wrist(100, seed).recording).summary.channels[0];
      expect(nothingTells([walk])).toBe(false);
      expect(walk.noRate).toBeUndefined();
      expect(walk.twitchesPerMinute).not.toBeNull();
    }
  });

  it('the impact test: a two-sample impulse is an impact, a 25 Hz twitch of the same size is not, nor is noise', () => {
    const fs = 100;
    const p = resolveParams().accel;
    const rng = new Prng(3);
    const n = 400;
    const noisy = (): Float32Array[] => [0, 1, 2].map((k) => Float32Array.from({ length: n }, () => (k === 2 ? 1 : 0) + 0.002 * rng.gaussian()));
    const knock = noisy();
    knock[0][200] += 0.05;
    knock[1][200] += 0.03;
    knock[0][201] += 0.03;
    knock[1][201] += 0.02;
    expect(isImpact(knock, 200, fs, p, new KnockScratch())).toBe(true);
    const twitch = noisy();
    for (let i = 0; i < 30; i++) twitch[0][199 + i] += 0.06 * Math.exp(-i / (0.02 * fs)) * Math.sin((2 * Math.PI * 25 * i) / fs + Math.PI / 4);
    expect(isImpact(twitch, 200, fs, p, new KnockScratch())).toBe(false);
    expect(isImpact(noisy(), 200, fs, p, new KnockScratch())).toBe(false);
  });

  it('every twitch counted is at or above the stated smallest movement, and the note states that figure', () => {
    const { recording } = simulate(pocketScenario({ fs: 100, seed: 9, durationS: 600 }));
    const a = analyseRecording(recording);
    const ch = a.summary.channels[0];
    for (const e of a.events.filter((x) => x.type === 'twitch')) expect(e.amplitude).toBeGreaterThanOrEqual(ch.minDetectable!);
    expect(ch.notes.some((n) => n.includes(`about ${Math.round(ch.minDetectable! * 1000)} mg`))).toBe(true);
  });

  it('the jolt test: at 400 Hz a 4 ms contact before a 12 Hz ring is an impact, a 25 Hz twitch of the same size is not; at 100 Hz it stays silent', () => {
    const p = resolveParams().accel;
    const rng = new Prng(6);
    const sigma = 0.001;
    const make = (fs: number, wave: (t: number) => number): Float32Array[] => {
      const axes = [0, 1, 2].map((k) => Float32Array.from({ length: 2 * fs }, () => (k === 2 ? 1 : 0) + sigma * rng.gaussian()));
      for (let i = fs; i < 2 * fs; i++) {
        const v = wave((i - fs) / fs);
        axes[0][i] += 0.8 * v;
        axes[1][i] += 0.6 * v;
      }
      return axes;
    };
    const knock = (t: number): number => (t < 0.004 ? 0.1 * Math.sin((Math.PI * t) / 0.004) : 0) - 0.03 * Math.exp(-t / 0.08) * Math.sin(2 * Math.PI * 12 * t);
    const twitch = (t: number): number => 0.03 * Math.exp(-t / 0.02) * Math.sin(2 * Math.PI * 25 * t);
    // The band amplitude of both is about 30 mg: 30 times the noise.
    expect(isJolt(make(400, knock), 400 + 4, 400, 0.03, sigma, p)).toBe(true);
    expect(isJolt(make(400, twitch), 400 + 4, 400, 0.03, sigma, p)).toBe(false);
    expect(isJolt(make(400, () => 0), 400 + 4, 400, 0.03, sigma, p)).toBe(false);
    expect(isJolt(make(100, knock), 100 + 1, 100, 0.03, sigma, p)).toBe(false);
  });

  it('a cluster of knocks that rings for seconds is movement, not prolonged activity', () => {
    let onKnocks = 0;
    let knockSpans = 0;
    for (const seed of [1, 2, 3]) {
      const { recording, truth } = simulate(pocketScenario({ fs: 100, seed, durationS: 900 }));
      const a = analyseRecording(recording);
      const knocks = truth.events.filter((e) => e.reason === 'knock');
      const hit = (e: { startS: number; endS: number }) => knocks.some((k) => k.startS < e.endS && k.endS > e.startS);
      onKnocks += a.events.filter((e) => e.type === 'sustained' && hit(e)).length;
      knockSpans += a.events.filter((e) => e.type === 'movement' && hit(e)).length;
    }
    // Before: 6 sustained spans over knock clusters in these three recordings.
    expect(onKnocks).toBe(0);
    expect(knockSpans).toBeGreaterThan(10);
  });

  it('a leg bouncing at 3-6 Hz for seconds is movement, not prolonged activity; 8-30 Hz activity stays sustained', () => {
    let onBounces = 0;
    let bounceMoves = 0;
    for (const seed of [5, 12]) {
      const { recording, truth } = simulate(pocketScenario({ fs: 100, seed, durationS: 900 }));
      const a = analyseRecording(recording);
      const bounces = truth.events.filter((e) => e.reason === 'fidget' && e.endS - e.startS > 2);
      const hit = (e: { startS: number; endS: number }) => bounces.some((k) => k.startS < e.endS && k.endS > e.startS);
      onBounces += a.events.filter((e) => e.type === 'sustained' && hit(e)).length;
      bounceMoves += a.events.filter((e) => e.type === 'movement' && hit(e)).length;
    }
    // Before: one bounce in each of these recordings was called sustained (band-passed mean frequency 6.4-6.9 Hz;
    // simulated 8-30 Hz activity gives 13-23 Hz).
    expect(onBounces).toBe(0);
    expect(bounceMoves).toBeGreaterThanOrEqual(2);
    const { recording, truth } = wrist(100, 4);
    const sustained = truth.events.filter((e) => e.type === 'sustained');
    const found = analyseRecording(recording).events.filter((e) => e.type === 'sustained');
    expect(sustained.length).toBeGreaterThan(0);
    for (const t of sustained) expect(found.some((e) => e.startS < t.endS && e.endS > t.startS)).toBe(true);
  });

  it('the tilt test: a knock that leaves gravity 0.5 degrees turned is movement; a twitch 20 times the noise that returns is not', () => {
    const fs = 100;
    const p = resolveParams().accel;
    const rng = new Prng(5);
    const n = 400;
    const sigma = 0.002;
    const noisy = (): Float32Array[] => [0, 1, 2].map((k) => Float32Array.from({ length: n }, () => (k === 2 ? 1 : 0) + sigma * rng.gaussian()));
    const knocked = noisy();
    const turn = (0.5 * Math.PI) / 180;
    for (let i = 200; i < n; i++) knocked[0][i] += turn * Math.min(1, (i - 200) / 10);
    expect(leavesTilted(knocked, 200, fs, sigma, p, new KnockScratch())).toBe(true);
    const twitch = noisy();
    for (let i = 0; i < 30; i++) twitch[0][199 + i] += 20 * sigma * Math.exp(-i / (0.03 * fs)) * Math.sin((2 * Math.PI * 12 * i) / fs);
    expect(leavesTilted(twitch, 200, fs, sigma, p, new KnockScratch())).toBe(false);
    expect(leavesTilted(noisy(), 200, fs, sigma, p, new KnockScratch())).toBe(false);
    // 0.1 degrees (1.7 mg) is under the 3 mg a rocked phone is held to.
    const nudged = noisy();
    for (let i = 200; i < n; i++) nudged[1][i] += (0.1 * Math.PI) / 180;
    expect(leavesTilted(nudged, 200, fs, sigma, p, new KnockScratch())).toBe(false);
  });

  it('a twitch-like transient 0.6 s after a knock is part of its cluster; the same one alone is a twitch', () => {
    const fs = 100;
    const n = 60 * fs;
    const rng = new Prng(9);
    const sigma = 0.002;
    const axes = [0, 1, 2].map((k) => Float32Array.from({ length: n }, () => (k === 2 ? 1 : 0) + sigma * rng.gaussian()));
    // A two-sample impact at 20 s (the impact test's own case) ...
    axes[0][2000] += 0.05;
    axes[1][2000] += 0.03;
    axes[0][2001] += 0.03;
    axes[1][2001] += 0.02;
    // ... and the same 15 Hz twitch-like movement 0.6 s after it and alone at 40 s.
    for (const at of [2060, 4000]) for (let i = 0; i < 30; i++) axes[1][at + i] += 0.04 * Math.exp(-i / (0.03 * fs)) * Math.sin((2 * Math.PI * 15 * i) / fs);
    const twitches = (reach: number): number[] =>
      detectAccel({ id: 'acc1', axes, fs, startS: 0 }, { ...resolveParams().accel, knockClusterS: reach }, () => {})
        .events.filter((e) => e.type === 'twitch')
        .map((e) => Math.round(e.peakS));
    expect(twitches(1)).toEqual([40]);
    expect(twitches(0)).toEqual([21, 40]);
  });

  // A real phone picked up, handled and set down (phyphox "Raw Data.csv", 6 min at 100 Hz, shared/samples/MANIFEST.md;
  // no licence, so read in place, never committed). Its still stretches lie between handling: the four
  // "twitches" the detector counted there before the tilt and cluster rules (50.6, 316.9, 317.7 and 320.2 s)
  // are 1-3 s from handling, multi-axis and ringing at about 17 Hz.
  const phyphox = path.resolve(__dirname, '../../../shared/samples/phyphox/Raw Data.csv');
  if (!fs.existsSync(phyphox)) console.warn(`skipped: ${phyphox} not found (shared samples)`);
  it.skipIf(!fs.existsSync(phyphox))('a real phone handled on and off (phyphox, 100 Hz): no twitch between the handling', async () => {
    const rec = await importRecording(bytesSource('Raw Data.csv', new Uint8Array(fs.readFileSync(phyphox))));
    const a = analyseRecording(rec);
    expect(a.summary.channels[0].restS).toBeGreaterThan(60);
    expect(a.events.filter((e) => e.type === 'twitch')).toEqual([]);
    // Handled, it moved loosely: 4 knocks recognised in 6 min at 100 Hz, so no rate.
    expect(a.summary.channels[0].noRate).toBe('cannot-tell');
  });

  // A real armband strapped to the forearm (Polar Sense, 52 Hz, 8.5 min; shared/samples, no licence: read in place).
  const polar = path.resolve(__dirname, '../../../shared/samples/polar-sensor-logger/Polar_Sense_A40F6F28_20220425_113903_ACC.txt');
  if (!fs.existsSync(polar)) console.warn(`skipped: ${polar} not found (shared samples)`);
  it.skipIf(!fs.existsSync(polar))('a real strapped armband (Polar Sense, 52 Hz) does not read as moving loosely: it keeps its rate', async () => {
    const rec = await importRecording(bytesSource(path.basename(polar), new Uint8Array(fs.readFileSync(polar))));
    const ch = analyseRecording(rec).summary.channels[0];
    expect(ch.noRate).toBeUndefined();
    expect(ch.twitchesPerMinute).not.toBeNull();
  });
});
