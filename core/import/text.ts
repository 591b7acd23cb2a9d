/**
 * Text coding through the platform's TextEncoder/TextDecoder (Node, workers and browsers all have them).
 * `core/` compiles without DOM types, so their shape is declared here.
 */

export interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
interface Globals {
  TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const g = globalThis as unknown as Globals;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Encoding from the byte-order mark, or from NUL bytes at alternating positions (BOM-less UTF-16). */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const n = Math.min(head.length, 512) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (n >= 8 && oddNul > n / 4 && evenNul === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (n >= 8 && evenNul > n / 4 && oddNul === 0) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

export function createDecoder(encoding: TextEncoding): Decoder {
  return new g.TextDecoder(encoding, { ignoreBOM: true });
}

export function encodeUtf8(text: string): Uint8Array {
  return new g.TextEncoder().encode(text);
}
