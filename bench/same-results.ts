/**
 * Are the results still bit-for-bit what they were? `save` runs a source tree (this one, or a checkout of
 * main: `--root DIR`) over a fixed set of recordings and writes one canonical JSON per case; `compare`
 * lists every case whose JSON differs. Speed work must leave every case unchanged (issue 18).
 *
 *   npx tsx bench/same-results.ts save --root /tmp/main-tree --out .bench/same/main
 *   npx tsx bench/same-results.ts save --out .bench/same/branch
 *   npx tsx bench/same-results.ts compare .bench/same/main .bench/same/branch
 *
 * Cases: every bundled sample, every fixture, every vendor file under ../shared/samples, generated long
 * CSVs, and the accuracy suite's simulated recordings, each (a) through the command line
 * (`analyze FILE --json`, exit status and messages included), (b) imported in-process the way the command
 * line reads files, with a hash of every sample, and (c) for simulated recordings, analysed in memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HERE = path.resolve(__dirname, '..');
const SHARED_SAMPLES = path.resolve(HERE, '../shared/samples');
const CACHE = path.join(HERE, '.bench/same-inputs');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** JSON where every double keeps its bits: non-finite values and -0 become tagged strings. */
function canonical(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => {
      if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return `#num:${Object.is(v, -0) ? '-0' : String(v)}`;
      if (v instanceof Float32Array || v instanceof Float64Array) return `#${v.constructor.name}:${hashBytes(v)}`;
      return v;
    },
    1,
  );
}

function hashBytes(a: ArrayBufferView): string {
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex').slice(0, 24);
}

function dataFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) return dataFiles(p);
      return /\.(md|mjs|ts|json)$/.test(f) ? [] : [p];
    });
}

interface FileCase {
  name: string;
  file: string;
  args: string[];
}

async function simulatedInputs(root: string): Promise<{ name: string; rec: unknown }[]> {
  const { simulate } = await import(path.join(root, 'core/simulate/recording.ts'));
  const { accelScenario, emgScenario, EMG_CONFOUNDERS } = await import(path.join(root, 'core/simulate/scenarios.ts'));
  const out: { name: string; rec: unknown }[] = [];
  const emg = (fs: number, confounders: readonly string[], seed: number) => emgScenario({ fs, seed, durationS: 360, channels: 2, confounders });
  for (const seed of [1, 2]) {
    const specs = [
      emg(2000, [], seed),
      ...EMG_CONFOUNDERS.map((c: string) => emg(2000, [c], seed)),
      emg(2000, EMG_CONFOUNDERS, seed),
      emg(1000, [], seed),
      emg(1000, EMG_CONFOUNDERS, seed),
      emg(500, [], seed),
      emg(500, EMG_CONFOUNDERS, seed),
      accelScenario({ fs: 50, seed, durationS: 900 }),
      accelScenario({ fs: 100, seed, durationS: 900 }),
    ];
    // EMG beside an accelerometer: the accelerometer's movement is set aside in the EMG.
    const both = emgScenario({ fs: 1000, seed, durationS: 900, channels: 3, confounders: ['mains', 'ecg'] });
    specs.push({ ...both, name: `mixed-${seed}`, accel: accelScenario({ fs: 100, seed, durationS: 900 }).accel });
    for (const spec of specs) out.push({ name: `${spec.name}${spec.name.endsWith(`-${seed}`) ? '' : `-${seed}`}`, rec: simulate(spec).recording });
  }
  return out;
}

/** Simulated recordings written once as generic CSV (with the writer of the tree that saves first). */
async function simulatedCsvs(root: string, sims: { name: string; rec: unknown }[]): Promise<string[]> {
  const { genericCsv } = await import(path.join(root, 'core/simulate/csv.ts'));
  fs.mkdirSync(CACHE, { recursive: true });
  const files: string[] = [];
  for (const { name, rec } of sims) {
    const channels = (rec as { channels: { sampleRateHz: number }[] }).channels;
    // The generic layout holds one rate; the mixed recordings are analysed in memory only.
    if (channels.some((c) => c.sampleRateHz !== channels[0].sampleRateHz)) continue;
    const file = path.join(CACHE, `${name}.csv`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, genericCsv(channels));
    files.push(file);
  }
  return files;
}

async function generatedCsvs(root: string, large: boolean): Promise<string[]> {
  const { generatedCsv } = await import(path.join(HERE, 'bench/generate.ts'));
  void root;
  const files = [generatedCsv(30, 4, 2000), generatedCsv(5, 2, 2000)];
  if (large) files.push(generatedCsv(60, 8, 2000));
  return files;
}

function cliCase(root: string, c: FileCase): Json {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'same-'));
  const json = path.join(tmp, 'out.json');
  const events = path.join(tmp, 'events.csv');
  const r = spawnSync(process.execPath, [path.join(root, 'bin/twitchscope.mjs'), 'analyze', c.file, '--json', json, '--events', events, '--quiet', ...c.args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const out: Json = { status: r.status, stderr: r.stderr.replace(/\r[^\n]*/g, '') };
  if (fs.existsSync(json)) {
    const doc = JSON.parse(fs.readFileSync(json, 'utf8'));
    delete doc.software;
    out.doc = doc;
    out.eventsCsv = createHash('sha256').update(fs.readFileSync(events)).digest('hex');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return out;
}

async function importCase(root: string, file: string): Promise<Json> {
  const { readRecording } = await import(path.join(root, 'cli/read-recording.ts'));
  try {
    const rec = await readRecording(file, { columns: {}, quiet: true }, false);
    return JSON.parse(canonical({ ...rec, file: path.basename(rec.file) }));
  } catch (e) {
    return { error: String((e as Error).message) };
  }
}

async function save(root: string, outDir: string, large: boolean): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const write = (name: string, v: unknown): void => fs.writeFileSync(path.join(outDir, `${name.replace(/[^\w.-]+/g, '_')}.json`), canonical(v) + '\n');
  // A tree from before the one spelling (issue 19) names the module and the function "analyze".
  const spelt = fs.existsSync(path.join(root, 'core/analysis/analyse.ts')) ? 'analyse' : 'analyze';
  const mod = await import(path.join(root, `core/analysis/${spelt}.ts`));
  const analyseRecording = (mod.analyseRecording ?? mod.analyzeRecording) as (rec: unknown, opts?: object) => unknown;
  const sims = await simulatedInputs(root);
  for (const s of sims) {
    write(`mem-${s.name}`, analyseRecording(s.rec));
    write(`mem-${s.name}-s0.2`, analyseRecording(s.rec, { params: { sensitivity: 0.2 } }));
  }
  const files = [
    ...dataFiles(path.join(HERE, 'samples')),
    ...dataFiles(path.join(HERE, 'tests/fixtures')),
    ...dataFiles(SHARED_SAMPLES),
    ...(await simulatedCsvs(root, sims)),
    ...(await generatedCsvs(root, large)),
  ];
  const cases: FileCase[] = files.map((file) => ({ name: path.relative(path.resolve(HERE, '..'), file), file, args: [] }));
  for (const file of files.filter((f) => /samples\/.*\.csv$/.test(f) && f.startsWith(HERE))) {
    cases.push({ name: `${path.relative(HERE, file)} sensitivity 0.8`, file, args: ['--sensitivity', '0.8'] });
  }
  for (const c of cases) {
    process.stderr.write(`  ${c.name}\n`);
    write(`cli-${c.name}`, cliCase(root, c));
    if (c.args.length === 0) write(`import-${c.name}`, await importCase(root, c.file));
  }
  process.stderr.write(`${cases.length} files and ${sims.length} simulated recordings saved in ${outDir}\n`);
}

function compare(a: string, b: string): number {
  const names = new Set([...fs.readdirSync(a), ...fs.readdirSync(b)]);
  let differ = 0;
  for (const n of [...names].sort()) {
    const pa = path.join(a, n);
    const pb = path.join(b, n);
    if (!fs.existsSync(pa) || !fs.existsSync(pb)) {
      console.log(`only in ${fs.existsSync(pa) ? a : b}: ${n}`);
      differ++;
    } else if (fs.readFileSync(pa, 'utf8') !== fs.readFileSync(pb, 'utf8')) {
      console.log(`DIFFERS: ${n}`);
      const d = spawnSync('diff', [pa, pb], { encoding: 'utf8' }).stdout.split('\n').slice(0, 12).join('\n');
      console.log(d);
      differ++;
    }
  }
  console.log(differ === 0 ? `identical: ${names.size} cases` : `${differ} of ${names.size} cases differ`);
  return differ === 0 ? 0 : 1;
}

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (cmd === 'save') {
    const root = path.resolve(opt('--root') ?? HERE);
    const out = path.resolve(opt('--out') ?? path.join(HERE, '.bench/same', execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()));
    await save(root, out, rest.includes('--large'));
  } else if (cmd === 'compare') {
    process.exitCode = compare(path.resolve(rest[0]), path.resolve(rest[1]));
  } else {
    console.error('usage: same-results.ts save [--root DIR] [--out DIR] [--large] | compare DIR_A DIR_B');
    process.exitCode = 2;
  }
}

void main();
