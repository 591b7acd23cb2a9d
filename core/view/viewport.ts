/** The visible time window of the timeline and the few ways the user moves it. */

export interface View {
  t0: number;
  t1: number;
}

/** Shortest window the user can zoom to: a few samples of a 2 kHz channel still read as a waveform. */
export const MIN_SPAN_S = 0.02;

/** Keeps a window inside [0, duration] with at least `MIN_SPAN_S`, shifting rather than shrinking it. */
export function clampView(v: View, durationS: number): View {
  const full = Math.max(durationS, MIN_SPAN_S);
  let span = Math.min(Math.max(v.t1 - v.t0, MIN_SPAN_S), full);
  if (!Number.isFinite(span)) span = full;
  let t0 = Number.isFinite(v.t0) ? v.t0 : 0;
  if (t0 < 0) t0 = 0;
  if (t0 + span > full) t0 = full - span;
  return { t0, t1: t0 + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping time `anchorS` at the same place on screen. */
export function zoomAt(v: View, factor: number, anchorS: number, durationS: number): View {
  const a = Math.min(Math.max(anchorS, v.t0), v.t1);
  return clampView({ t0: a - (a - v.t0) * factor, t1: a + (v.t1 - a) * factor }, durationS);
}

/** Moves by a fraction of the visible span (negative = earlier). */
export function panBy(v: View, fraction: number, durationS: number): View {
  const d = (v.t1 - v.t0) * fraction;
  return clampView({ t0: v.t0 + d, t1: v.t1 + d }, durationS);
}

/** A window of `spanS` centred on `tS`. */
export function centreOn(tS: number, spanS: number, durationS: number): View {
  return clampView({ t0: tS - spanS / 2, t1: tS + spanS / 2 }, durationS);
}

export function fullView(durationS: number): View {
  return clampView({ t0: 0, t1: durationS }, durationS);
}
