import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../core/import/index';
import { caseArbitrary, caseBytes } from './cases';
import { loadSeeds } from './corpus';
import { MUTATION_NAMES } from './mutations';
import { runCase, type Outcome } from './outcome';

// Fixed so a failure here replays exactly; `npm run fuzz` explores with fresh seeds.
const SEED = 20261124;
const RUNS = 1200;

describe('fuzzed files end in a result or a clear error', () => {
  const seeds = loadSeeds();

  it(`${RUNS} mutated fixtures: no crash, hang, Infinity sample or runaway grid`, async () => {
    const tally = { imported: 0, withWarnings: 0, errors: 0, analysed: 0 };
    const used = new Set<string>();
    await fc.assert(
      fc.asyncProperty(caseArbitrary(seeds.length, FORMATS.map((f) => f.id)), async (c) => {
        const { name, bytes, options } = caseBytes(c, seeds);
        for (const s of c.steps) used.add(s.name);
        const out: Outcome = await runCase(name, bytes, options);
        if (out.kind === 'imported') {
          tally.imported++;
          if (out.warnings > 0) tally.withWarnings++;
          if (out.events !== null) tally.analysed++;
        } else {
          tally.errors++;
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const total = tally.imported + tally.errors;
    console.log(`fuzz: ${total} cases, ${tally.withWarnings} imported with warnings, ${tally.imported - tally.withWarnings} imported cleanly, ${tally.errors} clear errors, 0 crashes`);
    expect(total).toBeGreaterThanOrEqual(1000);
    // Both ends must be exercised, or the run proves little: broken files refused, damaged ones read and analysed.
    expect(tally.errors).toBeGreaterThan(RUNS / 10);
    expect(tally.analysed).toBeGreaterThan(RUNS / 10);
    expect([...used].sort()).toEqual([...MUTATION_NAMES].sort());
  });
});
