import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { keepAsideReason } from '../../core/review/sidecar';
import { writeFileAtomic } from '../fs/atomic-write';
import type { FileSystemLike } from '../fs/types';

/**
 * The user's work on a recording lives beside it as `<recording>.twitchscope.json`, so it travels with the file.
 * When that folder is read-only (a CD, a shared drive, a locked-down Downloads folder) it goes to
 * `<user data>/sidecars/<sha256 of the path>.json` instead.
 */
export const SIDECAR_SUFFIX = '.twitchscope.json';

const CANNOT_WRITE_BESIDE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EBUSY']);

export interface SidecarDeps {
  fs: FileSystemLike;
  userDataDir: string;
  uniqueSuffix(): string;
}

export type SidecarLocation = {
  where: 'beside' | 'user-data';
  path: string;
  /** Set when the file there was work this version could not take over: where it was moved, and why. */
  keptAside?: { path: string; reason: string };
};

export function sidecarBeside(recordingPath: string): string {
  return recordingPath + SIDECAR_SUFFIX;
}

export function sidecarInUserData(userDataDir: string, recordingPath: string): string {
  const hash = createHash('sha256').update(recordingPath, 'utf8').digest('hex');
  return join(userDataDir, 'sidecars', `${hash}.json`);
}

/** When both copies exist (the folder was read-only for a while), the one written last wins. */
export async function loadSidecar(deps: SidecarDeps, recordingPath: string): Promise<string | null> {
  let newest: { path: string; mtimeMs: number } | null = null;
  for (const path of [sidecarBeside(recordingPath), sidecarInUserData(deps.userDataDir, recordingPath)]) {
    try {
      const stats = await deps.fs.stat(path);
      if (stats.isFile() && (newest === null || stats.mtimeMs > newest.mtimeMs)) newest = { path, mtimeMs: stats.mtimeMs };
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  return newest === null ? null : deps.fs.readFile(newest.path, 'utf8');
}

export async function saveSidecar(deps: SidecarDeps, recordingPath: string, text: string): Promise<SidecarLocation> {
  const beside = sidecarBeside(recordingPath);
  try {
    const keptAside = await keepAside(deps, beside, text);
    await writeFileAtomic(deps.fs, beside, text, deps.uniqueSuffix);
    return { where: 'beside', path: beside, ...(keptAside ? { keptAside } : {}) };
  } catch (error) {
    if (!CANNOT_WRITE_BESIDE.has(errorCode(error) ?? '')) throw error;
  }
  const fallback = sidecarInUserData(deps.userDataDir, recordingPath);
  await deps.fs.mkdir(join(deps.userDataDir, 'sidecars'), { recursive: true });
  const keptAside = await keepAside(deps, fallback, text);
  await writeFileAtomic(deps.fs, fallback, text, deps.uniqueSuffix);
  return { where: 'user-data', path: fallback, ...(keptAside ? { keptAside } : {}) };
}

/** Moves a sidecar `text` must not overwrite (see keepAsideReason) to `<name>.kept-<suffix>.json` beside it. */
async function keepAside(deps: SidecarDeps, path: string, text: string): Promise<{ path: string; reason: string } | undefined> {
  let existing: string;
  try {
    existing = await deps.fs.readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const reason = keepAsideReason(existing, text);
  if (reason === null) return undefined;
  const aside = `${path.replace(/\.json$/, '')}.kept-${deps.uniqueSuffix()}.json`;
  await deps.fs.rename(path, aside);
  return { path: aside, reason };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
