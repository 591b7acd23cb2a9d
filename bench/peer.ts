import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, generatedCsv } from './generate';
import { bestOf, loadLine, mebibytes as m, ROUNDS, runCommand as measure, seconds as s, type CommandRun as Run } from './timed-command';

/**
 * TwitchScope beside the fastest open peer (BioSPPy's EMG pipeline, issue 18), end to end on the same
 * 30-minute 4-channel file in the same run: each command is run as a user would, turn about, and timed
 * from outside (wall time, CPU time of the process and its threads, peak memory).
 */

const ROOT = path.resolve(__dirname, '..');
const PEERS_DIR = path.resolve(ROOT, '../shared/peers');
const PEER_LIBS = process.env.PEERS ?? '/opt/peers';
const PYTHON = '/usr/bin/python3';

/** Why the peer cannot run here, or null when it can. */
function peerMissing(): string | null {
  if (!fs.existsSync(path.join(PEERS_DIR, 'run_peer.py'))) return `${PEERS_DIR}/run_peer.py is not there`;
  if (!fs.existsSync(PYTHON)) return `${PYTHON} is not installed`;
  const probe = spawnSync(PYTHON, ['-c', 'import sys; sys.path.insert(0, sys.argv[1]); import scipy, pandas, biosppy', path.join(PEER_LIBS, 'biosppy')], { encoding: 'utf8' });
  return probe.status === 0 ? null : `BioSPPy is not set up (${probe.stderr.trim().split('\n').at(-1)})`;
}

export async function run(): Promise<void> {
  const file = generatedCsv(30, 4, 2000);
  const mb = fs.statSync(file).size / 1e6;
  const floatMb = (30 * 60 * 2000 * 4 * 4) / 1e6;
  const rel = path.relative(ROOT, file);
  const json = path.join(BENCH_DIR, 'peer-ours.json');
  const peerOut = path.join(BENCH_DIR, 'peer-biosppy.json');
  console.log(`\n## End to end beside the peer: ${rel} (${mb.toFixed(0)} MB, 30 min × 4 channels at 2 kHz, ${floatMb.toFixed(0)} MB as float32)`);
  console.log(`Best of ${ROUNDS} runs each, taking turns; ${loadLine()} before.`);
  const node = process.execPath;
  const commands: Record<string, () => Run> = {
    'node -e 0': () => measure(node, ['-e', '0']),
    'node bin/twitchscope.mjs formats': () => measure(node, ['bin/twitchscope.mjs', 'formats']),
    'TwitchScope: node bin/twitchscope.mjs analyze FILE --json OUT': () => measure(node, ['bin/twitchscope.mjs', 'analyze', file, '--json', json]),
    'TwitchScope on one thread (TWITCHSCOPE_THREADS=1)': () => measure(node, ['bin/twitchscope.mjs', 'analyze', file, '--json', json], { ...process.env, TWITCHSCOPE_THREADS: '1' }),
  };
  const missing = peerMissing();
  const PEER = 'BioSPPy 2.1.2: run_peer.py --lib biosppy';
  if (!missing) commands[PEER] = () => measure(PYTHON, [path.join(PEERS_DIR, 'run_peer.py'), '--lib', 'biosppy', '--csv', file, '--out', peerOut], { ...process.env, PEERS: PEER_LIBS });
  // The first run builds the command line's cached bundle when the sources changed; it is not timed.
  measure(node, ['bin/twitchscope.mjs', 'formats']);
  const best = bestOf(ROUNDS, commands);
  console.log('| command | wall time | CPU time | peak memory |');
  console.log('|---|---|---|---|');
  for (const [name, r] of Object.entries(best)) console.log(`| ${name} | ${s(r.wallS)} | ${s(r.cpuS)} | ${m(r.peakBytes)} |`);
  const ours = best['TwitchScope: node bin/twitchscope.mjs analyze FILE --json OUT'];
  const bare = best['node -e 0'];
  const formats = best['node bin/twitchscope.mjs formats'];
  console.log(`| start-up: formats ÷ node -e 0 | ${(formats.wallS / bare.wallS).toFixed(2)}× wall | ${(formats.cpuS / bare.cpuS).toFixed(2)}× CPU | (aim ≤ 3×) |`);
  const overRuntime = (ours.peakBytes - bare.peakBytes) / (floatMb * 1e6);
  console.log(`| peak memory over a bare node's | ${m(ours.peakBytes - bare.peakBytes)} = ${overRuntime.toFixed(2)}× the float32 data | | (aim ≤ 3×) |`);
  if (missing) {
    console.log(`\nBioSPPy is not measured: ${missing}. Set it up with \`bash ../shared/peers/setup.sh\` (Debian's Python packages and the vendored sources, see ../shared/peers/README.md), then run \`npm run bench\` again.`);
  } else {
    const peer = best[PEER];
    console.log(`| **TwitchScope ÷ BioSPPy** | **${(peer.wallS / ours.wallS).toFixed(2)}× faster** (wall) | ${(peer.cpuS / ours.cpuS).toFixed(2)}× less CPU | (aim ≥ 4× wall on a quiet machine) |`);
  }
  console.log(`After: ${loadLine()}. With other work on the machine, wall times and the speed-up from threads are understated; CPU times hold.`);
}

if (require.main === module) void run();
