import fc from 'fast-check';
import type { ImportOptions } from '../../core/import/index';
import type { Seed } from './corpus';
import { MUTATION_NAMES, mutate } from './mutations';

/** One fuzz case: which seed file, which mutations (each with its own seed), and what the user passed. */
export interface FuzzCase {
  seed: number;
  steps: { name: string; seed: number }[];
  rateHz?: number | undefined;
  format?: string | undefined;
}

/** Rates a user might type, sensible and not. */
const RATES = [1, 25, 2000, 1e-9, 0.5, 999_999, 1e6, 1e12, -1, 0, Number.NaN, Number.POSITIVE_INFINITY];

/** Most files are opened as they are; about one in eight with a user's rate or format. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

export function caseArbitrary(seedCount: number, formats: readonly string[]): fc.Arbitrary<FuzzCase> {
  return fc.record(
    {
      seed: fc.integer({ min: 0, max: seedCount - 1 }),
      steps: fc.array(fc.record({ name: fc.constantFrom(...MUTATION_NAMES), seed: fc.integer({ min: 1, max: 0x7fffffff }) }), { minLength: 1, maxLength: 3 }),
      rateHz: rarely(fc.constantFrom(...RATES)),
      format: rarely(fc.constantFrom(...formats)),
    },
  );
}

export function caseBytes(c: FuzzCase, seeds: readonly Seed[]): { name: string; bytes: Uint8Array; options: ImportOptions } {
  const s = seeds[c.seed];
  const options: ImportOptions = {};
  if (c.rateHz !== undefined) options.rateHz = c.rateHz;
  if (c.format !== undefined) options.format = c.format;
  return { name: s.name, bytes: mutate(s.bytes, c.steps), options };
}
