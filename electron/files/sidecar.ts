import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { keepAsideReason, SIDECAR_SUFFIX } from '../../core/review/sidecar';
import { writeFileAtomic } from '../../node/fs/atomic-write';
import { readRegularFile } from '../../node/fs/read-regular';
import { removeStaleTempsOf } from '../../node/fs/stale-temps';
import { errorCode, type FileSystemLike } from '../../node/fs/types';

/**
 * The user's work on a recording lives beside it as `<recording>.twitchscope.json`, so it travels with the file.
 * When that folder is read-only (a CD, a shared drive, a locked-down Downloads folder) it goes to
 * `<user data>/sidecars/<sha256 of the path>.json` instead.
 */

const CANNOT_WRITE_BESIDE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EBUSY']);
/** A stat that fails with these proves there is no sidecar at that place (ENOTDIR: a parent is a file). */
const ABSENT = new Set(['ENOENT', 'ENOTDIR']);

export const UNREAD_REASON = 'The saved work file could not be read when the recording was opened, so it was not taken over.';

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

/**
 * What is known of the sidecar on disk when saving: `read` when this run loaded it or proved there is none,
 * `unread` otherwise (the load failed, or never happened). Over unread work nothing is written: it is kept aside.
 */
export type PreviousWork = 'read' | 'unread';

export function sidecarBeside(recordingPath: string): string {
  return recordingPath + SIDECAR_SUFFIX;
}

export function sidecarInUserData(userDataDir: string, recordingPath: string): string {
  const hash = createHash('sha256').update(recordingPath, 'utf8').digest('hex');
  return join(userDataDir, 'sidecars', `${hash}.json`);
}

/**
 * When both copies exist (the folder was read-only for a while), the one written last wins. Throws when either
 * place cannot be checked or the newest is not a readable regular file: that is not "no saved work".
 */
export async function loadSidecar(deps: SidecarDeps, recordingPath: string): Promise<string | null> {
  let newest: { path: string; mtimeMs: number } | null = null;
  for (const path of [sidecarBeside(recordingPath), sidecarInUserData(deps.userDataDir, recordingPath)]) {
    try {
      const stats = await deps.fs.stat(path);
      if (newest === null || stats.mtimeMs > newest.mtimeMs) newest = { path, mtimeMs: stats.mtimeMs };
    } catch (error) {
      if (!ABSENT.has(errorCode(error) ?? '')) throw error;
    }
  }
  return newest === null ? null : readRegularFile(deps.fs, newest.path);
}

export async function saveSidecar(deps: SidecarDeps, recordingPath: string, text: string, previous: PreviousWork): Promise<SidecarLocation> {
  const beside = sidecarBeside(recordingPath);
  try {
    return { where: 'beside', path: beside, ...(await replace(deps, beside, text, previous)) };
  } catch (error) {
    if (!CANNOT_WRITE_BESIDE.has(errorCode(error) ?? '')) throw error;
  }
  const fallback = sidecarInUserData(deps.userDataDir, recordingPath);
  await deps.fs.mkdir(join(deps.userDataDir, 'sidecars'), { recursive: true });
  return { where: 'user-data', path: fallback, ...(await replace(deps, fallback, text, previous)) };
}

async function replace(deps: SidecarDeps, path: string, text: string, previous: PreviousWork): Promise<{ keptAside?: { path: string; reason: string } }> {
  const keptAside = await keepAside(deps, path, text, previous);
  await writeFileAtomic(deps.fs, path, text, deps.uniqueSuffix);
  return keptAside ? { keptAside } : {};
}

/** Moves a sidecar `text` must not overwrite (see keepAsideReason) to `<name>.kept-<suffix>.json` beside it. */
async function keepAside(deps: SidecarDeps, path: string, text: string, previous: PreviousWork): Promise<{ path: string; reason: string } | undefined> {
  const reason = await reasonToKeep(deps, path, text, previous);
  if (reason === null) return undefined;
  const aside = `${path.replace(/\.json$/, '')}.kept-${deps.uniqueSuffix()}.json`;
  await deps.fs.rename(path, aside);
  return { path: aside, reason };
}

async function reasonToKeep(deps: SidecarDeps, path: string, text: string, previous: PreviousWork): Promise<string | null> {
  if (previous === 'unread') {
    return deps.fs.stat(path).then(
      () => UNREAD_REASON,
      (error: unknown) => {
        if (ABSENT.has(errorCode(error) ?? '')) return null;
        throw error;
      },
    );
  }
  let existing: string;
  try {
    existing = await readRegularFile(deps.fs, path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return null;
    if (code === 'ENOTREG' || code === 'EISDIR') return 'The saved work file is not a regular file.';
    throw error;
  }
  return keepAsideReason(existing, text);
}

/**
 * Sidecars as main serves them to windows: a save writes over saved work only when this run has read it (or
 * proved there is none) since the recording was opened, so a failed load can never lead to lost work.
 */
export class SidecarStore {
  private readonly read = new Set<string>();
  private readonly swept = new Set<string>();

  constructor(readonly deps: SidecarDeps) {}

  async load(recordingPath: string): Promise<string | null> {
    this.read.delete(recordingPath);
    const text = await loadSidecar(this.deps, recordingPath);
    this.read.add(recordingPath);
    return text;
  }

  async save(recordingPath: string, text: string): Promise<SidecarLocation> {
    if (!this.swept.has(recordingPath)) {
      this.swept.add(recordingPath);
      await removeStaleTempsOf(this.deps.fs, sidecarBeside(recordingPath));
      await removeStaleTempsOf(this.deps.fs, sidecarInUserData(this.deps.userDataDir, recordingPath));
    }
    const location = await saveSidecar(this.deps, recordingPath, text, this.read.has(recordingPath) ? 'read' : 'unread');
    // From now on the file there is this run's own work.
    this.read.add(recordingPath);
    return location;
  }
}
