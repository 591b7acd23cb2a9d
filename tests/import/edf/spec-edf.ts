/**
 * EDF/BDF files written byte by byte from the specification (Kemp et al. 1992; Kemp & Olivan 2003), for the
 * edge cases real files rarely show. Deliberately separate from `core/export/edf`: the tests of the reader
 * must not share the writer's mistakes.
 */

export interface SpecSignal {
  label: string;
  dimension?: string;
  physMin?: number | string;
  physMax?: number | string;
  digMin?: number | string;
  digMax?: number | string;
  spr: number | string;
  prefilter?: string;
  transducer?: string;
  /**
   * Digital samples per record (record index, sample index) → value; annotation signals use `tals`. Without it a
   * signal gets a small deterministic wobble, since a flat EMG or accelerometer signal is set aside as dead.
   */
  sample?: (record: number, k: number) => number;
  /** Annotation signal: TAL text for each record (the caller writes the time-keeping TAL). */
  tals?: (record: number) => string;
}

export interface SpecFile {
  bdf?: boolean;
  patient?: string;
  recording?: string;
  date?: string;
  time?: string;
  reserved?: string;
  records: number;
  /** What the header says, when it should differ from `records` (-1, or a lie). */
  recordsField?: number | string;
  duration: number | string;
  signals: SpecSignal[];
  /** Overrides of raw header bytes: [offset, text]. */
  patch?: [number, string][];
}

function field(text: string | number, width: number): string {
  const t = String(text);
  if (t.length > width) throw new Error(`"${t}" does not fit ${width} bytes`);
  return t.padEnd(width, ' ');
}

function ascii(s: string): number[] {
  return Array.from(Buffer.from(s, 'latin1'));
}

export function specEdf(f: SpecFile): Uint8Array {
  const ns = f.signals.length;
  const bps = f.bdf ? 3 : 2;
  let head = f.bdf ? '\xffBIOSEMI' : field('0', 8);
  head += field(f.patient ?? 'X X X X', 80);
  head += field(f.recording ?? 'Startdate X X X X', 80);
  head += field(f.date ?? '02.03.21', 8) + field(f.time ?? '10.04.05', 8);
  head += field(256 * (ns + 1), 8) + field(f.reserved ?? '', 44);
  head += field(f.recordsField ?? f.records, 8) + field(f.duration, 8) + field(ns, 4);
  for (const [key, width, dflt] of [
    ['label', 16, ''],
    ['transducer', 80, ''],
    ['dimension', 8, 'uV'],
    ['physMin', 8, -3200],
    ['physMax', 8, 3200],
    ['digMin', 8, -32768],
    ['digMax', 8, 32767],
    ['prefilter', 80, ''],
    ['spr', 8, 1],
  ] as [keyof SpecSignal, number, string | number][]) {
    for (const s of f.signals) head += field((s[key] as string | number | undefined) ?? (s.tals && key.startsWith('dig') ? (key === 'digMin' ? (f.bdf ? -8388608 : -32768) : f.bdf ? 8388607 : 32767) : dflt), width);
  }
  for (let i = 0; i < ns; i++) head += field('', 32);
  const header = ascii(head);
  for (const [at, text] of f.patch ?? []) ascii(text).forEach((b, i) => (header[at + i] = b));
  const out: number[] = [...header];
  for (let r = 0; r < f.records; r++) {
    for (const s of f.signals) {
      const n = Number(s.spr);
      if (s.tals) {
        const bytes = Array.from(Buffer.from(s.tals(r), 'utf8'));
        if (bytes.length > n * bps) throw new Error(`record ${r}: annotations need ${bytes.length} bytes, the signal has ${n * bps}`);
        for (let k = 0; k < n * bps; k++) out.push(bytes[k] ?? 0);
      } else {
        for (let k = 0; k < n; k++) {
          const v = s.sample ? s.sample(r, k) : ((r * 31 + k * 17) % 61) - 30;
          out.push(v & 0xff, (v >> 8) & 0xff);
          if (bps === 3) out.push((v >> 16) & 0xff);
        }
      }
    }
  }
  return new Uint8Array(out);
}

/** The time-keeping TAL every EDF+ record starts with, then any others. */
export function tal(onset: number, ...rest: string[]): string {
  return `+${onset}\x14\x14\x00${rest.join('')}`;
}

/** One annotation: `+onset[\x15duration]\x14text\x14\x00`. */
export function note(onset: number, text: string, duration?: number): string {
  return `${onset >= 0 ? '+' : ''}${onset}${duration !== undefined ? `\x15${duration}` : ''}\x14${text}\x14\x00`;
}
