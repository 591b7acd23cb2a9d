/**
 * Values by site over calendar time: one line and mark shape per site, exact 95 % intervals as whiskers,
 * marks sized by the rest time behind them, numbered tag markers along the top.
 */
import { axisLines, CHART_W, valueGrid } from '../charts/frame';
import { ticks, whiskerAxis } from '../charts/scale';
import { line, r1, svg, text } from '../charts/svg';
import { calendarRange } from './calendar-axis';
import { CALENDAR_AXIS_H, calendarAxis, calendarBox } from './calendar-frame';
import { markSvg, siteMark } from './marks';

/** A dated value with its 95 % interval, in the report's and the app's over-time charts. */
export interface OverTimePoint {
  timeMs: number;
  value: number;
  /** The 95 % interval; equal to `value` where there is none to show. */
  lower: number;
  upper: number;
  /** What the mark's area stands for (minutes of rest); equal weights give equal marks. */
  weight: number;
}

export interface OverTimeSeries {
  name: string;
  points: OverTimePoint[];
}

export interface TagMark {
  timeMs: number;
  /** Tag numbers as listed under the chart, e.g. "1, 3". */
  codes: string;
}

export interface OverTimeOptions {
  yLabel: string;
  ariaLabel: string;
  tags?: readonly TagMark[];
  /** Plot height in px (the SVG adds axes and legend). */
  plotH?: number;
}

const TOP = 16;
const LEGEND_ROW = 15;
const LEGEND_COL = 170;
const R_MIN = 2.5;
const R_MAX = 7;

export function overTimeChart(series: readonly OverTimeSeries[], opts: OverTimeOptions): string {
  const all = series.flatMap((s) => s.points);
  const b = calendarBox(TOP, opts.plotH ?? 170);
  const { min, max } = calendarRange([...all.map((p) => p.timeMs), ...(opts.tags ?? []).map((t) => t.timeMs)]);
  const x = (t: number): number => b.left + ((t - min) / (max - min)) * b.width;
  const { top, step } = whiskerAxis(all);
  const y = (v: number): number => b.top + b.height - (Math.min(v, top) / top) * b.height;
  const maxWeight = Math.max(1e-9, ...all.map((p) => p.weight));
  const legendRows = Math.ceil(series.length / Math.floor(b.width / LEGEND_COL));
  const height = b.top + b.height + CALENDAR_AXIS_H + legendRows * LEGEND_ROW + 4;
  const p: string[] = [];

  p.push(valueGrid(b, ticks(0, top, step), y));
  p.push(calendarAxis(b, min, max, x, opts.yLabel));
  for (const tag of opts.tags ?? []) {
    p.push(line(x(tag.timeMs), b.top - 2, x(tag.timeMs), b.top + b.height, 'stroke="#777" stroke-width="0.7" stroke-dasharray="1.5 2"'));
    p.push(text(x(tag.timeMs), b.top - 5, tag.codes, 'text-anchor="middle" font-size="8"'));
  }

  const n = series.length;
  series.forEach((s, i) => {
    const m = siteMark(i);
    // Sites recorded on the same day sit a few px apart so their whiskers stay readable.
    const dx = (i - (n - 1) / 2) * 5;
    const pts = s.points.map((pt) => ({ pt, px: x(pt.timeMs) + dx }));
    if (pts.length > 1) {
      const d = pts.map(({ pt, px }, k) => `${k === 0 ? 'M' : 'L'}${r1(px)} ${r1(y(pt.value))}`).join(' ');
      p.push(`<path d="${d}" fill="none" stroke="#000" stroke-width="1"${m.dash ? ` stroke-dasharray="${m.dash}"` : ''}/>`);
    }
    for (const { pt, px } of pts) {
      p.push(line(px, y(pt.lower), px, y(pt.upper), 'stroke="#000" stroke-width="0.9"'));
      p.push(line(px - 2.5, y(pt.lower), px + 2.5, y(pt.lower), 'stroke="#000" stroke-width="0.9"'));
      if (pt.upper > top) p.push(`<polygon points="${r1(px - 3)},${r1(y(top) + 4)} ${r1(px + 3)},${r1(y(top) + 4)} ${r1(px)},${r1(y(top))}" fill="#000"/>`);
      else p.push(line(px - 2.5, y(pt.upper), px + 2.5, y(pt.upper), 'stroke="#000" stroke-width="0.9"'));
      p.push(markSvg(m, px, y(pt.value), R_MIN + (R_MAX - R_MIN) * Math.sqrt(pt.weight / maxWeight)));
    }
  });
  p.push(axisLines(b));

  const perRow = Math.floor(b.width / LEGEND_COL);
  series.forEach((s, i) => {
    const lx = b.left + (i % perRow) * LEGEND_COL;
    const ly = b.top + b.height + CALENDAR_AXIS_H + Math.floor(i / perRow) * LEGEND_ROW + 6;
    const m = siteMark(i);
    p.push(line(lx, ly, lx + 24, ly, `stroke="#000" stroke-width="1"${m.dash ? ` stroke-dasharray="${m.dash}"` : ''}`));
    p.push(markSvg(m, lx + 12, ly, 4));
    p.push(text(lx + 30, ly + 3, s.name));
  });
  return svg(CHART_W, height, p.join(''), opts.ariaLabel);
}
