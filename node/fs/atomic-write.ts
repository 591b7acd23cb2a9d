import { basename, dirname, join } from 'node:path';
import type { FileSystemLike } from './types';

/**
 * A new file TwitchScope writes holds health data (saved work, the library, reports, exports): readable by
 * its owner only. A file being replaced keeps the permissions it had.
 */
export const NEW_FILE_MODE = 0o600;

/** Temporary files this process is writing now, so a clean-up of stale ones never takes a live one. */
const writing = new Set<string>();

/**
 * `.<name>.<pid>-<suffix>.tmp` beside the target: hidden, and naming the process that writes it, so a later
 * run can tell a file left by a killed save (its process is gone) from one being written (see stale-temps.ts).
 */
export function tempPathFor(target: string, suffix: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${suffix}.tmp`);
}

export function isBeingWritten(tempPath: string): boolean {
  return writing.has(tempPath);
}

/**
 * Replaces a file so a reader sees either the old content or the new, never a mix, even if the app dies midway:
 * write a temporary file in the same folder (rename is only atomic within one file system), flush it to disk,
 * then rename it over the target (POSIX rename(2); on Windows Node's rename uses MoveFileEx with replace).
 * The temporary file gets the target's permission bits before any data goes in, so the data is never more
 * readable than the file it replaces.
 */
export async function writeFileAtomic(fs: FileSystemLike, path: string, data: Uint8Array | string, uniqueSuffix: () => string): Promise<void> {
  const existing = await fs.stat(path).catch(() => null);
  const mode = existing?.isFile() ? existing.mode & 0o777 : NEW_FILE_MODE;
  const temp = tempPathFor(path, uniqueSuffix());
  writing.add(temp);
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      // The umask may have taken bits off the mode asked for at open; the old file's mode is restored exactly.
      await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await fs.rename(temp, path);
    } catch (error) {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  } finally {
    writing.delete(temp);
  }
}
