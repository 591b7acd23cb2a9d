import type { ByteSource } from './source';

const EDGE = 64 * 1024;

/**
 * Content fingerprint: FNV-1a (64-bit, as two 32-bit lanes) over the size and the first and last 64 KiB.
 * Enough to tell a file from an edited copy for restoring the user's work, at a fixed cost.
 */
export async function fingerprint(source: ByteSource): Promise<string> {
  const head = await source.read(0, Math.min(EDGE, source.size));
  const tailStart = Math.max(head.length, source.size - EDGE);
  const tail = tailStart < source.size ? await source.read(tailStart, source.size - tailStart) : new Uint8Array(0);
  const size = String(source.size);
  const bytes = new Uint8Array(size.length + head.length + tail.length);
  for (let i = 0; i < size.length; i++) bytes[i] = size.charCodeAt(i);
  bytes.set(head, size.length);
  bytes.set(tail, size.length + head.length);
  // The hashes in locals, not in a closure's context, where each new value was a boxed number per byte.
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ bytes[i], 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return `${source.size.toString(16)}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
