import { encodeUtf8 } from '../../import/text';
import { talSeconds } from './fields';

export interface OutAnnotation {
  onsetS: number;
  durationS: number | null;
  text: string;
}

/** `+onset[\x15duration]\x14text\x14\x00`, UTF-8 (EDF+ section 2.2.2); control characters in the text become spaces. */
export function talBytes(a: OutAnnotation): Uint8Array {
  const clean = a.text.replace(/[\u0000-\u001f]/g, ' ');
  const duration = a.durationS !== null && a.durationS > 0 ? `\x15${talSeconds(a.durationS, false)}` : '';
  return encodeUtf8(`${talSeconds(a.onsetS, true)}${duration}\x14${clean}\x14\x00`);
}

/** The time-keeping list that opens every record: when the record starts, with no text. */
export function keepingBytes(onsetS: number): Uint8Array {
  return encodeUtf8(`${talSeconds(onsetS, true)}\x14\x14\x00`);
}

export interface PackedTals {
  /** Bytes of the annotation signal in every record (a multiple of the sample width). */
  bytesPerRecord: number;
  /** Per record, the annotation lists it carries after its time-keeping list. */
  byRecord: Uint8Array[][];
}

/**
 * Deals the annotations, in time order, into the records' annotation signal: EDF+ lets a list sit in any
 * record (readers gather them all), so records are filled in turn to the smallest common size that holds them.
 */
export function packTals(annotations: readonly OutAnnotation[], records: number, keepingOf: (r: number) => Uint8Array, sampleBytes: number): PackedTals {
  const tals = [...annotations].sort((a, b) => a.onsetS - b.onsetS).map(talBytes);
  let keeping = 0;
  for (let r = 0; r < records; r++) keeping = Math.max(keeping, keepingOf(r).length);
  const total = tals.reduce((n, t) => n + t.length, 0);
  const longest = tals.reduce((n, t) => Math.max(n, t.length), 0);
  let size = keeping + Math.max(longest, Math.ceil(total / records));
  for (;;) {
    size = Math.ceil(size / sampleBytes) * sampleBytes;
    const byRecord = deal(tals, records, size - keeping);
    if (byRecord) return { bytesPerRecord: size, byRecord };
    size = Math.ceil(size * 1.25);
  }
}

function deal(tals: Uint8Array[], records: number, room: number): Uint8Array[][] | null {
  const out: Uint8Array[][] = Array.from({ length: records }, () => []);
  let r = 0;
  let used = 0;
  for (const t of tals) {
    while (r < records && used + t.length > room) {
      r++;
      used = 0;
    }
    if (r >= records) return null;
    out[r].push(t);
    used += t.length;
  }
  return out;
}
