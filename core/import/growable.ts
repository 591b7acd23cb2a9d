/** Append-only typed arrays: columns of unknown final length, grown by 1.5× from a size estimate. */

export class GrowableF32 {
  data: Float32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float32Array(Math.max(16, capacity));
  }
  /** Filling `storage` first (a slot of a larger, shared array); past its end, a copy of its own. */
  static over(storage: Float32Array): GrowableF32 {
    const g = new GrowableF32(0);
    g.data = storage;
    return g;
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  grow(): void {
    const next = new Float32Array(Math.ceil(this.data.length * 1.5) + 16);
    next.set(this.data);
    this.data = next;
  }
  /** The filled part; copies only when the spare capacity is large. */
  trimmed(): Float32Array {
    return this.data.length - this.length > this.length / 8 + 1024
      ? this.data.slice(0, this.length)
      : this.data.subarray(0, this.length);
  }
}

export class GrowableF64 {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  /** Filling `storage` first (a slot of a larger, shared array); past its end, a copy of its own. */
  static over(storage: Float64Array): GrowableF64 {
    const g = new GrowableF64(0);
    g.data = storage;
    return g;
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  private grow(): void {
    const next = new Float64Array(Math.ceil(this.data.length * 1.5) + 16);
    next.set(this.data);
    this.data = next;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
