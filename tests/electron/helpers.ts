import * as fs from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll } from 'vitest';
import type { FileSystemLike } from '../../node/fs/types';

const created: string[] = [];
// Registered while the importing test file is collected, so each file removes its own folders.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system temp folder, removed after the test file has run. */
export function tempDir(prefix = 'twitchscope-electron-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

let counter = 0;
export const uniqueSuffix = (): string => `t${++counter}`;

/** The real file system, except that creating files inside `folder` fails as on a read-only medium. */
export function readOnlyFolder(folder: string): FileSystemLike {
  const inside = (path: string) => path.startsWith(folder + sep);
  const refuse = () => Object.assign(new Error('read-only file system'), { code: 'EROFS' });
  return {
    open: async (path, flags, mode) => {
      if (inside(path) && typeof flags === 'string' && flags !== 'r') throw refuse();
      return fs.open(path, flags, mode);
    },
    stat: (path) => fs.stat(path),
    readdir: (path) => fs.readdir(path),
    rename: async (from, to) => {
      if (inside(to)) throw refuse();
      return fs.rename(from, to);
    },
    unlink: (path) => fs.unlink(path),
    mkdir: (path, options) => fs.mkdir(path, options),
  };
}
