import * as fs from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { FileSystemLike } from '../../electron/fs/types';

export function tempDir(prefix = 'twitchscope-electron-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let counter = 0;
export const uniqueSuffix = (): string => `t${++counter}`;

/** The real file system, except that creating files inside `folder` fails as on a read-only medium. */
export function readOnlyFolder(folder: string): FileSystemLike {
  const inside = (path: string) => path.startsWith(folder + sep);
  const refuse = () => Object.assign(new Error('read-only file system'), { code: 'EROFS' });
  return {
    open: async (path, flags, mode) => {
      if (inside(path) && flags !== 'r') throw refuse();
      return fs.open(path, flags, mode);
    },
    stat: (path) => fs.stat(path),
    readFile: (path, encoding) => fs.readFile(path, encoding),
    rename: async (from, to) => {
      if (inside(to)) throw refuse();
      return fs.rename(from, to);
    },
    unlink: (path) => fs.unlink(path),
    mkdir: (path, options) => fs.mkdir(path, options),
  };
}
