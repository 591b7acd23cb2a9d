// Beat shapes compared by Pearson correlation over a grid of samples, for the heart-train search (ecg.ts).

/**
 * `correlation` over one signal with one scratch. An object rather than a closure made per channel: code
 * that inlined one channel's closure was deoptimised ('wrong call target') by the next channel's.
 */
export class Correlate {
  constructor(
    private readonly x: Float32Array,
    private readonly scratch: CorrelationScratch,
  ) {}

  of(ref: Float64Array, pb: number, half: number, maxLag: number, step: number): { r: number; lag: number } {
    return correlation(ref, this.x, pb, half, maxLag, step, this.scratch);
  }
}

/**
 * Largest Pearson correlation of `ref` with the snippet around `pb` shifted by up to ±`maxLag`, and that
 * shift. Samples and shifts are taken every `step` samples: a QRS left after the EMG band-pass changes over
 * milliseconds, so checking every 2 ms loses nothing and saves most of the work at high rates. Every shift
 * reads the same grid of samples, so the grid is gathered once (NaN and outside the signal read as 0), the
 * reference centred once, and each shift's sum and sum of squares come from running sums over the grid:
 * with the reference centred, Σ a (b − mean b) = Σ a b − mean b · Σ a and Σ (b − mean b)² = Σ b² − mean b · Σ b,
 * so a shift costs one multiply-add per sample.
 */
function correlation(ref: Float64Array, x: Float32Array, pb: number, half: number, maxLag: number, step: number, scratch: CorrelationScratch): { r: number; lag: number } {
  const len = Math.floor((2 * half) / step) + 1;
  const shifts = Math.floor((2 * maxLag) / step) + 1;
  const span = len + shifts - 1;
  const { centred, grid, sums, squares } = scratch.take(len, span + 3);
  let ma = 0;
  for (let j = 0; j < len; j++) ma += ref[j * step];
  ma /= len;
  let na = 0;
  let ca = 0;
  for (let j = 0; j < len; j++) {
    const a = ref[j * step] - ma;
    centred[j] = a;
    na += a * a;
    ca += a;
  }
  const best = { r: -1, lag: 0 };
  if (na === 0) return best;
  const n = x.length;
  const base = pb - maxLag - half;
  // The running sums are kept in locals too: reading back the entry just stored would make each addition
  // wait on a store as well as on the last addition.
  let sum = 0;
  let square = 0;
  sums[0] = 0;
  squares[0] = 0;
  for (let m = 0; m < span; m++) {
    const i = base + m * step;
    const v = i >= 0 && i < n ? x[i] : 0;
    const g = v === v ? v : 0;
    grid[m] = g;
    sum += g;
    square += g * g;
    sums[m + 1] = sum;
    squares[m + 1] = square;
  }
  // Four shifts at a time: four independent chains of additions keep the adder busy where one chain would
  // wait on each addition's latency. The grid values that one step of j shares with the next stay in
  // locals, so a step loads one grid value, not four. Each shift still adds its products in order of j.
  // Up to three shifts past the last are padding (they read zeros set here) so that no shift goes alone;
  // their sums are dropped.
  grid[span] = 0;
  grid[span + 1] = 0;
  grid[span + 2] = 0;
  for (let k = 0; k < shifts; k += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let g0 = grid[k], g1 = grid[k + 1], g2 = grid[k + 2];
    for (let j = 0; j < len; j++) {
      const c = centred[j];
      const g3 = grid[k + j + 3];
      s0 += c * g0;
      s1 += c * g1;
      s2 += c * g2;
      s3 += c * g3;
      g0 = g1; g1 = g2; g2 = g3;
    }
    consider(best, s0, na, ca, k, len, sums, squares, -maxLag + k * step);
    if (k + 1 < shifts) consider(best, s1, na, ca, k + 1, len, sums, squares, -maxLag + (k + 1) * step);
    if (k + 2 < shifts) consider(best, s2, na, ca, k + 2, len, sums, squares, -maxLag + (k + 2) * step);
    if (k + 3 < shifts) consider(best, s3, na, ca, k + 3, len, sums, squares, -maxLag + (k + 3) * step);
  }
  return best;
}

/**
 * Takes shift `k` (raw cross sum `s`) as the best so far if its correlation beats it. A grid stretch whose
 * spread is lost in the running sums' round-off (flat, or all zero) has no shape to correlate.
 */
function consider(best: { r: number; lag: number }, s: number, na: number, ca: number, k: number, len: number, sums: Float64Array, squares: Float64Array, lag: number): void {
  const sum = sums[k + len] - sums[k];
  const square = squares[k + len] - squares[k];
  const mean = sum / len;
  const nb = square - mean * sum;
  const r = nb > 1e-9 * square ? (s - mean * ca) / Math.sqrt(na * nb) : -1;
  if (r > best.r) {
    best.r = r;
    best.lag = lag;
  }
}

/** Working memory for the shape correlations, grown to the longest snippet seen; calls never overlap. */
export class CorrelationScratch {
  centred = new Float64Array(256);
  grid = new Float64Array(512);
  /** Running sums of the grid and of its squares: entry m covers grid[0, m). */
  sums = new Float64Array(513);
  squares = new Float64Array(513);

  take(centred: number, grid: number): CorrelationScratch {
    if (this.centred.length < centred) this.centred = new Float64Array(centred * 2);
    if (this.grid.length < grid) {
      this.grid = new Float64Array(grid * 2);
      this.sums = new Float64Array(grid * 2 + 1);
      this.squares = new Float64Array(grid * 2 + 1);
    }
    return this;
  }
}
