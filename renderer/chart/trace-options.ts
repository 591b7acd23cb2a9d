import type { RefObject } from 'react';
import uPlot from 'uplot';
import { formatClock, formatUnit } from '../../core/format';
import { tickStep, ticks } from '../../core/report/charts/scale';
import { HALF_DIVISIONS } from '../../core/view/gain';
import type { View } from '../../core/view/viewport';
import { drawAnnotations } from './draw-annotations';
import { drawEvents } from './draw-events';
import type { Palette } from './event-style';
import { pickPlugin, spanEdgePlugin, wheelPlugin, type EdgeDrag } from './plugins';
import type { TraceChartProps } from './trace-props';

/** What a trace chart is made of: a new shape rebuilds it; everything else is read live through `refs`. */
export interface TraceShape {
  label: string;
  unit: string;
  axes?: readonly string[];
  series: number;
  palette: Palette;
  height: number;
}

export interface TraceRefs {
  live: RefObject<TraceChartProps>;
  /** Where a fixed scale is centred (zero, or a raw signal's level). */
  centre: RefObject<number>;
  /** A span edge being dragged, drawn before it is committed. */
  preview: { current: EdgeDrag | null };
  box: RefObject<HTMLDivElement | null>;
  redraw(): void;
}

/** The uPlot options of one trace: axes, scales, gestures and the marks drawn over the signal. */
export function traceOptions(shape: TraceShape, refs: TraceRefs): uPlot.Options {
  const axisFont = '13px system-ui, sans-serif';
  const series: uPlot.Series[] = [{}];
  for (let i = 0; i < shape.series; i++) {
    series.push({
      label: shape.axes?.[i] ?? shape.label,
      stroke: shape.palette.trace[i % shape.palette.trace.length],
      width: 1,
      points: { show: false },
      spanGaps: false,
    });
  }
  return {
    width: 400,
    height: shape.height,
    legend: { show: false },
    scales: {
      x: { time: false },
      y: { range: (_u, min, max) => fixedRange(refs.live.current.gain, refs.centre.current) ?? autoRange(min, max) },
    },
    cursor: {
      sync: { key: 'twitchscope-timeline' },
      drag: { x: true, y: false, setScale: false },
      points: { show: false },
      // uPlot's double-click rescales to the data on its own; the view belongs to the timeline.
      bind: { dblclick: () => () => null },
    },
    axes: [
      {
        font: axisFont,
        stroke: shape.palette.muted,
        grid: { stroke: shape.palette.grid, width: 1 },
        ticks: { stroke: shape.palette.grid, width: 1 },
        size: 28,
        values: (_u, splits) => splits.map((s) => formatClock(s, spanDecimals(refs.live.current.view))),
      },
      {
        font: axisFont,
        stroke: shape.palette.muted,
        grid: { stroke: shape.palette.grid, width: 1 },
        ticks: { stroke: shape.palette.grid, width: 1 },
        size: 60,
        splits: (_u, _i, min, max) => ySplits(refs.live.current.gain, min, max),
        label: formatUnit(shape.unit),
        labelSize: 14,
        labelFont: axisFont,
      },
    ],
    series,
    plugins: [
      wheelPlugin(() => refs.live.current),
      pickPlugin(() => refs.live.current),
      spanEdgePlugin(() => ({
        events: refs.live.current.events,
        // Adding and measuring use the clicks; edges are not grabbed meanwhile.
        busy: refs.live.current.addMode || refs.live.current.measuring,
        onPreview: (d) => {
          refs.preview.current = d;
          refs.redraw();
        },
        onCommit: (d) => refs.live.current.onAdjust(d.event, d.startS, d.endS),
      })),
    ],
    hooks: {
      draw: [
        (u) => {
          const p = refs.live.current;
          drawAnnotations(u, p.annotations, p.palette);
          const d = refs.preview.current;
          const events = d ? p.events.map((e) => (e === d.event ? { ...e, startS: d.startS, endS: d.endS } : e)) : p.events;
          drawEvents(u, events, p.selected, p.palette);
          if (p.addMode) drawCentreLine(u, p.palette.accent);
          for (const c of p.cursors) drawCursor(u, c, p.palette.accent);
          // What the test reads to know the drawn scale.
          const box = refs.box.current;
          if (box) {
            box.dataset.yMin = String(u.scales.y.min ?? '');
            box.dataset.yMax = String(u.scales.y.max ?? '');
          }
        },
      ],
      setSelect: [
        (u) => {
          if (u.select.width > 3) {
            refs.live.current.onRange(u.posToVal(u.select.left, 'x'), u.posToVal(u.select.left + u.select.width, 'x'));
          }
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        },
      ],
    },
  };
}

/** Where Enter adds a twitch in add mode: the keyboard path to the same action as a click. */
function drawCentreLine(u: uPlot, colour: string): void {
  const { left, top, width, height } = u.bbox;
  const x = left + width / 2;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = uPlot.pxRatio;
  ctx.setLineDash([2 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, top + height);
  ctx.stroke();
  ctx.restore();
}

function spanDecimals(v: View): number {
  const span = v.t1 - v.t0;
  return span < 2 ? 3 : span < 20 ? 2 : span < 120 ? 1 : 0;
}


function fixedRange(gain: number | null, centre: number): [number, number] | null {
  return gain ? [centre - HALF_DIVISIONS * gain, centre + HALF_DIVISIONS * gain] : null;
}


function autoRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [-1, 1];
  const pad = (max - min || Math.abs(max) || 1) * 0.05;
  return [min - pad, max + pad];
}

/** One grid line per division at a fixed gain; about four round steps when the scale fits the data. */
function ySplits(gain: number | null, min: number, max: number): number[] {
  if (gain) return Array.from({ length: 2 * HALF_DIVISIONS + 1 }, (_, i) => Number((min + i * gain).toPrecision(12)));
  if (!(max > min)) return [min];
  return ticks(min, max, tickStep(max - min, 4));
}

/** A measurement cursor: a solid vertical and horizontal line through the point the user clicked. */
function drawCursor(u: uPlot, c: { t: number; v: number }, colour: string): void {
  const { left, top, width, height } = u.bbox;
  const x = u.valToPos(c.t, 'x', true);
  const y = u.valToPos(c.v, 'y', true);
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5 * uPlot.pxRatio;
  ctx.beginPath();
  if (x >= left && x <= left + width) {
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
  }
  if (y >= top && y <= top + height) {
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
  }
  ctx.stroke();
  ctx.restore();
}
