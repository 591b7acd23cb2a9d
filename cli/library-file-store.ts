/**
 * The library index as one file (e.g. `<user data>/library.json`): written atomically, and set aside rather
 * than overwritten when it cannot be read. Takes the file system as a parameter, so Electron's main process
 * can use it with `node:fs/promises` and tests with a failing one.
 */
import { dirname } from 'node:path';
import type { LibraryStore } from '../core/library/library';
import { writeFileAtomic } from '../electron/fs/atomic-write';
import type { FileSystemLike } from '../electron/fs/types';

export const LIBRARY_FILE = 'library.json';

export interface FileLibraryStoreDeps {
  fs: FileSystemLike;
  /** The index file's path. */
  path: string;
  now(): Date;
  uniqueSuffix(): string;
}

export function fileLibraryStore(deps: FileLibraryStoreDeps): LibraryStore {
  return {
    async load() {
      try {
        return await deps.fs.readFile(deps.path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async save(text) {
      await deps.fs.mkdir(dirname(deps.path), { recursive: true });
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
