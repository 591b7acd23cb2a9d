/**
 * The sample of largest magnitude in `x[from, to)` and that magnitude; the first one on ties, and `from`
 * with 0 when every sample is 0 or NaN.
 */
export function absPeak(x: Float32Array, from: number, to: number): { index: number; value: number } {
  let index = from;
  let value = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(x[i]);
    if (a > value) {
      value = a;
      index = i;
    }
  }
  return { index, value };
}
