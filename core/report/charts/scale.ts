/** Axis ticks and scale-bar lengths on round numbers (1, 2, 5 × 10ⁿ; Heckbert, "Nice numbers for graph labels", Graphics Gems 1990). */

/** The largest 1/2/5 × 10ⁿ value not above `x`. */
export function niceBelow(x: number): number {
  if (!(x > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/** A tick step giving at most `maxTicks` intervals over `span`. */
export function tickStep(span: number, maxTicks: number): number {
  if (!(span > 0)) return 1;
  const raw = span / maxTicks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Time ticks in seconds on clock-friendly steps (s, then 1/2/5/10/15/30 min, then hours). */
export function timeTickStep(spanS: number, maxTicks: number): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600];
  for (const s of steps) if (spanS / s <= maxTicks) return s;
  return steps[steps.length - 1] * Math.ceil(spanS / maxTicks / steps[steps.length - 1]);
}

/**
 * Ticks from 0 for a bar chart's value axis, about `count` of them, up to the first at or above `max` (one
 * less than a thousandth of a step below `max` ends the axis instead of adding a nearly empty step).
 */
export function barTicks(max: number, count = 4): number[] {
  const step = tickStep(max, count);
  const out = ticks(0, max + step * 0.999, step);
  return out.length > 1 ? out : [0, step];
}

export function ticks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(min / step - 1e-9) * step;
  for (let v = first; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * The value axis, from 0, of marks with 95 % whiskers (the report's and the app's over-time charts): room
 * above the largest value, and whiskers followed up to three times it. Those of very short recordings can
 * reach far up; the scale follows the values and clips them. `integer`: counts, on whole-number steps.
 */
export function whiskerAxis(points: readonly { value: number; upper: number }[], integer = false): { top: number; step: number } {
  const maxValue = Math.max(0, ...points.map((p) => p.value));
  const reach = Math.max(0, ...points.map((p) => p.upper));
  const span = Math.max(maxValue * 1.25, Math.min(reach, Math.max(maxValue, integer ? 1 : 0.5) * 3), 1e-9) || 1;
  const step = integer ? Math.max(1, Math.round(tickStep(span, 5))) : tickStep(span, 5);
  return { top: Math.ceil(span / step) * step, step };
}
