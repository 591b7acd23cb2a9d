import { encodeUtf8 } from './text';

/** Random-access bytes of a file, so the importer streams the same way in Node, a worker and the browser. */
export interface ByteSource {
  /** File name shown in messages (no directories). */
  readonly name: string;
  readonly size: number;
  /**
   * Bytes [offset, offset + length), fewer at the end of the file. With `into` (at least `length` long), a
   * source may read into it and return a view of it: a reader done with each chunk before asking for the
   * next (the scanners) then reuses one buffer instead of leaving a chunk of garbage behind per read.
   */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
}

/** A source over bytes already in memory (tests, drag-and-drop of small files, generated data). */
export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

export function textSource(name: string, text: string): ByteSource {
  return bytesSource(name, encodeUtf8(text));
}

/** The part of Blob/File the importer uses; declared here because `core/` compiles without DOM types. */
export interface BlobLike {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** A source over a Blob or File (browser and Web Worker). */
export function blobSource(name: string, blob: BlobLike): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}
