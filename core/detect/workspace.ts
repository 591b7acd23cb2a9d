import { FilterScratch } from '../dsp/filtfilt';
import { KnockScratch } from './accel-impact';
import { CorrelationScratch } from './shape-correlation';

/**
 * Working memory reused across the channels of one analysis: an hour of 2 kHz EMG needs several
 * channel-length arrays, and allocating them afresh per channel costs more in garbage collection than
 * some of the stages that use them.
 */
export class Workspace {
  readonly filter = new FilterScratch();
  readonly correlation = new CorrelationScratch();
  readonly knock = new KnockScratch();
  private readonly pool = new Map<string, Float32Array>();
  private pair = new ArrayBuffer(0);

  /**
   * One channel's conditioned signal `x` and its `envelope`, the upper and lower halves of one buffer of
   * 8n bytes, which the band-pass first uses whole as float64 (`forward`) to keep its forward passes' output
   * (ZeroPhaseFilter.apply's `keep`): with x in the upper half, writing x[i] overwrites forward[i] or later
   * ones only, which the backward sweep has read by then. The same memory for the same `n` until another
   * length is asked for.
   */
  signal(n: number): { x: Float32Array; envelope: Float32Array; forward: Float64Array } {
    // Exactly the channel's length: a recording's channels are one length as a rule, and 10 % to spare
    // would be 10 % more memory on every analysing thread.
    if (this.pair.byteLength < 8 * n) this.pair = new ArrayBuffer(8 * n);
    return { x: new Float32Array(this.pair, 4 * n, n), envelope: new Float32Array(this.pair, 0, n), forward: new Float64Array(this.pair, 0, n) };
  }

  /**
   * An envelope of `n` samples: the lower half of `signal`'s buffer when it is there (the same array as its
   * `envelope`), else a pooled array, so a channel whose conditioned signal is kept elsewhere, or is being
   * re-thresholded, takes 4 bytes a sample here, not 8.
   */
  envelope(n: number): Float32Array {
    return this.pair.byteLength >= 8 * n ? new Float32Array(this.pair, 0, n) : this.floats('envelope', n);
  }

  /** A float32 array of `length` under `name`, contents undefined; valid until `name` is asked for again. */
  floats(name: string, length: number): Float32Array {
    let buffer = this.pool.get(name);
    if (!buffer || buffer.length < length) {
      buffer = new Float32Array(Math.ceil(length * 1.1));
      this.pool.set(name, buffer);
    }
    return buffer.subarray(0, length);
  }

  /**
   * Lets go of the pooled arrays now rather than at the next garbage collection, where the runtime can
   * (ArrayBuffer.prototype.transfer: the memory goes back at once). An idle worker may not collect for a
   * long while, and a new analysis would then hold its working memory twice (issue 22). The arrays read
   * empty afterwards: call it only when nothing uses them.
   */
  free(): void {
    const buffers = [this.pair, ...[...this.pool.values()].map((a) => a.buffer)];
    for (const b of buffers) (b as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
    this.pool.clear();
    this.pair = new ArrayBuffer(0);
  }

  /** Bytes held. */
  get bytes(): number {
    let n = this.filter.bytes + this.pair.byteLength;
    for (const b of this.pool.values()) n += b.byteLength;
    return n;
  }
}

/**
 * Keeps one analysis's working memory for the next in the same thread (a batch of files, or the same
 * recording at another sensitivity) when it is no larger than `maxBytes`: fresh pages cost the kernel a
 * fault each, about a twentieth of a short recording's analysis. A larger one is let go with its analysis.
 */
export class WorkspaceKeeper {
  private kept: Workspace | null = null;

  constructor(private readonly maxBytes = 64 * 2 ** 20) {}

  /** The kept workspace, or a new one; hand it back with `keep` when the analysis is done. */
  take(): Workspace {
    const ws = this.kept ?? new Workspace();
    this.kept = null;
    return ws;
  }

  keep(ws: Workspace): void {
    this.kept = ws.bytes <= this.maxBytes ? ws : null;
  }
}
