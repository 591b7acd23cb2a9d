/** The over-time chart's data (series of dated points, tag flags) and where it puts them: pure, no React. */
import { whiskerAxis } from '../../core/report/charts/scale';
import { calendarRange } from '../../core/report/trend/calendar-axis';
import type { OverTimePoint } from '../../core/report/trend/over-time-chart';

/** A point the app draws: which recording it comes from, and what a screen reader says of it. */
export interface ChartPoint extends OverTimePoint {
  fingerprint: string;
  /** Read out for the point: "2.4 twitches per minute over 10 min of rest". */
  describe: string;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

export interface ChartTag {
  timeMs: number;
  tags: readonly string[];
}

export const LEFT = 48;
const RIGHT = 16;
export const TOP = 22;
export const PLOT_H = 180;
const AXIS_H = 34;
const R_MAX = 8;
/** Marks shrink as recordings crowd together, so a year of daily recordings stays readable. */
const PX_PER_MARK = 2.5;

export interface OverTimeScales {
  plotW: number;
  height: number;
  /** Calendar range shown, ms since the epoch. */
  min: number;
  max: number;
  /** Value axis: 0 to `top` in steps of `step`. */
  top: number;
  step: number;
  x(timeMs: number): number;
  /** Values above `top` are drawn at the top. */
  y(value: number): number;
  /** A mark's radius for its weight: its area follows the weight. */
  radius(weight: number): number;
  /** Half the width of a whisker's end. */
  cap: number;
}

/**
 * Where things go on an over-time chart `width` px wide. The axes keep the range of every series, so hiding one
 * (`shown` has it empty) does not move the others; mark sizes follow what is shown.
 */
export function overTimeScales(series: readonly ChartSeries[], shown: readonly ChartSeries[], tags: readonly ChartTag[], width: number, integer: boolean): OverTimeScales {
  const plotW = width - LEFT - RIGHT;
  const all = shown.flatMap((s) => s.points);
  const everyPoint = series.flatMap((s) => s.points);
  const { min, max } = calendarRange([...everyPoint.map((p) => p.timeMs), ...tags.map((t) => t.timeMs)]);
  const { top, step } = whiskerAxis(all, integer);
  const maxWeight = Math.max(1e-9, ...all.map((p) => p.weight));
  const crowd = Math.max(1, ...series.map((s) => s.points.length));
  const rMax = Math.min(R_MAX, Math.max(2.5, plotW / (crowd * PX_PER_MARK)));
  const rMin = rMax * 0.4;
  return {
    plotW,
    height: TOP + PLOT_H + AXIS_H,
    min,
    max,
    top,
    step,
    x: (t) => LEFT + ((t - min) / (max - min)) * plotW,
    y: (v) => TOP + PLOT_H - (Math.min(v, top) / top) * PLOT_H,
    radius: (w) => rMin + (rMax - rMin) * Math.sqrt(Math.max(0, w) / maxWeight),
    cap: Math.min(4, rMax),
  };
}
