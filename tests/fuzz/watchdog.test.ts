import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

/** Runs a script importing the watchdog; a busy loop stands in for a case that never returns. */
function run(body: string): { status: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string } {
  const script = `import { Watchdog } from ${JSON.stringify(join(__dirname, 'watchdog.ts'))};\n${body}`;
  const r = spawnSync(TSX, ['--eval', script], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, signal: r.signal, stderr: r.stderr, stdout: r.stdout };
}

describe('the fuzz run names a case that never returns', () => {
  it('ends the run past the CPU limit, naming the case and how to replay it', () => {
    const r = run(`const w = new Watchdog(1000, 'replay: npm run fuzz -- 10 42 4096');
w.watch('case 7, calf.csv {}');
for (;;) Math.sqrt(Math.random());`);
    expect(r.signal === 'SIGKILL' || r.status === 137).toBe(true);
    expect(r.stderr).toContain('hang: case 7, calf.csv {} ran over 1 s of CPU time; replay: npm run fuzz -- 10 42 4096');
  });

  it('lets a run whose cases return end by itself', () => {
    const r = run(`const w = new Watchdog(1000, 'replay');
for (let i = 0; i < 5; i++) { w.watch('case ' + i); const t = Date.now(); while (Date.now() - t < 300) Math.sqrt(Math.random()); }
w.watch(null);
console.log('done');`);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('done');
    expect(r.stderr).not.toContain('hang');
  });
});
