/**
 * The frame of a report chart: the box its data goes in, and the axis lines and value grid drawn around it
 * the same way on every chart. Charts stacked on a page share one width, so their plots line up.
 */
import { formatNumber } from '../../format';
import { line, text } from './svg';

/** Width of a full-width report chart, in SVG units: the page's text column. */
export const CHART_W = 700;

/** The names column of charts with a row per site or channel (rates by site, timeline): their plots start together. */
export const NAMES_W = 130;

/** Where a chart's data goes, in SVG units. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The box of a full-width chart with `left` and `right` margins. */
export function plotBox(left: number, right: number, top: number, height: number): PlotBox {
  return { left, top, width: CHART_W - left - right, height };
}

/** The value axis on the left of the box and the baseline under it. */
export function axisLines(b: PlotBox): string {
  const bottom = b.top + b.height;
  const style = 'stroke="#000" stroke-width="0.8"';
  return line(b.left, b.top, b.left, bottom, style) + line(b.left, bottom, b.left + b.width, bottom, style);
}

/** A light line across the box at each value, labelled left of the axis. */
export function valueGrid(b: PlotBox, values: readonly number[], y: (v: number) => number, label: (v: number) => string = formatNumber): string {
  return values.map((v) => line(b.left, y(v), b.left + b.width, y(v), 'stroke="#ddd" stroke-width="0.6"') + text(b.left - 5, y(v) + 3, label(v), 'text-anchor="end"')).join('');
}
