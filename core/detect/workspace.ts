import { FilterScratch } from '../dsp/filtfilt';
import { CorrelationScratch } from './ecg';

/**
 * Working memory reused across the channels of one analysis: an hour of 2 kHz EMG needs several
 * channel-length arrays, and allocating them afresh per channel costs more in garbage collection than
 * some of the stages that use them.
 */
export class Workspace {
  readonly filter = new FilterScratch();
  readonly correlation = new CorrelationScratch();
  private readonly pool = new Map<string, Float32Array>();

  /** A float32 array of `length` under `name`, contents undefined; valid until `name` is asked for again. */
  floats(name: string, length: number): Float32Array {
    let buffer = this.pool.get(name);
    if (!buffer || buffer.length < length) {
      buffer = new Float32Array(Math.ceil(length * 1.1));
      this.pool.set(name, buffer);
    }
    return buffer.subarray(0, length);
  }

  /** Bytes held. */
  get bytes(): number {
    let n = this.filter.bytes;
    for (const b of this.pool.values()) n += b.byteLength;
    return n;
  }
}
