import type { ChannelKind } from '../recording';

/** What the user may tell the importer when the file does not say, or says it wrong. */
export interface ImportOptions {
  /** Force a format id instead of detecting it (`twitchscope formats`). */
  format?: string;
  /** Sample rate in Hz, for files without a time column or a stated rate. */
  rateHz?: number;
  /** Per-column overrides by column label or 1-based index: kind and unit. */
  columns?: Record<string, { kind?: ChannelKind; unit?: string }>;
  /** Fraction of bytes read, 0..1. */
  onProgress?: (fraction: number) => void;
  signal?: { readonly aborted: boolean };
  /**
   * A delimited table's sample columns are read into shared memory (SharedArrayBuffer) where they fit the
   * size estimated up front, so the recording can go to another thread as it is: neither copied nor moved
   * (moving a buffer out of a thread detaches it, and V8 then checks every typed-array access of that
   * thread for detached buffers: ~10 % slower imports on the batch's worker thread).
   */
  sharedSamples?: boolean;
}
