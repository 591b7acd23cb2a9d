/**
 * The library index as one file (e.g. `<user data>/library.json`): written atomically, and set aside rather
 * than overwritten when it cannot be read. Takes the file system as a parameter, so Electron's main process
 * and the command line use it with `node:fs/promises` and tests with a failing one.
 */
import { dirname } from 'node:path';
import type { LibraryStore } from '../core/library/library';
import { writeFileAtomic } from './fs/atomic-write';
import { readRegularFile } from './fs/read-regular';
import { removeStaleTempsOf } from './fs/stale-temps';
import { errorCode, type FileSystemLike } from './fs/types';

export const LIBRARY_FILE = 'library.json';

export interface FileLibraryStoreDeps {
  fs: FileSystemLike;
  /** The index file's path. */
  path: string;
  now(): Date;
  uniqueSuffix(): string;
}

export function fileLibraryStore(deps: FileLibraryStoreDeps): LibraryStore {
  let swept = false;
  return {
    // Only a missing file means "no library yet"; any other failure (a FIFO, no permission) is thrown, so
    // nobody takes it for an empty library and saves over it.
    async load() {
      try {
        return await readRegularFile(deps.fs, deps.path);
      } catch (e) {
        if (errorCode(e) === 'ENOENT') return null;
        throw e;
      }
    },
    async save(text) {
      await deps.fs.mkdir(dirname(deps.path), { recursive: true });
      if (!swept) {
        swept = true;
        await removeStaleTempsOf(deps.fs, deps.path);
      }
      await writeFileAtomic(deps.fs, deps.path, text, deps.uniqueSuffix);
    },
    async setAside(label) {
      const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
      const aside = `${deps.path}.${label}-${stamp}`;
      await deps.fs.rename(deps.path, aside);
      return aside;
    },
  };
}
