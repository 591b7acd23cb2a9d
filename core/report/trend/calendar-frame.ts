/** The frame of the trend report's calendar charts: they share their side margins, so their days line up. */
import { plotBox, type PlotBox } from '../charts/frame';
import { line, text } from '../charts/svg';
import { calendarTicks } from './calendar-axis';

/** Room under the box for the day labels and the axis caption. */
export const CALENDAR_AXIS_H = 30;

/** The box of a calendar chart: the value labels on the left, a little room on the right. */
export function calendarBox(top: number, height: number): PlotBox {
  return plotBox(46, 14, top, height);
}

/** Ticks and labels for the days or months in [min, max] under the box, and the caption centred below them. */
export function calendarAxis(b: PlotBox, min: number, max: number, x: (timeMs: number) => number, caption: string): string {
  const bottom = b.top + b.height;
  const p = calendarTicks(min, max).map((t) => line(x(t.ms), bottom, x(t.ms), bottom + 3, 'stroke="#000" stroke-width="0.8"') + text(x(t.ms), bottom + 13, t.label, 'text-anchor="middle"'));
  p.push(text(b.left + b.width / 2, bottom + 25, caption, 'text-anchor="middle" fill="#444"'));
  return p.join('');
}
