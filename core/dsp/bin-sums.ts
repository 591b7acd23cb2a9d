// Per-bin sums over a signal. Each bin's sum is one chain of additions in sample order, so it waits on
// each addition's latency; four bins are summed side by side, each still in its own order (the same
// operations on the same values, so the same results), which keeps the adder busy four times as often.

/**
 * Mean square of the finite samples per bin of `binLength` samples, for `bins` bins (the last one cut short
 * at the end of `x`); NaN for a bin with none.
 */
export function binMeanSquares(x: Float32Array, binLength: number, bins: number): Float64Array {
  const out = new Float64Array(bins);
  const whole = Math.min(bins, Math.floor(x.length / binLength));
  let k = 0;
  for (; k + 4 <= whole; k += 4) fourMeanSquares(x, k * binLength, binLength, out, k);
  for (; k < bins; k++) out[k] = finiteMeanSquare(x, k * binLength, Math.min(x.length, (k + 1) * binLength));
  return out;
}

/**
 * binMeanSquares at two bin lengths, `fineLength` (`fineBins` bins) and `coarseLength` (`coarseBins` bins), in
 * one pass when a coarse bin is two fine ones: a coarse bin's sum runs through its first fine bin's sum (the
 * same additions in the same order), so that fine bin is read on the way and the second is summed beside it.
 */
export function binMeanSquaresTwice(x: Float32Array, fineLength: number, fineBins: number, coarseLength: number, coarseBins: number): { fine: Float64Array; coarse: Float64Array } {
  if (coarseLength !== 2 * fineLength) return { fine: binMeanSquares(x, fineLength, fineBins), coarse: binMeanSquares(x, coarseLength, coarseBins) };
  const fine = new Float64Array(fineBins);
  const coarse = new Float64Array(coarseBins);
  const whole = Math.min(coarseBins, Math.floor(x.length / coarseLength), fineBins >> 1);
  let c = 0;
  for (; c + 2 <= whole; c += 2) twoHalvedBins(x, c * coarseLength, fineLength, fine, coarse, c);
  // The bins left, each alone.
  for (let k = 2 * c; k < fineBins; k++) fine[k] = finiteMeanSquare(x, k * fineLength, Math.min(x.length, (k + 1) * fineLength));
  for (let k = c; k < coarseBins; k++) coarse[k] = finiteMeanSquare(x, k * coarseLength, Math.min(x.length, (k + 1) * coarseLength));
  return { fine, coarse };
}

/** Mean square of the finite samples of `x[from, to)`, summed in order; NaN with none. */
export function finiteMeanSquare(x: Float32Array, from: number, to: number): number {
  let s = 0;
  let m = 0;
  for (let i = from; i < to; i++) {
    const v = x[i];
    if (v === v) {
      s += v * v;
      m++;
    }
  }
  return m > 0 ? s / m : Number.NaN;
}

/** The coarse bins c and c + 1 from `from`, each two fine bins of `half` samples, and their four fine bins, side by side. */
function twoHalvedBins(x: Float32Array, from: number, half: number, fine: Float64Array, coarse: Float64Array, c: number): void {
  const next = 2 * half;
  let s0 = 0, s1 = 0, m0 = 0, m1 = 0;
  for (let i = from, end = from + half; i < end; i++) {
    const v0 = x[i];
    const v1 = x[i + next];
    if (v0 === v0) { s0 += v0 * v0; m0++; }
    if (v1 === v1) { s1 += v1 * v1; m1++; }
  }
  fine[2 * c] = m0 > 0 ? s0 / m0 : Number.NaN;
  fine[2 * c + 2] = m1 > 0 ? s1 / m1 : Number.NaN;
  let f0 = 0, f1 = 0, n0 = 0, n1 = 0;
  for (let i = from + half, end = from + next; i < end; i++) {
    const v0 = x[i];
    const v1 = x[i + next];
    if (v0 === v0) { const q = v0 * v0; s0 += q; f0 += q; m0++; n0++; }
    if (v1 === v1) { const q = v1 * v1; s1 += q; f1 += q; m1++; n1++; }
  }
  fine[2 * c + 1] = n0 > 0 ? f0 / n0 : Number.NaN;
  fine[2 * c + 3] = n1 > 0 ? f1 / n1 : Number.NaN;
  coarse[c] = m0 > 0 ? s0 / m0 : Number.NaN;
  coarse[c + 1] = m1 > 0 ? s1 / m1 : Number.NaN;
}

/** `binMeanSquares` of the four whole bins from `from` into `out[k, k + 4)`. */
function fourMeanSquares(x: Float32Array, from: number, binLength: number, out: Float64Array, k: number): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let m0 = 0, m1 = 0, m2 = 0, m3 = 0;
  for (let i = from, end = from + binLength; i < end; i++) {
    const v0 = x[i];
    const v1 = x[i + binLength];
    const v2 = x[i + 2 * binLength];
    const v3 = x[i + 3 * binLength];
    if (v0 === v0) { s0 += v0 * v0; m0++; }
    if (v1 === v1) { s1 += v1 * v1; m1++; }
    if (v2 === v2) { s2 += v2 * v2; m2++; }
    if (v3 === v3) { s3 += v3 * v3; m3++; }
  }
  out[k] = m0 > 0 ? s0 / m0 : Number.NaN;
  out[k + 1] = m1 > 0 ? s1 / m1 : Number.NaN;
  out[k + 2] = m2 > 0 ? s2 / m2 : Number.NaN;
  out[k + 3] = m3 > 0 ? s3 / m3 : Number.NaN;
}

/** Means of `data[from, to)` over the blocks of `block` samples it touches (blocks cut short at the ends), into `out`. */
export function blockMeans(data: Float32Array, from: number, to: number, block: number, out: Float32Array): void {
  let b = Math.floor(from / block);
  // A first block cut short by `from` is summed alone; then whole blocks four at a time.
  if (b * block < from && b * block < to) {
    blockMean(data, from, Math.min(to, (b + 1) * block), out, b);
    b++;
  }
  b = wholeBlockMeans(data, b, to, block, out);
  for (; b * block < to; b++) blockMean(data, b * block, Math.min(to, (b + 1) * block), out, b);
}

/**
 * Means of the whole blocks from block `b` on, four at a time, while four fit before `to`; returns the first
 * block left. A function of its own: inside blockMeans this loop was compiled on the fly (OSR) before the
 * loop over the last blocks after it had run, and deoptimised there for want of feedback.
 */
function wholeBlockMeans(data: Float32Array, b: number, to: number, block: number, out: Float32Array): number {
  for (; (b + 4) * block <= to; b += 4) fourMeans(data, b * block, block, out, b);
  return b;
}

function blockMean(data: Float32Array, start: number, end: number, out: Float32Array, b: number): void {
  let s = 0;
  for (let i = start; i < end; i++) s += data[i];
  out[b] = s / (end - start);
}

/** Means of the four whole blocks from `from` into `out[b, b + 4)`. */
function fourMeans(data: Float32Array, from: number, block: number, out: Float32Array, b: number): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = from, end = from + block; i < end; i++) {
    s0 += data[i];
    s1 += data[i + block];
    s2 += data[i + 2 * block];
    s3 += data[i + 3 * block];
  }
  out[b] = s0 / block;
  out[b + 1] = s1 / block;
  out[b + 2] = s2 / block;
  out[b + 3] = s3 / block;
}
