import type { OpenedFile } from '../../core/platform/api';

/** Bytes as the file the user opened, counting how often it is read (to prove a step read nothing again). */
export function countingFile(name: string, bytes: Uint8Array): OpenedFile & { reads: number } {
  const file = {
    reads: 0,
    name,
    size: bytes.length,
    key: `test:${name}`,
    read: async (offset: number, length: number) => {
      file.reads++;
      return bytes.slice(offset, offset + length);
    },
  };
  return file;
}
