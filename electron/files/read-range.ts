import { openRegularFile } from '../../node/fs/read-regular';
import type { FileSystemLike } from '../../node/fs/types';

/**
 * Reads one byte range, so the renderer streams a recording of hundreds of MB a few MiB at a time instead of
 * main holding it whole. Short only at the end of the file. A granted path that has since become a pipe or
 * device is refused rather than waited on.
 */
export async function readRange(fs: FileSystemLike, path: string, offset: number, length: number): Promise<Uint8Array> {
  const { handle } = await openRegularFile(fs, path);
  try {
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
