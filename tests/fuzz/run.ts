// `npm run fuzz [-- CASES [SEED [SEED_BYTES]]]`: many more mutated files than `npm test` runs, with a random seed printed
// so a failure can be replayed with the same seed. Every 100th case also puts a FIFO or a device where a file
// is expected (fs-scenarios.ts). Exits 1 when any case crashes, hangs or breaks a contract.
import fc from 'fast-check';
import { FORMATS } from '../../core/import/index';
import { caseArbitrary, caseBytes, type FuzzCase } from './cases';
import { loadSeeds } from './corpus';
import { runFsScenario } from './fs-scenarios';
import { FuzzFailure, runCase } from './outcome';
import { Watchdog } from './watchdog';

/** Failures that are the program taking too long rather than going wrong. */
const HANGS = new Set(['import too slow', 'case too slow']);

/** CPU time one case may take before it counts as a hang that will never end: the slowest take a second. */
const RUNAWAY_MS = 60_000;

function cpuS(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 20_000);
  const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 0x7fffffff));
  // Larger seeds (a fourth argument, in bytes) give detection seconds of signal to work on, at more time per case.
  const seeds = loadSeeds(Number(process.argv[4] ?? 4096));
  console.log(`fuzz: ${cases} cases from ${seeds.length} seed files, seed ${seed} (replay: npm run fuzz -- ${cases} ${seed} ${process.argv[4] ?? 4096})`);
  const sample = fc.sample(caseArbitrary(seeds.length, FORMATS.map((f) => f.id)), { seed, numRuns: cases });
  const watchdog = new Watchdog(RUNAWAY_MS, `replay: npm run fuzz -- ${cases} ${seed} ${process.argv[4] ?? 4096}`);
  let imported = 0;
  let withWarnings = 0;
  let errors = 0;
  let slowestMs = 0;
  const crashes: { c: FuzzCase; failure: string }[] = [];
  const fsRuns = { settled: 0, hangs: [] as string[], internal: [] as string[] };
  const started = performance.now();
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    const { name, bytes, options } = caseBytes(c, seeds);
    watchdog.watch(`case ${i}, ${seeds[c.seed].name} ${JSON.stringify(c)}`);
    try {
      // Files past 1 MB (only from large seeds) are imported without the analysis, which would dominate the run.
      const out = await runCase(name, bytes, options, bytes.length < 1 << 20);
      slowestMs = Math.max(slowestMs, out.ms);
      if (out.kind === 'imported') {
        imported++;
        if (out.warnings > 0) withWarnings++;
      } else {
        errors++;
      }
    } catch (err) {
      if (!(err instanceof FuzzFailure)) throw err;
      crashes.push({ c, failure: err.message.split('\n').slice(0, 3).join(' | ') });
    }
    if (i % 100 === 0) {
      watchdog.watch(`file-system case ${i / 100}`);
      const { name: where, outcome } = await runFsScenario(i / 100);
      if (outcome === 'settled') fsRuns.settled++;
      else if (outcome === 'hang') fsRuns.hangs.push(where);
      else fsRuns.internal.push(`${where}: ${outcome.internal}`);
    }
    if ((i + 1) % 2000 === 0) console.log(`  ${i + 1} cases, ${crashes.length} crashes, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  watchdog.watch(null);
  const byKind = new Map<string, { n: number; example: FuzzCase }>();
  for (const { c, failure } of crashes) {
    const key = failure.slice(0, 160);
    const e = byKind.get(key);
    if (e) e.n++;
    else byKind.set(key, { n: 1, example: c });
  }
  for (const [failure, { n, example }] of byKind) {
    console.log(`\n${n}× ${failure}\n  e.g. ${seeds[example.seed].name} ${JSON.stringify(example)}`);
  }
  for (const f of [...fsRuns.hangs.map((w) => `hang: ${w}`), ...fsRuns.internal]) console.log(`\nfile system: ${f}`);
  const hangs = crashes.filter((x) => HANGS.has(x.failure.split(':')[0])).length + fsRuns.hangs.length;
  const internal = crashes.length + fsRuns.internal.length + fsRuns.hangs.length - hangs;
  console.log(
    `\n${sample.length} cases, ${withWarnings} imported with warnings, ${imported - withWarnings} imported cleanly, ${errors} clear errors` +
      ` (slowest import ${slowestMs.toFixed(0)} ms of CPU time; ${((performance.now() - started) / 1000).toFixed(0)} s in all, ${cpuS().toFixed(0)} s of CPU time);` +
      ` ${fsRuns.settled + fsRuns.hangs.length + fsRuns.internal.length} FIFO and device cases, ${fsRuns.settled} settled` +
      `\n${internal} internal errors, ${hangs} hangs`,
  );
  process.exitCode = internal + hangs > 0 ? 1 : 0;
}

void main();
