/**
 * The 8-sample blocks of a channel's raw samples that need a closer look, one bit per block: those holding
 * a NaN or a sample equal to the one before it (the first sample against the previous block's last; the
 * first and the last block always). Elsewhere there is no hole to fill (fillShortGaps) and no run of a
 * repeated value (findRawArtifacts), so both look only at these blocks, and the raw samples are read once
 * for both. Also holds for the samples as filled in: only NaN samples are filled, and every block holding
 * one, or starting right after one, is marked.
 */
export function irregularBlocks(x: Float32Array): Int32Array {
  const blocks = Math.ceil(x.length / 8);
  const mask = new Int32Array(Math.ceil(blocks / 32));
  if (blocks === 0) return mask;
  mark(mask, 0);
  // Every block between the first and the last is whole.
  const last = blocks - 1;
  for (let b = nextIrregular(x, 1, last); b < last; b = nextIrregular(x, b + 1, last)) mark(mask, b);
  mark(mask, last);
  return mask;
}

/** The first marked block from `from` on, or -1. */
export function nextMarked(mask: Int32Array, from: number): number {
  let word = from >> 5;
  if (word >= mask.length) return -1;
  let bits = mask[word] & (-1 << (from & 31));
  while (bits === 0) {
    if (++word >= mask.length) return -1;
    bits = mask[word];
  }
  return (word << 5) + 31 - Math.clz32(bits & -bits);
}

function mark(mask: Int32Array, b: number): void {
  mask[b >> 5] |= 1 << (b & 31);
}

/**
 * The first whole block from `b` on (before `end`) that holds a NaN or a sample equal to its predecessor.
 * The sum of a block is NaN when a sample is; the product of its eight differences is 0 or NaN whenever
 * two neighbours are equal (or a difference is NaN or infinite, or the product underflows), and only then
 * is the block taken: a block taken for nothing costs a closer look, never a wrong answer.
 */
function nextIrregular(x: Float32Array, b: number, end: number): number {
  for (; b < end; b++) {
    const i = b << 3;
    const a0 = x[i];
    const a1 = x[i + 1];
    const a2 = x[i + 2];
    const a3 = x[i + 3];
    const a4 = x[i + 4];
    const a5 = x[i + 5];
    const a6 = x[i + 6];
    const a7 = x[i + 7];
    const sum = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    const d = (a0 - x[i - 1]) * (a1 - a0) * ((a2 - a1) * (a3 - a2)) * ((a4 - a3) * (a5 - a4) * ((a6 - a5) * (a7 - a6)));
    if (!(sum === sum && d !== 0 && d === d)) return b;
  }
  return end;
}
