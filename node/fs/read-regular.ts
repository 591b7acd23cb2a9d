import { constants } from 'node:fs';
import type { FileHandleLike, FileSystemLike, StatsLike } from './types';

/**
 * Opens a file for reading only when it is a regular file, and never waits doing so. Opening a FIFO blocks until
 * a writer appears (forever, when none does), and a device may never end: either would hang the thread that
 * asked. So the path is stat'ed first, then opened with O_NONBLOCK (which makes opening a FIFO return at once),
 * and the opened file is checked again in case the path was swapped in between.
 */

/** `code` of the error for a path that exists but is not a regular file (a folder has its own, EISDIR). */
export const NOT_REGULAR = 'ENOTREG';

// Windows has neither FIFOs nor O_NONBLOCK; there the flag is simply absent.
const READ_NOW = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function notRegular(path: string, stats: StatsLike): Error {
  const code = stats.isDirectory() ? 'EISDIR' : NOT_REGULAR;
  const what = stats.isDirectory() ? 'a folder' : 'not a regular file (a pipe, socket or device)';
  return Object.assign(new Error(`${code}: ${path} is ${what}`), { code, path });
}

export async function openRegularFile(fs: FileSystemLike, path: string): Promise<{ handle: FileHandleLike; size: number }> {
  const before = await fs.stat(path);
  if (!before.isFile()) throw notRegular(path, before);
  const handle = await fs.open(path, READ_NOW);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(path, stats);
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** The whole text of a regular file; throws EISDIR, ENOTREG or the open's own error otherwise. */
export async function readRegularFile(fs: FileSystemLike, path: string): Promise<string> {
  const { handle } = await openRegularFile(fs, path);
  try {
    return await handle.readFile({ encoding: 'utf8' });
  } finally {
    await handle.close();
  }
}
