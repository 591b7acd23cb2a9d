/**
 * IIR filters as cascades of second-order sections (biquads), stored flat as
 * [b0, b1, b2, a1, a2] per section with a0 normalised to 1.
 */
export interface Sos {
  readonly coeffs: Float64Array;
  readonly sections: number;
}

const STRIDE = 5;

function sos(rows: number[][]): Sos {
  const coeffs = new Float64Array(rows.length * STRIDE);
  rows.forEach((r, i) => coeffs.set(r, i * STRIDE));
  return { coeffs, sections: rows.length };
}

// Butterworth (1930): the order-N prototype factors into biquads with Q_k = 1 / (2 cos((2k - 1)π / 2N)).
function butterworthQs(order: number): number[] {
  if (order < 2 || order % 2 !== 0) throw new Error(`Butterworth order must be even and >= 2, got ${order}`);
  const qs: number[] = [];
  for (let k = 1; k <= order / 2; k++) qs.push(1 / (2 * Math.cos(((2 * k - 1) * Math.PI) / (2 * order))));
  return qs;
}

// Bristow-Johnson, "Audio EQ Cookbook": biquads by the bilinear transform with frequency prewarping.
function cookbook(kind: 'lowpass' | 'highpass' | 'notch', f0: number, fs: number, q: number): number[] {
  const w0 = (2 * Math.PI * f0) / fs;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  let b: [number, number, number];
  if (kind === 'lowpass') b = [(1 - cos) / 2, 1 - cos, (1 - cos) / 2];
  else if (kind === 'highpass') b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
  else b = [1, -2 * cos, 1];
  return [b[0] / a0, b[1] / a0, b[2] / a0, (-2 * cos) / a0, (1 - alpha) / a0];
}

export function butterworthLowpass(order: number, cutoffHz: number, fs: number): Sos {
  return sos(butterworthQs(order).map((q) => cookbook('lowpass', cutoffHz, fs, q)));
}

export function butterworthHighpass(order: number, cutoffHz: number, fs: number): Sos {
  return sos(butterworthQs(order).map((q) => cookbook('highpass', cutoffHz, fs, q)));
}

/** Band-pass as a high-pass then a low-pass of the same order. */
export function butterworthBandpass(order: number, lowHz: number, highHz: number, fs: number): Sos {
  return cascade(butterworthHighpass(order, lowHz, fs), butterworthLowpass(order, highHz, fs));
}

/** Narrow band-stop at `f0`; the -3 dB width is f0 / q. */
export function notch(f0: number, q: number, fs: number): Sos {
  return sos([cookbook('notch', f0, fs, q)]);
}

export function cascade(...parts: Sos[]): Sos {
  const sections = parts.reduce((n, p) => n + p.sections, 0);
  const coeffs = new Float64Array(sections * STRIDE);
  let at = 0;
  for (const p of parts) {
    coeffs.set(p.coeffs, at);
    at += p.coeffs.length;
  }
  return { coeffs, sections };
}

/** |H(f)| of the cascade at one frequency. */
export function magnitudeAt(filter: Sos, freqHz: number, fs: number): number {
  const w = (2 * Math.PI * freqHz) / fs;
  const c1 = Math.cos(w);
  const s1 = Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = Math.sin(2 * w);
  let mag = 1;
  const c = filter.coeffs;
  for (let k = 0; k < c.length; k += STRIDE) {
    const nr = c[k] + c[k + 1] * c1 + c[k + 2] * c2;
    const ni = -(c[k + 1] * s1 + c[k + 2] * s2);
    const dr = 1 + c[k + 3] * c1 + c[k + 4] * c2;
    const di = -(c[k + 3] * s1 + c[k + 4] * s2);
    mag *= Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
  }
  return mag;
}
