import { describe, expect, it } from 'vitest';
import { conditionEmg, conditioningKey, detectEmg, thresholdEmg, type EmgConditioning } from '../../core/detect/emg';
import { resolveParams } from '../../core/detect/params';
import { Workspace } from '../../core/detect/workspace';
import { simulate } from '../../core/simulate/recording';
import { EMG_CONFOUNDERS, HARD_CONFOUNDERS, emgScenario } from '../../core/simulate/scenarios';

const noop = (): void => undefined;
const SENSITIVITIES = [0, 0.25, 0.5, 0.8, 1];

/** Simulated channels with every confounder kind, at two rates, each with a channel of its own seed. */
function channels() {
  const out = [];
  for (const [fs, confounders] of [
    [2000, [...EMG_CONFOUNDERS]],
    [1000, ['ecg', 'mains', 'missing']],
    [500, [...HARD_CONFOUNDERS]],
  ] as const) {
    const rec = simulate(emgScenario({ fs, seed: fs + 3, durationS: 120, channels: 2, confounders: [...confounders] })).recording;
    for (const ch of rec.channels) out.push({ id: ch.id, data: ch.data, fs: ch.sampleRateHz, startS: ch.startS, unit: ch.unit, movement: [{ start: 30 * fs, end: 33 * fs }] });
  }
  return out;
}

describe('a new sensitivity re-thresholds the kept conditioning', () => {
  it('gives, at every sensitivity, the full detection at that sensitivity bit for bit', () => {
    // Every channel conditioned first in one workspace, then thresholded: what an app keeps between runs.
    const ws = new Workspace();
    const inputs = channels();
    const kept = inputs.map((input) => conditionEmg(input, resolveParams({ sensitivity: 0.5 }).emg, noop, ws, true) as EmgConditioning);
    for (const sensitivity of SENSITIVITIES) {
      const p = resolveParams({ sensitivity }).emg;
      inputs.forEach((input, i) => {
        expect('events' in kept[i]).toBe(false);
        expect(conditioningKey(p, input.fs)).toBe(kept[i].key);
        expect(thresholdEmg(input, kept[i], p, noop, ws)).toStrictEqual(detectEmg(input, p, noop, new Workspace()));
      });
    }
  });

  it('leaves the kept conditioned signal as it was (heartbeats are subtracted from it in place, then put back)', () => {
    const ws = new Workspace();
    const p = resolveParams({ sensitivity: 0.5 }).emg;
    const ecg = channels().filter((input) => {
      const kept = conditionEmg(input, p, noop, ws, true) as EmgConditioning;
      const before = Float32Array.from(kept.conditioned.x);
      const result = thresholdEmg(input, kept, p, noop, ws);
      expect(kept.conditioned.x.filter((v, i) => !Object.is(v, before[i])).length).toBe(0);
      return 'notes' in result && result.notes.some((n) => n.includes('heartbeat'));
    });
    // The subtraction ran: channels with a heart train are among them.
    expect(ecg.length).toBeGreaterThan(0);
  });

  it('is made again when a parameter other than the sensitivity changes', () => {
    const p = resolveParams({ sensitivity: 0.2 }).emg;
    expect(conditioningKey(resolveParams({ 'emg.bandLowHz': 30 }).emg, 2000)).not.toBe(conditioningKey(p, 2000));
    expect(conditioningKey(resolveParams({ 'emg.noiseWindowS': 2 }).emg, 2000)).not.toBe(conditioningKey(p, 2000));
    expect(conditioningKey(p, 1000)).not.toBe(conditioningKey(p, 2000));
  });

  it('a channel sampled too slowly is not analysed, kept or not', () => {
    const input = { id: 'slow', data: new Float32Array(5000).map((_, i) => Math.sin(i)), fs: 50, startS: 0 };
    const p = resolveParams({}).emg;
    expect(conditionEmg(input, p, noop, new Workspace(), true)).toStrictEqual(detectEmg(input, p, noop));
  });
});
