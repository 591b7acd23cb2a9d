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
  const sizeBytes = new Uint8Array(size.length);
  for (let i = 0; i < size.length; i++) sizeBytes[i] = size.charCodeAt(i);
  const h1 = fnv1a(tail, fnv1a(head, fnv1a(sizeBytes, 0x811c9dc5, PRIME_1), PRIME_1), PRIME_1);
  const h2 = fnv1a(tail, fnv1a(head, fnv1a(sizeBytes, 0xcbf29ce4, PRIME_2), PRIME_2), PRIME_2);
  return `${source.size.toString(16)}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

const PRIME_1 = 0x01000193;
const PRIME_2 = 0x01000193 ^ 0x5bd1e995;

/**
 * FNV-1a's 32-bit step over `bytes` from the hash `h`, so size, head and tail hash as one run of bytes.
 * A function of its own: inside `fingerprint` the loop was compiled on the stack and thrown out at the
 * code after it, which had never run (5 deoptimisations a batch, and a recompile per thread).
 */
function fnv1a(bytes: Uint8Array, h: number, prime: number): number {
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], prime) >>> 0;
  return h;
}
