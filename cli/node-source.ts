import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../core/import/source';

/** A ByteSource over a file on disk: reads ranges on demand, never the whole file. */
export async function fileSource(file: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(file, 'r');
  const stats = await handle.stat();
  // Linux opens a folder for reading and fails only at the first read: say it here, as the other platforms do.
  if (stats.isDirectory()) {
    await handle.close();
    throw Object.assign(new Error(`EISDIR: ${file} is a folder`), { code: 'EISDIR' });
  }
  const { size } = stats;
  return {
    name: path.basename(file),
    size,
    async read(offset, length) {
      const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
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
