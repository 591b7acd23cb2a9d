/**
 * The shape of an exported file: one record duration that holds a whole number of samples of every signal,
 * and for each signal the physical range its digital values map onto.
 */
import { extremes } from '../../stats/extremes';

/** Record durations tried, shortest files first: whole seconds suit most rates, fractions and longer ones the rest. */
const DURATIONS = [1, 0.5, 0.25, 0.2, 0.1, 2, 4, 5, 8, 10, 16, 20, 25, 27, 30, 40, 50, 54, 60, 100, 125, 250, 500, 1000];

export interface RecordShape {
  durationS: number;
  samplesPerRecord: number[];
  /** Rates that no tried duration holds exactly: written at the nearest rate a one-second record allows. */
  approximated: { index: number; rateHz: number; writtenHz: number }[];
}

export function recordShape(rates: readonly number[]): RecordShape {
  for (const d of DURATIONS) {
    const spr = rates.map((r) => r * d);
    if (spr.every((n) => n >= 1 && Math.abs(n - Math.round(n)) <= 1e-6 * Math.max(1, n))) {
      return { durationS: d, samplesPerRecord: spr.map(Math.round), approximated: [] };
    }
  }
  const spr = rates.map((r) => Math.max(1, Math.round(r)));
  return {
    durationS: 1,
    samplesPerRecord: spr,
    approximated: rates.flatMap((r, index) => (Math.abs(spr[index] - r) > 1e-6 * r ? [{ index, rateHz: r, writtenHz: spr[index] }] : [])),
  };
}

export interface Scaling {
  physicalMin: number;
  physicalMax: number;
  digitalMin: number;
  digitalMax: number;
}

/** The finite extremes of the samples, widened when flat so the map stays invertible. */
export function dataRange(data: Float32Array): { min: number; max: number } {
  const { min, max } = extremes(data);
  if (!Number.isFinite(min)) return { min: -1, max: 1 };
  if (min === max) return { min: min - 1, max: max + 1 };
  return { min, max };
}
