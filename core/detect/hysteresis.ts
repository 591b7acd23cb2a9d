/**
 * Candidate potentials by a double threshold (Bonato et al. 1998): a candidate starts when the envelope
 * rises above `high x floor` and ends when it has stayed below `low x floor` for longer than `mergeGap`
 * samples. Results are kept as parallel arrays, one entry per candidate.
 */
export class Potentials {
  start: number[] = [];
  end: number[] = [];
  /** Sample of the largest |x| inside the candidate. */
  peak: number[] = [];
  /** |x| at the peak. */
  amplitude: number[] = [];
  /** Local noise floor at the peak. */
  floor: number[] = [];

  get length(): number {
    return this.start.length;
  }
}

export interface HysteresisInput {
  /** Conditioned signal (NaN in gaps). */
  x: Float32Array;
  /** Short envelope of x. */
  envelope: Float32Array;
  /** Noise floor per window of `floorWindow` samples. */
  floor: Float64Array;
  floorWindow: number;
  high: number;
  low: number;
  mergeGap: number;
}

export function findPotentials(input: HysteresisInput, out = new Potentials()): Potentials {
  const { x, envelope, floor, floorWindow, high, low, mergeGap } = input;
  const n = x.length;
  let i = 0;
  while (i < n) {
    const f = floor[(i / floorWindow) | 0];
    if (!(envelope[i] > high * f)) {
      i++;
      continue;
    }
    const release = low * f;
    let start = i;
    while (start > 0 && envelope[start - 1] > release) start--;
    let end = i + 1;
    let quiet = 0;
    let j = i + 1;
    for (; j < n; j++) {
      const e = envelope[j];
      if (e > release) {
        end = j + 1;
        quiet = 0;
      } else if (e !== e || ++quiet > mergeGap) break;
    }
    let peak = start;
    let amp = 0;
    for (let k = start; k < end; k++) {
      const a = Math.abs(x[k]);
      if (a > amp) {
        amp = a;
        peak = k;
      }
    }
    out.start.push(start);
    out.end.push(end);
    out.peak.push(peak);
    out.amplitude.push(amp);
    out.floor.push(floor[(peak / floorWindow) | 0]);
    i = Math.max(end, i + 1);
  }
  return out;
}

/** Width of a potential where |x| is at least `fraction` of its peak, in samples. */
export function widthAt(x: Float32Array, start: number, end: number, peakAbs: number, fraction: number): number {
  const level = peakAbs * fraction;
  let first = -1;
  let last = -1;
  for (let k = start; k < end; k++) {
    if (Math.abs(x[k]) >= level) {
      if (first < 0) first = k;
      last = k;
    }
  }
  return first < 0 ? 0 : last - first + 1;
}
