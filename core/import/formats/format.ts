import type { Recording } from '../../recording';
import type { Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import type { ByteSource } from '../source';

/** One file layout the importer knows: how to recognise it and how to read it. */
export interface FormatDef {
  id: string;
  name: string;
  /** What writes it, in a few words, for `twitchscope formats`. */
  description: string;
  /** `real`: tested on a real export; `documented`: built from the vendor's published layout. */
  evidence: 'real' | 'documented';
  /** Confidence 0..1 that the head is this format; the highest wins. */
  detect(head: Head): number;
  plan(head: Head, options: ImportOptions): TablePlan;
}

/** A binary layout: recognised by its first bytes and read by a reader of its own, not by the text scanner. */
export interface BinaryFormatDef {
  id: string;
  name: string;
  description: string;
  evidence: 'real' | 'documented';
  /** True when the file's first bytes (at least 8 when the file has them) are this format's signature. */
  sniff(first: Uint8Array): boolean;
  read(source: ByteSource, options: ImportOptions): Promise<Recording>;
}
