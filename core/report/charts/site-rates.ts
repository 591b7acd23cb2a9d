/** Horizontal bars of events per minute of rest by location, with their 95 % intervals as whiskers. */
import type { Location } from '../../guidance/findings';
import { capitalise, formatNumber } from '../../format';
import { axisLines, CHART_W, NAMES_W, plotBox } from './frame';
import { tickStep, ticks } from './scale';
import { line, rect, svg, text } from './svg';

// Room for the longest value label, e.g. "12.34/min (12345 in 1440 min)" (29 characters at ~4.7 units each).
const VALUE_W = 150;
const ROW_H = 18;
const TOP = 6;
const AXIS_H = 26;

/** `noun`: what the events are called, e.g. "twitch-like events" or "brief movements". */
export function siteRatesChart(locations: readonly Location[], noun: string): string {
  const rows = locations.filter((l) => l.restS > 0 && l.interval);
  const intervals = rows.map((l) => l.interval!);
  const max = Math.max(1, ...intervals.map((ci) => ci.upper), ...rows.map((l) => l.twitchesPerMinute));
  const step = tickStep(max, 6);
  const top = Math.ceil(max / step) * step;
  const b = plotBox(NAMES_W, VALUE_W, TOP, rows.length * ROW_H);
  const x = (v: number) => b.left + (v / top) * b.width;
  const axisY = b.top + b.height;
  const parts: string[] = [];
  for (const t of ticks(0, top, step)) {
    parts.push(line(x(t), b.top, x(t), axisY, 'stroke="#ccc" stroke-width="0.6"'));
    parts.push(text(x(t), axisY + 11, formatNumber(t), 'text-anchor="middle"'));
  }
  parts.push(text(b.left + b.width / 2, axisY + 23, `${noun} per minute of rest (bar), 95% interval (whisker)`, 'text-anchor="middle" fill="#444"'));
  rows.forEach((l, i) => {
    const y = b.top + i * ROW_H;
    const mid = y + ROW_H / 2;
    const ci = intervals[i];
    parts.push(text(b.left - 6, mid + 3, l.name, 'text-anchor="end"'));
    parts.push(rect(b.left, y + 4, x(l.twitchesPerMinute) - b.left, ROW_H - 8, 'fill="#bbb" stroke="#000" stroke-width="0.6"'));
    parts.push(line(x(ci.lower), mid, x(ci.upper), mid, 'stroke="#000" stroke-width="1"'));
    parts.push(line(x(ci.lower), mid - 3.5, x(ci.lower), mid + 3.5, 'stroke="#000" stroke-width="1"'));
    parts.push(line(x(ci.upper), mid - 3.5, x(ci.upper), mid + 3.5, 'stroke="#000" stroke-width="1"'));
    parts.push(
      text(b.left + b.width + 8, mid + 3, `${formatNumber(l.twitchesPerMinute)}/min (${l.twitchCount} in ${formatNumber(l.restS / 60)} min)`),
    );
  });
  parts.push(axisLines(b));
  return svg(CHART_W, axisY + AXIS_H, parts.join(''), `${capitalise(noun)} per minute of rest by site`);
}
