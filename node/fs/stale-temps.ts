import { basename, dirname, join } from 'node:path';
import { isBeingWritten } from './atomic-write';
import { errorCode, type FileSystemLike } from './types';

/**
 * Temporary files a killed save left behind (see atomic-write.ts). Each is a hidden copy of health data, so
 * they are removed: at start for the app's own folder, and before the first save of each file elsewhere.
 * A temporary file is stale when the process named in it is gone (or is this one, not writing it), or when
 * it names none and is over an hour old.
 */

const OLD_MS = 60 * 60 * 1000;
const TEMP = /^\.(.+)\.(?:(\d+)-)?[^./]+\.tmp$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

async function isStale(fs: FileSystemLike, path: string, pid: string | undefined, now: number): Promise<boolean> {
  if (pid !== undefined) {
    const owner = Number(pid);
    return owner === process.pid ? !isBeingWritten(path) : !processAlive(owner);
  }
  const stats = await fs.stat(path).catch(() => null);
  return stats !== null && stats.isFile() && now - stats.mtimeMs > OLD_MS;
}

async function removeStale(fs: FileSystemLike, dir: string, only: string | null, now: number): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP.exec(name);
    if (!match || (only !== null && match[1] !== only)) continue;
    const path = join(dir, name);
    if (!(await isStale(fs, path, match[2], now))) continue;
    await fs.unlink(path).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  return removed;
}

/** Removes stale temporary copies of `target` beside it; returns the paths removed. */
export function removeStaleTempsOf(fs: FileSystemLike, target: string, now = Date.now()): Promise<string[]> {
  return removeStale(fs, dirname(target), basename(target), now);
}

/** Removes every stale temporary file in `dir` (the app's own folders, where every such file is ours). */
export function removeStaleTempsIn(fs: FileSystemLike, dir: string, now = Date.now()): Promise<string[]> {
  return removeStale(fs, dir, null, now);
}
