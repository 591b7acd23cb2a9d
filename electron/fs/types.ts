/**
 * The slice of `node:fs/promises` the shell uses. Handlers and stores take it as a parameter so tests run them
 * on a temporary folder or a fake, and `node:fs/promises` itself satisfies it.
 */
export interface FileHandleLike {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  writeFile(data: Uint8Array | string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StatsLike {
  size: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface FileSystemLike {
  open(path: string, flags: string, mode?: number): Promise<FileHandleLike>;
  stat(path: string): Promise<StatsLike>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}
