import { spawn } from 'node:child_process';

/**
 * Starts a writer script (through tsx) with `args`, waits for `signal` on its stdout (plus `extraMs`), then
 * kills it with SIGKILL, as a crash or power cut would. Rejects if the writer ends on its own.
 */
export function killWriterAt(script: string, args: string[], signal: string, extraMs = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes(signal)) setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('exit', (_code, sig) => (sig === 'SIGKILL' ? resolve() : reject(new Error(`writer ended on its own: ${err}`))));
  });
}
