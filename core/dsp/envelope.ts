/**
 * Centred moving RMS over `width` samples (odd; edges use the samples available). Sums in float64 via a
 * running total that is rebuilt every 65,536 samples so round-off cannot accumulate over hours of data. NaN samples
 * add nothing to their neighbours' windows and stay NaN themselves.
 */
export function movingRms(x: Float32Array, width: number, out: Float32Array = new Float32Array(x.length)): Float32Array {
  const half = Math.max(0, (width - 1) >> 1);
  // With no neighbours in the window (half 0) a NaN cannot spread, so the gap-free path serves.
  if (half > 0 && !isGapFree(x)) runningRmsWithGaps(x, half, out);
  else movingRmsGapFree(x, width, out);
  return out;
}

function isGapFree(x: Float32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return false;
  return true;
}

/** `movingRms` of a stretch the caller knows holds no NaN (a filtered gap-free run), without checking. */
export function movingRmsGapFree(x: Float32Array, width: number, out: Float32Array = new Float32Array(x.length)): Float32Array {
  const half = Math.max(0, (width - 1) >> 1);
  if (half === 0) for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]);
  else runningRms(x, half, out);
  return out;
}

// The common case, a gap-free stretch. The interior, where the window is whole, runs without tests or
// divisions; the edges, where it is cut short, run apart.
function runningRms(x: Float32Array, half: number, out: Float32Array): void {
  const n = x.length;
  let sum = 0;
  for (let j = 0; j < Math.min(n, half); j++) sum += x[j] * x[j];
  let i = 0;
  for (const headEnd = Math.min(n, half + 1); i < headEnd; i++) {
    if (i + half < n) sum += x[i + half] * x[i + half];
    out[i] = Math.sqrt((sum > 0 ? sum : 0) / (Math.min(n - 1, i + half) + 1));
  }
  const bodyEnd = n - half;
  if (i < bodyEnd) {
    interior(x, half, out, i, bodyEnd, sum);
    i = bodyEnd;
    sum = freshSquares(x, i, half);
  }
  for (; i < n; i++) {
    const drop = i - half - 1;
    if (drop >= 0) sum -= x[drop] * x[drop];
    out[i] = Math.sqrt((sum > 0 ? sum : 0) / (Math.min(n - 1, i + half) - Math.max(0, i - half) + 1));
  }
}

/**
 * runningRms' interior [i, end), from the running total `sum` at `i`. The total is rebuilt from the samples at
 * every multiple of 65,536 (so round-off cannot accumulate), which makes each such block a sum of its own:
 * two blocks are run side by side, each with the same operations in the same order, so one block's additions
 * wait on the adder's latency while the other's go ahead.
 */
function interior(x: Float32Array, half: number, out: Float32Array, i: number, end: number, sum: number): void {
  const inverseWidth = 1 / (2 * half + 1);
  let a = i;
  let sumA = sum;
  while (a < end) {
    const aEnd = Math.min(end, (a | 65535) + 1);
    if (aEnd === end) {
      runningRmsBody(x, half, out, a, aEnd, sumA, inverseWidth);
      return;
    }
    const bEnd = Math.min(end, (aEnd | 65535) + 1);
    const sumB = freshSquares(x, aEnd, half);
    const lenA = aEnd - a;
    const lenB = bEnd - aEnd;
    if (lenA >= lenB) {
      const lead = aEnd - lenB;
      runningRmsPair(x, half, out, lead, aEnd, lenB, runningRmsBody(x, half, out, a, lead, sumA, inverseWidth), sumB, inverseWidth);
    } else {
      runningRmsBody(x, half, out, aEnd + lenA, bEnd, runningRmsPair(x, half, out, a, aEnd, lenA, sumA, sumB, inverseWidth), inverseWidth);
    }
    a = bEnd;
    if (a < end) sumA = freshSquares(x, a, half);
  }
}

/** The running total of squares over the window before `i`, [i − half − 1, i + half), summed afresh. */
function freshSquares(x: Float32Array, i: number, half: number): number {
  let sum = 0;
  for (let j = i - half - 1; j < i + half; j++) sum += x[j] * x[j];
  return sum;
}

/**
 * runningRms' interior from `i` to `stop`, where the window is whole, from the running total `sum`; returns
 * the total at `stop`. A function of its own so TurboFan compiles this loop apart: inside runningRms it was
 * compiled on the fly (OSR) before the rebuild and tail loops after it had run, and deoptimised there for
 * want of feedback.
 */
function runningRmsBody(x: Float32Array, half: number, out: Float32Array, i: number, stop: number, sum: number, inverseWidth: number): number {
  for (; i < stop; i++) {
    const add = x[i + half];
    const drop = x[i - half - 1];
    sum += add * add - drop * drop;
    out[i] = Math.sqrt((sum > 0 ? sum : 0) * inverseWidth);
  }
  return sum;
}

/** runningRmsBody over [a, a + length) and [b, b + length) side by side, from their totals; returns b's total at its end. */
function runningRmsPair(x: Float32Array, half: number, out: Float32Array, a: number, b: number, length: number, sumA: number, sumB: number, inverseWidth: number): number {
  for (let t = 0; t < length; t++) {
    const i = a + t;
    const j = b + t;
    const addA = x[i + half];
    const dropA = x[i - half - 1];
    const addB = x[j + half];
    const dropB = x[j - half - 1];
    sumA += addA * addA - dropA * dropA;
    sumB += addB * addB - dropB * dropB;
    out[i] = Math.sqrt((sumA > 0 ? sumA : 0) * inverseWidth);
    out[j] = Math.sqrt((sumB > 0 ? sumB : 0) * inverseWidth);
  }
  return sumB;
}

function runningRmsWithGaps(x: Float32Array, half: number, out: Float32Array): void {
  const n = x.length;
  let sum = 0;
  let count = 0;
  for (let j = 0; j < Math.min(n, half); j++) {
    const v = x[j];
    if (v === v) sum += v * v;
    count++;
  }
  for (let i = 0; i < n; i++) {
    const add = i + half;
    if (add < n) {
      const v = x[add];
      if (v === v) sum += v * v;
      count++;
    }
    const drop = i - half - 1;
    if (drop >= 0) {
      const v = x[drop];
      if (v === v) sum -= v * v;
      count--;
    }
    if ((i & 65535) === 65535) {
      sum = 0;
      for (let j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++) {
        const v = x[j];
        if (v === v) sum += v * v;
      }
    }
    const c = x[i];
    out[i] = c === c ? Math.sqrt((sum > 0 ? sum : 0) / count) : Number.NaN;
  }
}

/**
 * The centred moving RMS of `movingRms` over the gap-free stretch `x[lo, hi)`, written to `out` only at
 * `[from, to)`: after a local change to the signal, only the samples within half a window of it change.
 */
export function movingRmsWithin(x: Float32Array, width: number, out: Float32Array, from: number, to: number, lo: number, hi: number): void {
  const half = Math.max(0, (width - 1) >> 1);
  let a = Math.max(lo, from - half);
  let b = Math.min(hi, from + half + 1);
  let sum = 0;
  for (let j = a; j < b; j++) sum += x[j] * x[j];
  for (let i = from; i < to; i++) {
    out[i] = Math.sqrt((sum > 0 ? sum : 0) / (b - a));
    if (b < hi) {
      sum += x[b] * x[b];
      b++;
    }
    if (i - half >= lo) {
      sum -= x[a] * x[a];
      a++;
    }
  }
}

/** RMS of `x[from, to)` summed in float64. */
export function rms(x: Float32Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return to > from ? Math.sqrt(s / (to - from)) : 0;
}

/**
 * Centred moving mean over `width` samples (odd), ignoring NaN samples, which stay NaN. Finite support
 * (unlike an IIR band) means a large event influences at most `width / 2` samples either side.
 */
export function movingMean(x: Float32Array, width: number, out: Float32Array = new Float32Array(x.length)): Float32Array {
  const n = x.length;
  const half = Math.max(0, (width - 1) >> 1);
  let sum = 0;
  let count = 0;
  for (let j = 0; j <= Math.min(n - 1, half); j++) {
    const v = x[j];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  for (let i = 0; i < n; i++) {
    // Window [i - half, i + half]: the sample entering on the right is added before the one leaving on the left.
    if (i > 0 && i + half < n) {
      const v = x[i + half];
      if (v === v) {
        sum += v;
        count++;
      }
    }
    if (i - half - 1 >= 0) {
      const v = x[i - half - 1];
      if (v === v) {
        sum -= v;
        count--;
      }
    }
    if ((i & 65535) === 65535) sum = finiteSumAround(x, i, half);
    const c = x[i];
    out[i] = c === c && count > 0 ? sum / count : Number.NaN;
  }
  return out;
}

/**
 * movingMean(x, short) − movingMean(x, long), each rounded to float32 as a stored moving mean is, into `out`:
 * the two running sums of movingMean side by side in one loop, each with the same operations
 * in the same order (one pass instead of three, and the two sums' latency chains overlap).
 */
export function bandOfMeans(x: Float32Array, short: number, long: number, out: Float32Array): Float32Array {
  const n = x.length;
  const hs = Math.max(0, (short - 1) >> 1);
  const hl = Math.max(0, (long - 1) >> 1);
  let ss = 0;
  let cs = 0;
  let sl = 0;
  let cl = 0;
  for (let j = 0; j <= Math.min(n - 1, hs); j++) {
    const v = x[j];
    if (v === v) {
      ss += v;
      cs++;
    }
  }
  for (let j = 0; j <= Math.min(n - 1, hl); j++) {
    const v = x[j];
    if (v === v) {
      sl += v;
      cl++;
    }
  }
  for (let i = 0; i < n; i++) {
    if (i > 0 && i + hs < n) {
      const v = x[i + hs];
      if (v === v) {
        ss += v;
        cs++;
      }
    }
    if (i - hs - 1 >= 0) {
      const v = x[i - hs - 1];
      if (v === v) {
        ss -= v;
        cs--;
      }
    }
    if (i > 0 && i + hl < n) {
      const v = x[i + hl];
      if (v === v) {
        sl += v;
        cl++;
      }
    }
    if (i - hl - 1 >= 0) {
      const v = x[i - hl - 1];
      if (v === v) {
        sl -= v;
        cl--;
      }
    }
    if ((i & 65535) === 65535) {
      ss = finiteSumAround(x, i, hs);
      sl = finiteSumAround(x, i, hl);
    }
    const c = x[i];
    const a = Math.fround(c === c && cs > 0 ? ss / cs : Number.NaN);
    const b = Math.fround(c === c && cl > 0 ? sl / cl : Number.NaN);
    out[i] = a - b;
  }
  return out;
}

// bandOfMeans runs once per channel, one long loop per call. On its first call V8 has no feedback vector for it
// yet, so the code TurboFan then made had no feedback at its entry and was thrown away on the next call
// ('insufficient type feedback for generic named access' at bytecode 0); until it was made again, a run of
// the bench paid ~15 ms per 8 channels for it instead of ~4. A few calls on small arrays of its own when the
// module loads give it feedback first (as filtfilt.ts does for its passes).
for (let k = 0; k < 16; k++) {
  const warm = new Float32Array(8).fill(1);
  warm[k & 7] = Number.NaN;
  bandOfMeans(warm, 3, 5, new Float32Array(8));
}

/** The moving means' periodic fresh sum of the finite values in [i − half, i + half], so rounding does not drift. */
function finiteSumAround(x: Float32Array, i: number, half: number): number {
  let sum = 0;
  for (let j = Math.max(0, i - half), hi = Math.min(x.length - 1, i + half); j <= hi; j++) if (x[j] === x[j]) sum += x[j];
  return sum;
}
