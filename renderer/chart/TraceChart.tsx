import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import type { RecordingAnnotation } from '../../core/recording';
import { queryWindow, type Pyramid } from '../../core/view/pyramid';
import type { View } from '../../core/view/viewport';
import { formatClock, formatUnit } from '../../core/format';
import { useUplot } from '../hooks/useUplot';
import { HALF_DIVISIONS } from '../../core/view/gain';
import { drawAnnotations } from './draw-annotations';
import { drawEvents } from './draw-events';
import { pickPlugin, spanEdgePlugin, wheelPlugin, type EdgeDrag } from './plugins';
import type { Palette } from './event-style';

export interface TraceChartProps {
  channel: AnalysedChannel;
  /** One pyramid per axis (one for EMG), all on the same grid. */
  pyramids: Pyramid[];
  view: View;
  /** This channel's events, sorted by peak. */
  events: readonly DetectedEvent[];
  /** The file's own markers (EDF+ annotations), sorted by onset. */
  annotations: readonly RecordingAnnotation[];
  selected: string | null;
  addMode: boolean;
  /** Measurement cursors placed on this trace (time and value), drawn as crossing lines. */
  cursors: ReadonlyArray<{ t: number; v: number }>;
  measuring: boolean;
  onMeasure(t: number, v: number): void;
  palette: Palette;
  height: number;
  /** Units per division on a fixed scale of ±HALF_DIVISIONS divisions, or null to fit each view's data. */
  gain: number | null;
  onRange(t0: number, t1: number): void;
  onWheelZoom(factor: number, anchorS: number): void;
  /** Pan by a fraction of the visible span (Shift+wheel or a sideways scroll). */
  onPan(fraction: number): void;
  onPickTime(tS: number): void;
  onPickEvent(e: DetectedEvent): void;
  /** A span's edges dragged to new times (one undoable edit per drag). */
  onAdjust(e: DetectedEvent, startS: number, endS: number): void;
}

/** One analysed channel's trace with its event marks; every redraw reads ~2 points per pixel column. */
export function TraceChart(props: TraceChartProps) {
  const { channel, pyramids, view, events, selected, addMode, palette, height } = props;
  const box = useRef<HTMLDivElement>(null);
  const live = useRef(props);
  live.current = props;
  const preview = useRef<EdgeDrag | null>(null);

  const opts = useMemo<uPlot.Options>(() => {
    const axisFont = '13px system-ui, sans-serif';
    const series: uPlot.Series[] = [{}];
    pyramids.forEach((_, i) => {
      series.push({
        label: channel.axes?.[i] ?? channel.label,
        stroke: palette.trace[i % palette.trace.length],
        width: 1,
        points: { show: false },
        spanGaps: false,
      });
    });
    return {
      width: 400,
      height,
      legend: { show: false },
      scales: {
        x: { time: false },
        y: { range: (_u, min, max) => fixedRange(live.current.gain) ?? autoRange(min, max) },
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
          stroke: palette.muted,
          grid: { stroke: palette.grid, width: 1 },
          ticks: { stroke: palette.grid, width: 1 },
          size: 28,
          values: (_u, splits) => splits.map((s) => formatClock(s, spanDecimals(live.current.view))),
        },
        {
          font: axisFont,
          stroke: palette.muted,
          grid: { stroke: palette.grid, width: 1 },
          ticks: { stroke: palette.grid, width: 1 },
          size: 60,
          splits: (_u, _i, min, max) => ySplits(live.current.gain, min, max),
          label: formatUnit(channel.unit),
          labelSize: 14,
          labelFont: axisFont,
        },
      ],
      series,
      plugins: [
        wheelPlugin(() => live.current),
        pickPlugin(() => live.current),
        spanEdgePlugin(() => ({
          events: live.current.events,
          // Adding and measuring use the clicks; edges are not grabbed meanwhile.
          busy: live.current.addMode || live.current.measuring,
          onPreview: (d) => {
            preview.current = d;
            chart.current?.redraw(false, false);
          },
          onCommit: (d) => live.current.onAdjust(d.event, d.startS, d.endS),
        })),
      ],
      hooks: {
        draw: [
          (u) => {
            const p = live.current;
            drawAnnotations(u, p.annotations, p.palette);
            const d = preview.current;
            const events = d ? p.events.map((e) => (e === d.event ? { ...e, startS: d.startS, endS: d.endS } : e)) : p.events;
            drawEvents(u, events, p.selected, p.palette);
            if (p.addMode) drawCentreLine(u, p.palette.accent);
            for (const c of p.cursors) drawCursor(u, c, p.palette.accent);
            // What the test reads to know the drawn scale.
            if (box.current) box.current.dataset.yMax = String(u.scales.y.max ?? '');
          },
        ],
        setSelect: [
          (u) => {
            if (u.select.width > 3) {
              live.current.onRange(u.posToVal(u.select.left, 'x'), u.posToVal(u.select.left + u.select.width, 'x'));
            }
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          },
        ],
      },
    };
    // Rebuilt only for what the chart is made of: a relabelled site or new review marks do not count.
  }, [channel.label, channel.unit, channel.axes?.join(), pyramids, palette, height]);

  const { chart, generation } = useUplot(box, opts, pyramids.length + 1);

  useEffect(() => {
    const u = chart.current;
    if (!u || pyramids.length === 0) return;
    const columns = Math.max(50, u.bbox.width / uPlot.pxRatio);
    const windows = pyramids.map((p) => queryWindow(p, view.t0, view.t1, columns));
    const data = [windows[0].x, ...windows.map((w) => w.y)] as uPlot.AlignedData;
    u.batch(() => {
      u.setData(data, true);
      u.setScale('x', { min: view.t0, max: view.t1 });
    });
  }, [chart, generation, pyramids, view]);

  useEffect(() => {
    chart.current?.redraw(false, false);
  }, [chart, events, selected, addMode, props.cursors]);

  // A new gain rescales y without rebuilding the chart.
  useEffect(() => {
    const u = chart.current;
    if (u) u.setData(u.data, true);
  }, [chart, props.gain]);

  const inView = countInView(events, view);
  return (
    <div
      className={`trace-plot${addMode || props.measuring ? ' adding' : ''}`}
      ref={box}
      role="img"
      aria-label={`${channel.label} trace, ${inView} event${inView === 1 ? '' : 's'} in view`}
      data-testid={`trace-${channel.id}`}
    />
  );
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

function countInView(events: readonly DetectedEvent[], v: View): number {
  let n = 0;
  for (const e of events) if (e.peakS >= v.t0 && e.peakS <= v.t1) n++;
  return n;
}

function fixedRange(gain: number | null): [number, number] | null {
  return gain ? [-HALF_DIVISIONS * gain, HALF_DIVISIONS * gain] : null;
}

function autoRange(min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [-1, 1];
  const pad = (max - min || Math.abs(max) || 1) * 0.05;
  return [min - pad, max + pad];
}

/** One grid line per division at a fixed gain; about four round steps when the scale fits the data. */
function ySplits(gain: number | null, min: number, max: number): number[] {
  if (gain) return Array.from({ length: 2 * HALF_DIVISIONS + 1 }, (_, i) => (i - HALF_DIVISIONS) * gain);
  const raw = (max - min) / 4;
  if (!(raw > 0)) return [min];
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
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
