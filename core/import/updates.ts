/**
 * Accelerometers logged on a faster row clock than they update (OpenBCI Cyton: 25 Hz accelerometer on
 * 250 Hz rows). Keeping every row would turn each update into a step; these helpers keep one sample per update.
 */

export interface Updates {
  /** Row positions of the kept samples. */
  positions: Int32Array;
  /** Rows per update (median spacing of the changes). */
  period: number;
}

/**
 * Sample-and-hold columns: the sensor's value changes every `period` rows. Sampling the held signal on a
 * regular lattice keeps readings that happened to repeat (a still sensor), which change-detection would lose.
 */
export function holdUpdates(axes: Float32Array[]): Updates | null {
  const n = axes[0].length;
  const changes: number[] = [];
  for (let i = 1; i < n; i++) {
    for (const a of axes) {
      if (a[i] !== a[i - 1] && !(Number.isNaN(a[i]) && Number.isNaN(a[i - 1]))) {
        changes.push(i);
        break;
      }
    }
  }
  if (changes.length < 3) return null;
  const spacing = changes.slice(1).map((c, k) => c - changes[k]).sort((a, b) => a - b);
  const period = spacing[spacing.length >> 1];
  if (period < 2) return null;
  const start = changes[0] % period;
  const count = Math.floor((n - 1 - start) / period) + 1;
  const positions = new Int32Array(count);
  for (let k = 0; k < count; k++) positions[k] = start + k * period;
  return { positions, period };
}

/** Columns written as 0 between updates: keep the rows where any axis is non-zero. */
export function nonZeroUpdates(axes: Float32Array[]): Updates | null {
  const n = axes[0].length;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const a of axes) {
      if (a[i] !== 0 && !Number.isNaN(a[i])) {
        keep.push(i);
        break;
      }
    }
  }
  if (keep.length < 3) return null;
  const spacing = keep.slice(1).map((c, k) => c - keep[k]).sort((a, b) => a - b);
  return { positions: Int32Array.from(keep), period: spacing[spacing.length >> 1] };
}

export function gather(values: Float32Array, positions: Int32Array): Float32Array {
  const out = new Float32Array(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = values[positions[k]];
  return out;
}
