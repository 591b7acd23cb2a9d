/** "Spreading": per recording, how many sites were recorded (outline) and how many showed twitch-like events (filled). */
import type { SpreadPoint } from '../../trends/series';
import { axisLines, CHART_W, valueGrid } from '../charts/frame';
import { ticks } from '../charts/scale';
import { rect, svg, text } from '../charts/svg';
import { calendarRange } from './calendar-axis';
import { CALENDAR_AXIS_H, calendarAxis, calendarBox } from './calendar-frame';

const LEGEND_H = 16;

export function sitesOverTimeChart(points: readonly SpreadPoint[]): string {
  const b = calendarBox(8, 90);
  const { min, max } = calendarRange(points.map((p) => p.timeMs));
  const x = (t: number): number => b.left + ((t - min) / (max - min)) * b.width;
  const top = Math.max(1, ...points.map((p) => p.recorded.length));
  const y = (v: number): number => b.top + b.height - (v / top) * b.height;
  const barW = Math.max(4, Math.min(16, b.width / Math.max(1, points.length) / 2.5));
  const p: string[] = [];
  p.push(valueGrid(b, ticks(0, top, 1), y, String));
  p.push(calendarAxis(b, min, max, x, 'number of body sites per recording'));
  // Recordings on one day would draw over each other: later ones shift right by a bar width.
  const seen = new Map<number, number>();
  for (const pt of points) {
    const day = Math.round(x(pt.timeMs));
    const k = seen.get(day) ?? 0;
    seen.set(day, k + 1);
    const bx = x(pt.timeMs) - barW / 2 + k * (barW + 1);
    p.push(rect(bx, y(pt.recorded.length), barW, (pt.recorded.length / top) * b.height, 'fill="#fff" stroke="#000" stroke-width="0.9"'));
    p.push(rect(bx, y(pt.withTwitches.length), barW, (pt.withTwitches.length / top) * b.height, 'fill="#555" stroke="#000" stroke-width="0.9"'));
  }
  p.push(axisLines(b));
  const ly = b.top + b.height + CALENDAR_AXIS_H + 6;
  p.push(rect(b.left, ly - 5, 10, 9, 'fill="#fff" stroke="#000" stroke-width="0.9"'));
  p.push(text(b.left + 14, ly + 3, 'sites recorded'));
  p.push(rect(b.left + 120, ly - 5, 10, 9, 'fill="#555" stroke="#000" stroke-width="0.9"'));
  p.push(text(b.left + 134, ly + 3, 'sites with at least one twitch-like event'));
  return svg(CHART_W, b.top + b.height + CALENDAR_AXIS_H + LEGEND_H, p.join(''), 'Number of body sites with twitch-like events in each recording');
}
