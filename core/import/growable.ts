/** Append-only typed arrays: columns of unknown final length, grown by 1.5× from a size estimate. */

type Column = Float32Array | Float64Array;

export class Growable<A extends Column> {
  length = 0;
  /** Filling `data` first (a fresh array, or a slot of a larger shared one); past its end, a copy of its own from `make`. */
  constructor(
    public data: A,
    private readonly make: (size: number) => A,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  grow(): void {
    const next = this.make(Math.ceil(this.data.length * 1.5) + 16);
    next.set(this.data);
    this.data = next;
  }
  /** The filled part; copies only when the spare capacity is large. */
  trimmed(): A {
    return (this.data.length - this.length > this.length / 8 + 1024 ? this.data.slice(0, this.length) : this.data.subarray(0, this.length)) as A;
  }
  /** Lets go of the array (the filled part was taken): see TableCollector.release. */
  release(): void {
    this.data = this.make(0);
    this.length = 0;
  }
  /** The filled part, in place. */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

const float32 = (size: number): Float32Array => new Float32Array(size);
const float64 = (size: number): Float64Array => new Float64Array(size);

/** A float32 sample column with room for `capacity`, or filling `slot` first. */
export const sampleColumn = (capacity: number, slot?: Float32Array): Growable<Float32Array> => new Growable(slot ?? float32(Math.max(16, capacity)), float32);

/** A float64 time column with room for `capacity`, or filling `slot` first. */
export const timeColumn = (capacity: number, slot?: Float64Array): Growable<Float64Array> => new Growable(slot ?? float64(Math.max(16, capacity)), float64);
