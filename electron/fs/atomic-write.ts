import { basename, dirname, join } from 'node:path';
import type { FileSystemLike } from './types';

/**
 * Replaces a file so a reader sees either the old content or the new, never a mix, even if the app dies midway:
 * write a temporary file in the same folder (rename is only atomic within one file system), flush it to disk,
 * then rename it over the target (POSIX rename(2); on Windows Node's rename uses MoveFileEx with replace).
 */
export async function writeFileAtomic(
  fs: FileSystemLike,
  path: string,
  data: Uint8Array | string,
  uniqueSuffix: () => string,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${uniqueSuffix()}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
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
}
