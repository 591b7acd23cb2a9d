import type { Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';

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
