import type { RecentFile } from '../../renderer/platform/types';

/** What the desktop shell remembers between runs, in one JSON file in the user-data folder. */

export const SETTINGS_SCHEMA = 'twitchscope.settings';
export const SETTINGS_VERSION = 1;

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface WindowState {
  x: number | null;
  y: number | null;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Settings {
  window: WindowState | null;
  recent: RecentFile[];
  theme: ThemeChoice;
  /** Folder of the last file opened or saved, where the next dialog starts. */
  lastFolder: string | null;
}

export const DEFAULT_SETTINGS: Settings = { window: null, recent: [], theme: 'system', lastFolder: null };

export type ParsedSettings =
  | { kind: 'ok'; settings: Settings }
  | { kind: 'broken'; reason: string }
  | { kind: 'newer'; version: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Reads the file leniently field by field (a bad window size should not cost the recent list), but a file that
 * is not ours or was written by a newer version is reported so the caller keeps it rather than overwrite it.
 */
export function parseSettings(text: string): ParsedSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'broken', reason: 'not JSON' };
  }
  if (!isRecord(raw) || raw.schema !== SETTINGS_SCHEMA) return { kind: 'broken', reason: 'not a settings file' };
  if (!finite(raw.version) || raw.version < 1) return { kind: 'broken', reason: 'no version' };
  if (raw.version > SETTINGS_VERSION) return { kind: 'newer', version: raw.version };
  return {
    kind: 'ok',
    settings: {
      window: readWindow(raw.window),
      recent: Array.isArray(raw.recent) ? raw.recent.flatMap(readRecent) : [],
      theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system',
      lastFolder: typeof raw.lastFolder === 'string' && raw.lastFolder.length > 0 ? raw.lastFolder : null,
    },
  };
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ schema: SETTINGS_SCHEMA, version: SETTINGS_VERSION, ...settings }, null, 2)}\n`;
}

function readWindow(value: unknown): WindowState | null {
  if (!isRecord(value) || !finite(value.width) || !finite(value.height)) return null;
  if (value.width < 200 || value.height < 150) return null;
  return {
    x: finite(value.x) ? Math.round(value.x) : null,
    y: finite(value.y) ? Math.round(value.y) : null,
    width: Math.round(value.width),
    height: Math.round(value.height),
    maximized: value.maximized === true,
  };
}

function readRecent(value: unknown): RecentFile[] {
  if (!isRecord(value)) return [];
  const { key, name, openedAt } = value;
  if (typeof key !== 'string' || typeof name !== 'string' || typeof openedAt !== 'string') return [];
  return key.length > 0 && name.length > 0 ? [{ key, name, openedAt }] : [];
}
