// For writer processes that tests kill with SIGKILL mid-write: the real file system, except that a file's data
// is written in two halves and the process then stops forever ("HALF" on stdout), like a crash or power cut.
import * as fs from 'node:fs/promises';
import type { FileSystemLike } from '../../node/fs/types';

// A pending promise alone does not keep Node running: without the timer the writer could exit on its own
// before the test kills it, and the test would fail for the wrong reason.
const hang = () =>
  new Promise<never>(() => {
    setInterval(() => undefined, 60_000);
  });

export const stoppingFs: FileSystemLike = {
  ...fs,
  open: async (path, flags, mode) => {
    const handle = await fs.open(path, flags, mode);
    return {
      read: (b, o, l, p) => handle.read(b, o, l, p),
      readFile: (options) => handle.readFile(options),
      stat: () => handle.stat(),
      chmod: (m) => handle.chmod(m),
      sync: () => handle.sync(),
      close: () => handle.close(),
      writeFile: async (data) => {
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
        await handle.write(bytes.subarray(0, bytes.length >> 1));
        await handle.sync();
        process.stdout.write('HALF\n');
        await hang();
      },
    };
  },
};
