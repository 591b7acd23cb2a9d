import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR } from './generate';

const ROOT = path.resolve(__dirname, '..');
const TIME = '/usr/bin/time';

/** One run of a command: seconds of wall and CPU time (all its threads), peak resident memory in bytes. */
export interface CommandRun {
  wallS: number;
  cpuS: number;
  peakBytes: number;
}

/**
 * Runs a command as a user would, from the repository root, timed from outside by /usr/bin/time (wall
 * time only where it is missing); throws with its messages when it fails.
 */
export function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): CommandRun {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const out = path.join(BENCH_DIR, 'command-time.txt');
  const timed = fs.existsSync(TIME);
  const t0 = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', '%U %S %M', '-o', out, cmd, ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  if (!timed) return { wallS, cpuS: NaN, peakBytes: NaN };
  const [user, sys, kb] = fs.readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallS, cpuS: user + sys, peakBytes: kb * 1024 };
}

/** The best of `rounds` runs of each command, the commands taking turns so they share the machine's moods. */
export function bestOf(rounds: number, commands: Record<string, () => CommandRun>): Record<string, CommandRun> {
  const best: Record<string, CommandRun> = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(commands)) {
      const r = run();
      const b = best[name];
      best[name] = b ? { wallS: Math.min(b.wallS, r.wallS), cpuS: Math.min(b.cpuS, r.cpuS), peakBytes: Math.min(b.peakBytes, r.peakBytes) } : r;
    }
  }
  return best;
}

/** The machine's load as the figures should be read beside it. */
export const loadLine = (): string => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.availableParallelism()} cores`;

export const seconds = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)} s` : '—');
export const mebibytes = (x: number): string => (Number.isFinite(x) ? `${(x / 2 ** 20).toFixed(0)} MiB` : '—');

/** How many rounds each command is run (BENCH_ROUNDS, default 3). */
export const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
