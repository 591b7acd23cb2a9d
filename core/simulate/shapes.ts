/**
 * Motor-unit-like potential shapes: first and second Hermite-Rodriguez functions, the usual analytic
 * MUAP models (Lo Conte et al. 1994), scaled so the largest |value| is 1.
 */
export type PotentialShape = 'biphasic' | 'triphasic';

const BIPHASIC_PEAK = Math.SQRT1_2 * Math.exp(-0.5);

/** Value at `t` seconds from the centre of a potential of half-width `lambda` seconds. */
export function potential(shape: PotentialShape, t: number, lambda: number): number {
  const u = t / lambda;
  const g = Math.exp(-u * u);
  return shape === 'biphasic' ? (u * g) / BIPHASIC_PEAK : (1 - 2 * u * u) * g;
}

/** Offset of the largest |value| from the centre (the peak a detector reports). */
export function peakOffset(shape: PotentialShape, lambda: number): number {
  return shape === 'biphasic' ? lambda * Math.SQRT1_2 : 0;
}

/** Adds `amplitude x shape` centred at `centreS` into `out` (sampled at fs). */
export function addPotential(out: Float64Array, fs: number, centreS: number, shape: PotentialShape, lambda: number, amplitude: number): void {
  const reach = 4 * lambda;
  const from = Math.max(0, Math.ceil((centreS - reach) * fs));
  const to = Math.min(out.length - 1, Math.floor((centreS + reach) * fs));
  for (let i = from; i <= to; i++) out[i] += amplitude * potential(shape, i / fs - centreS, lambda);
}

/** Damped sinusoid: the mechanical response of a muscle twitch seen by an accelerometer. */
export function dampedSine(t: number, freqHz: number, tau: number): number {
  return t < 0 ? 0 : Math.exp(-t / tau) * Math.sin(2 * Math.PI * freqHz * t);
}

/** Time and value of the largest |dampedSine|, found numerically. */
export function dampedSinePeak(freqHz: number, tau: number): { t: number; value: number } {
  let best = { t: 0, value: 0 };
  for (let t = 0; t < 5 * tau; t += 1e-4) {
    const v = Math.abs(dampedSine(t, freqHz, tau));
    if (v > best.value) best = { t, value: v };
  }
  return best;
}
