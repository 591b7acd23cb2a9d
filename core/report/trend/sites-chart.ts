/** "Spreading": per recording, how many sites were recorded (outline) and how many showed twitch-like events (filled). */
import type { SpreadPoint } from '../../trends/series';
import { line, rect, svg, text } from '../charts/svg';
import { calendarRange, calendarTicks } from './calendar-axis';

const WIDTH = 700;
const LEFT = 46;
const RIGHT = 14;
const TOP = 8;
const PLOT_H = 90;
const AXIS_H = 30;
const LEGEND_H = 16;

export function sitesOverTimeChart(points: readonly SpreadPoint[]): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const { min, max } = calendarRange(points.map((p) => p.timeMs));
  const x = (t: number): number => LEFT + ((t - min) / (max - min)) * plotW;
  const top = Math.max(1, ...points.map((p) => p.recorded.length));
  const y = (v: number): number => TOP + PLOT_H - (v / top) * PLOT_H;
  const barW = Math.max(4, Math.min(16, plotW / Math.max(1, points.length) / 2.5));
  const p: string[] = [];
  for (let v = 0; v <= top; v++) {
    p.push(line(LEFT, y(v), LEFT + plotW, y(v), 'stroke="#ddd" stroke-width="0.6"'));
    p.push(text(LEFT - 5, y(v) + 3, String(v), 'text-anchor="end"'));
  }
  for (const t of calendarTicks(min, max)) {
    p.push(line(x(t.ms), TOP + PLOT_H, x(t.ms), TOP + PLOT_H + 3, 'stroke="#000" stroke-width="0.8"'));
    p.push(text(x(t.ms), TOP + PLOT_H + 13, t.label, 'text-anchor="middle"'));
  }
  p.push(text(LEFT + plotW / 2, TOP + PLOT_H + 25, 'number of body sites per recording', 'text-anchor="middle" fill="#444"'));
  // Recordings on one day would draw over each other: later ones shift right by a bar width.
  const seen = new Map<number, number>();
  for (const pt of points) {
    const day = Math.round(x(pt.timeMs));
    const k = seen.get(day) ?? 0;
    seen.set(day, k + 1);
    const bx = x(pt.timeMs) - barW / 2 + k * (barW + 1);
    p.push(rect(bx, y(pt.recorded.length), barW, (pt.recorded.length / top) * PLOT_H, 'fill="#fff" stroke="#000" stroke-width="0.9"'));
    p.push(rect(bx, y(pt.withTwitches.length), barW, (pt.withTwitches.length / top) * PLOT_H, 'fill="#555" stroke="#000" stroke-width="0.9"'));
  }
  p.push(line(LEFT, TOP, LEFT, TOP + PLOT_H, 'stroke="#000" stroke-width="0.8"'));
  p.push(line(LEFT, TOP + PLOT_H, LEFT + plotW, TOP + PLOT_H, 'stroke="#000" stroke-width="0.8"'));
  const ly = TOP + PLOT_H + AXIS_H + 6;
  p.push(rect(LEFT, ly - 5, 10, 9, 'fill="#fff" stroke="#000" stroke-width="0.9"'));
  p.push(text(LEFT + 14, ly + 3, 'sites recorded'));
  p.push(rect(LEFT + 120, ly - 5, 10, 9, 'fill="#555" stroke="#000" stroke-width="0.9"'));
  p.push(text(LEFT + 134, ly + 3, 'sites with at least one twitch-like event'));
  return svg(WIDTH, TOP + PLOT_H + AXIS_H + LEGEND_H, p.join(''), 'Number of body sites with twitch-like events in each recording');
}
