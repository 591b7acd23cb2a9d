import { isFiniteNumber, isRecord, object, oneOf, text, validItems, valueOr } from '../../core/schema/check';
import { envelopeProblem, readEnvelope } from '../../core/schema/envelope';
import type { RecentFile } from '../../core/platform/api';

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

const RECENT_FILE = object<RecentFile>({ key: text({ min: 1 }), name: text({ min: 1 }), openedAt: text() }, { extra: 'ignore' });

/**
 * Reads the file leniently field by field (a bad window size should not cost the recent list), but a file that
 * is not ours or was written by a newer version is reported so the caller keeps it rather than overwrite it.
 */
export function parseSettings(fileText: string): ParsedSettings {
  const envelope = readEnvelope(fileText, SETTINGS_SCHEMA, SETTINGS_VERSION);
  if (envelope.kind === 'newer') return { kind: 'newer', version: envelope.version };
  if (envelope.kind !== 'current') return { kind: 'broken', reason: envelopeProblem(envelope, 'settings file') };
  const raw = envelope.raw;
  return {
    kind: 'ok',
    settings: {
      window: readWindow(raw.window),
      recent: validItems(raw.recent, RECENT_FILE).items,
      theme: valueOr(oneOf(['light', 'dark'] as const), raw.theme, 'system'),
      lastFolder: valueOr(text({ min: 1 }), raw.lastFolder, null),
    },
  };
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify({ schema: SETTINGS_SCHEMA, version: SETTINGS_VERSION, ...settings }, null, 2)}\n`;
}

function readWindow(value: unknown): WindowState | null {
  if (!isRecord(value) || !isFiniteNumber(value.width) || !isFiniteNumber(value.height)) return null;
  if (value.width < 200 || value.height < 150) return null;
  return {
    x: isFiniteNumber(value.x) ? Math.round(value.x) : null,
    y: isFiniteNumber(value.y) ? Math.round(value.y) : null,
    width: Math.round(value.width),
    height: Math.round(value.height),
    maximized: value.maximized === true,
  };
}
