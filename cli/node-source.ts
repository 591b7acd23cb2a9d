import fs from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../core/import/source';
import { openRegularFile } from '../node/fs/read-regular';

/**
 * A ByteSource over a file on disk: reads ranges on demand, never the whole file. Only regular files are
 * opened (a FIFO or a device would block or never end); others fail with EISDIR or ENOTREG. With `reuse`,
 * every read returns a view of one buffer, valid until the next read: for a reader that is done with each
 * chunk before asking for the next (a range scanner), so a large file leaves no trail of chunks behind.
 */
export async function fileSource(file: string, reuse = false): Promise<ByteSource & { close(): Promise<void> }> {
  const { handle, size } = await openRegularFile(fs, file);
  let reused = new Uint8Array(0);
  return {
    name: path.basename(file),
    size,
    async read(offset, length) {
      const want = Math.max(0, Math.min(length, size - offset));
      if (reuse && reused.length < want) reused = new Uint8Array(want);
      const buf = reuse ? reused.subarray(0, want) : new Uint8Array(want);
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
