// Runs the real `twitchscope` command (bin/twitchscope.mjs) in a child process, as a user would.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/twitchscope.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `timeoutMs`: kill the command after this long (its code is then null), for commands that must not hang;
 * `env`: variables to set on top of this process's.
 */
export async function cli(args: string[], timeoutMs = 0, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: timeoutMs, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as CliResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
