/**
 * A typed array kept across calls and replaced by a larger one only when a call asks for more than it holds:
 * scratch memory for loops that run once per window or per filter, so they allocate once, not every time.
 * `slack` sizes a replacement above the request, for callers whose requests creep upwards.
 */
export class Growing<A extends Float64Array | Int32Array> {
  private array: A;

  constructor(
    private readonly make: (length: number) => A,
    initial = 0,
    private readonly slack = 1,
  ) {
    this.array = make(initial);
  }

  /** The kept array, at least `length` long (longer when an earlier call asked for more). */
  atLeast(length: number): A {
    if (this.array.length < length) this.array = this.make(Math.ceil(length * this.slack));
    return this.array;
  }

  get bytes(): number {
    return this.array.byteLength;
  }
}

export const float64s = (length: number): Float64Array => new Float64Array(length);
export const int32s = (length: number): Int32Array => new Int32Array(length);
