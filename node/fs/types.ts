/**
 * The slice of `node:fs/promises` the app's file code uses. Stores and handlers take it as a parameter so tests
 * run them on a temporary folder or a fake, and `node:fs/promises` itself satisfies it.
 *
 * There is no whole-file read by path here on purpose: a path may name a FIFO or a device, and reading one
 * blocks a file-I/O thread for good. Reads go through `read-regular.ts`, which opens regular files only.
 */
export interface FileHandleLike {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  readFile(options: { encoding: 'utf8' }): Promise<string>;
  writeFile(data: Uint8Array | string): Promise<void>;
  stat(): Promise<StatsLike>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StatsLike {
  size: number;
  mtimeMs: number;
  /** File type and permission bits, as stat(2) gives them. */
  mode: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface FileSystemLike {
  open(path: string, flags: string | number, mode?: number): Promise<FileHandleLike>;
  stat(path: string): Promise<StatsLike>;
  readdir(path: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/** The error code a Node file call failed with, if any. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
