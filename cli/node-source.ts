import fs from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../core/import/source';
import { openRegularFile } from '../node/fs/read-regular';

/**
 * A ByteSource over a file on disk: reads ranges on demand, never the whole file, into the caller's buffer
 * when it gives one. Only regular files are opened (a FIFO or a device would block or never end); others
 * fail with EISDIR or ENOTREG.
 */
export async function fileSource(file: string): Promise<ByteSource & { close(): Promise<void> }> {
  const { handle, size } = await openRegularFile(fs, file);
  return {
    name: path.basename(file),
    size,
    async read(offset, length, into) {
      const want = Math.max(0, Math.min(length, size - offset));
      const buf = into && into.length >= want ? into.subarray(0, want) : new Uint8Array(want);
      let done = 0;
      while (done < buf.length) {
        const { bytesRead } = await handle.read(buf, done, buf.length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === buf.length ? buf : buf.subarray(0, done);
    },
    close: () => handle.close(),
  };
}
