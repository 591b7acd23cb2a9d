// FIFOs for tests of code that must never block on one (issue 13, defect 3).
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';

export const canMakeFifo = process.platform !== 'win32';

export function makeFifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/**
 * Lets a reader stuck opening the FIFO go (it then reads an empty file), so a test that fails because the code
 * under test blocked does not leave a file-I/O thread of the test process blocked for good.
 */
export async function releaseFifo(path: string): Promise<void> {
  try {
    const writer = await fs.open(path, constants.O_WRONLY | constants.O_NONBLOCK);
    await writer.close();
  } catch {
    // No reader was waiting (ENXIO) or the FIFO is gone: nothing to release.
  }
}

/** Settles with the promise's outcome, or with 'blocked' after `ms`. */
export async function withinMs<T>(ms: number, work: Promise<T>): Promise<{ value: T } | { error: unknown } | 'blocked'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'blocked'>((resolve) => (timer = setTimeout(() => resolve('blocked'), ms)));
  try {
    return await Promise.race([work.then((value) => ({ value }), (error: unknown) => ({ error })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
