/**
 * Values by site over calendar time: one line and mark shape per site, exact 95 % intervals as whiskers,
 * marks sized by the rest time behind them, numbered tag markers along the top.
 */
import { formatNumber } from '../../format';
import { tickStep, ticks } from '../charts/scale';
import { line, r1, svg, text } from '../charts/svg';
import { calendarRange, calendarTicks } from './calendar-axis';
import { markSvg, siteMark } from './marks';

export interface OverTimePoint {
  timeMs: number;
  value: number;
  lower: number;
  upper: number;
  /** What the mark's area shows (minutes of rest); equal weights give equal marks. */
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

const WIDTH = 700;
const LEFT = 46;
const RIGHT = 14;
const TOP = 16;
const AXIS_H = 30;
const LEGEND_ROW = 15;
const LEGEND_COL = 170;
const R_MIN = 2.5;
const R_MAX = 7;

export function overTimeChart(series: readonly OverTimeSeries[], opts: OverTimeOptions): string {
  const all = series.flatMap((s) => s.points);
  const plotH = opts.plotH ?? 170;
  const plotW = WIDTH - LEFT - RIGHT;
  const { min, max } = calendarRange([...all.map((p) => p.timeMs), ...(opts.tags ?? []).map((t) => t.timeMs)]);
  const x = (t: number): number => LEFT + ((t - min) / (max - min)) * plotW;
  const maxValue = Math.max(0, ...all.map((p) => p.value));
  // Whiskers of very short recordings may reach far up; the scale follows the values and clips those.
  const reach = Math.max(0, ...all.map((p) => p.upper));
  const span = Math.max(maxValue * 1.25, Math.min(reach, Math.max(maxValue, 0.5) * 3), 1e-9) || 1;
  const step = tickStep(span, 5);
  const top = Math.ceil(span / step) * step;
  const y = (v: number): number => TOP + plotH - (Math.min(v, top) / top) * plotH;
  const maxWeight = Math.max(1e-9, ...all.map((p) => p.weight));
  const legendRows = Math.ceil(series.length / Math.floor(plotW / LEGEND_COL));
  const height = TOP + plotH + AXIS_H + legendRows * LEGEND_ROW + 4;
  const p: string[] = [];

  for (const t of ticks(0, top, step)) {
    p.push(line(LEFT, y(t), LEFT + plotW, y(t), 'stroke="#ddd" stroke-width="0.6"'));
    p.push(text(LEFT - 5, y(t) + 3, formatNumber(t), 'text-anchor="end"'));
  }
  for (const t of calendarTicks(min, max)) {
    p.push(line(x(t.ms), TOP + plotH, x(t.ms), TOP + plotH + 3, 'stroke="#000" stroke-width="0.8"'));
    p.push(text(x(t.ms), TOP + plotH + 13, t.label, 'text-anchor="middle"'));
  }
  p.push(text(LEFT + plotW / 2, TOP + plotH + 25, opts.yLabel, 'text-anchor="middle" fill="#444"'));
  for (const tag of opts.tags ?? []) {
    p.push(line(x(tag.timeMs), TOP - 2, x(tag.timeMs), TOP + plotH, 'stroke="#777" stroke-width="0.7" stroke-dasharray="1.5 2"'));
    p.push(text(x(tag.timeMs), TOP - 5, tag.codes, 'text-anchor="middle" font-size="8"'));
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
  p.push(line(LEFT, TOP, LEFT, TOP + plotH, 'stroke="#000" stroke-width="0.8"'));
  p.push(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, 'stroke="#000" stroke-width="0.8"'));

  const perRow = Math.floor(plotW / LEGEND_COL);
  series.forEach((s, i) => {
    const lx = LEFT + (i % perRow) * LEGEND_COL;
    const ly = TOP + plotH + AXIS_H + Math.floor(i / perRow) * LEGEND_ROW + 6;
    const m = siteMark(i);
    p.push(line(lx, ly, lx + 24, ly, `stroke="#000" stroke-width="1"${m.dash ? ` stroke-dasharray="${m.dash}"` : ''}`));
    p.push(markSvg(m, lx + 12, ly, 4));
    p.push(text(lx + 30, ly + 3, s.name));
  });
  return svg(WIDTH, height, p.join(''), opts.ariaLabel);
}
