import type { MenuCommand, RecentFile } from '../../core/platform/api';

/**
 * The closed list of IPC channels. Main registers a handler for every entry of `INVOKE_CHANNELS` and nothing
 * else; the preload can only name these constants, so the renderer never picks a channel itself.
 */
export const INVOKE_CHANNELS = [
  'file:open-dialog',
  'file:open-events',
  'file:open-dropped',
  'file:open-recent',
  'file:read',
  'recent:list',
  'file:save',
  'report:save-pdf',
  'sidecar:load',
  'sidecar:save',
  'app:version',
  'library:load',
  'library:save',
  'library:set-aside',
  'library:open',
  'library:file-exists',
  'templates:load',
  'templates:save',
] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** Main to renderer only. */
export const EVENT_CHANNELS = {
  menuCommand: 'menu:command',
  openFile: 'host:open-file',
} as const;

/** A file main has granted to one window: the renderer reads it by token, never by path. */
export interface GrantedFile {
  token: string;
  name: string;
  size: number;
  key: string;
}

/** Request payload and reply of every invoke channel: one object in, one value out. */
export interface InvokeContract {
  'file:open-dialog': { request: Record<string, never>; reply: GrantedFile | null };
  'file:open-events': { request: Record<string, never>; reply: GrantedFile | null };
  'file:open-dropped': { request: { path: string; size: number }; reply: GrantedFile };
  'file:open-recent': { request: { key: string }; reply: GrantedFile | null };
  'file:read': { request: { token: string; offset: number; length: number }; reply: Uint8Array };
  'recent:list': { request: Record<string, never>; reply: RecentFile[] };
  'file:save': {
    request: { suggestedName: string; data: Uint8Array | string; mimeType: string };
    reply: boolean;
  };
  'report:save-pdf': { request: { suggestedName: string; html: string }; reply: boolean };
  'sidecar:load': { request: { key: string }; reply: string | null };
  'sidecar:save': { request: { key: string; text: string }; reply: void };
  'app:version': { request: Record<string, never>; reply: string };
  'library:load': { request: Record<string, never>; reply: string | null };
  'library:save': { request: { text: string }; reply: void };
  'library:set-aside': { request: { label: 'newer' | 'unreadable' }; reply: string | null };
  'library:open': { request: { key: string }; reply: GrantedFile | null };
  'library:file-exists': { request: { key: string }; reply: boolean };
  'templates:load': { request: Record<string, never>; reply: string | null };
  'templates:save': { request: { text: string }; reply: void };
}

/**
 * What every invoke resolves to. Refusals travel as data rather than thrown errors, which Electron would prefix
 * with "Error invoking remote method …"; the preload turns them back into an Error with the plain message.
 */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; message: string };

export type RequestOf<C extends InvokeChannel> = InvokeContract[C]['request'];
export type ReplyOf<C extends InvokeChannel> = InvokeContract[C]['reply'];

export interface EventContract {
  'menu:command': MenuCommand;
  'host:open-file': GrantedFile;
}

/** Keyed by command so adding one to `MenuCommand` fails to compile until it is listed here. */
const MENU_COMMAND_KEYS: Record<MenuCommand, true> = {
  open: true,
  'open-sample': true,
  'export-pdf': true,
  'export-csv': true,
  'export-json': true,
  'export-edf': true,
  'import-events': true,
  'zoom-in': true,
  'zoom-out': true,
  'zoom-reset': true,
  'toggle-theme': true,
  'show-guidance': true,
  'show-library': true,
  'show-about': true,
};

export const MENU_COMMANDS = Object.keys(MENU_COMMAND_KEYS) as MenuCommand[];
