import { join } from 'node:path';
import { writeFileAtomic } from '../../node/fs/atomic-write';
import { readRegularFile } from '../../node/fs/read-regular';
import { errorCode, type FileSystemLike } from '../../node/fs/types';
import { DEFAULT_SETTINGS, parseSettings, serializeSettings, type Settings } from './schema';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStoreDeps {
  fs: FileSystemLike;
  /** The app's user-data folder. */
  dir: string;
  now(): Date;
  uniqueSuffix(): string;
  /** Told when a settings file was set aside, with where it went. */
  onSetAside(path: string, reason: string): void;
}

/** Loads and saves settings; saves run one after another so the last change always wins on disk. */
export class SettingsStore {
  private current: Settings = DEFAULT_SETTINGS;
  private queue: Promise<void> = Promise.resolve();
  private frozen = false;

  constructor(private readonly deps: SettingsStoreDeps) {}

  get path(): string {
    return join(this.deps.dir, SETTINGS_FILE);
  }

  get value(): Settings {
    return this.current;
  }

  async load(): Promise<Settings> {
    this.current = DEFAULT_SETTINGS;
    let text: string;
    try {
      text = await readRegularFile(this.deps.fs, this.path);
    } catch (error) {
      // Only a missing file means "no settings yet". One that cannot be read (no permission, a pipe) is
      // the user's all the same: it is set aside like a broken one, never saved over.
      if (errorCode(error) !== 'ENOENT') await this.setAside(`could not be read (${errorCode(error) ?? 'error'})`);
      return this.current;
    }
    const parsed = parseSettings(text);
    if (parsed.kind === 'ok') this.current = parsed.settings;
    else await this.setAside(parsed.kind === 'newer' ? `written by a newer version (${parsed.version})` : parsed.reason);
    return this.current;
  }

  // Keep the user's file: a newer version may still want it, and a broken one may be worth a look.
  private async setAside(reason: string): Promise<void> {
    const stamp = this.deps.now().toISOString().replace(/[:.]/g, '-');
    const aside = `${this.path}.bad-${stamp}`;
    try {
      await this.deps.fs.rename(this.path, aside);
      this.deps.onSetAside(aside, reason);
    } catch {
      // It could not be moved, so it must not be replaced either: run on defaults and save nothing.
      this.frozen = true;
      this.deps.onSetAside(this.path, `${reason}, and could not be renamed; settings will not be saved this time`);
    }
  }

  /** Resolves once every change made so far is on disk (or has failed). */
  flush(): Promise<void> {
    return this.queue;
  }

  update(change: (settings: Settings) => Settings): Promise<void> {
    this.current = change(this.current);
    if (this.frozen) return Promise.resolve();
    const snapshot = serializeSettings(this.current);
    const write = this.queue.then(async () => {
      await this.deps.fs.mkdir(this.deps.dir, { recursive: true });
      await writeFileAtomic(this.deps.fs, this.path, snapshot, this.deps.uniqueSuffix);
    });
    this.queue = write.catch(() => undefined);
    return write;
  }
}
