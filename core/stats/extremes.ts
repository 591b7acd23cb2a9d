/**
 * The smallest and the largest sample. NaN samples are passed over (no comparison with NaN holds); with no
 * number at all, min is Infinity and max -Infinity.
 */
export function extremes(x: Float32Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
