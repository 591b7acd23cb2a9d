import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import { queryWindow, type Pyramid } from '../../core/view/pyramid';
import type { View } from '../../core/view/viewport';
import { formatClock, formatUnit } from '../format';
import { useUplot } from '../hooks/useUplot';
import { drawEvents, eventNear } from './draw-events';
import type { Palette } from './event-style';

export interface TraceChartProps {
  channel: AnalysedChannel;
  /** One pyramid per axis (one for EMG), all on the same grid. */
  pyramids: Pyramid[];
  view: View;
  /** This channel's events, sorted by peak. */
  events: readonly DetectedEvent[];
  selected: string | null;
  addMode: boolean;
  palette: Palette;
  height: number;
  onRange(t0: number, t1: number): void;
  onWheelZoom(factor: number, anchorS: number): void;
  /** Pan by a fraction of the visible span (Shift+wheel or a sideways scroll). */
  onPan(fraction: number): void;
  onPickTime(tS: number): void;
  onPickEvent(e: DetectedEvent): void;
}

/** One analysed channel's trace with its event marks; every redraw reads ~2 points per pixel column. */
export function TraceChart(props: TraceChartProps) {
  const { channel, pyramids, view, events, selected, addMode, palette, height } = props;
  const box = useRef<HTMLDivElement>(null);
  const live = useRef(props);
  live.current = props;

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
      scales: { x: { time: false } },
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
          label: formatUnit(channel.unit),
          labelSize: 14,
          labelFont: axisFont,
        },
      ],
      series,
      hooks: {
        draw: [
          (u) => {
            drawEvents(u, live.current.events, live.current.selected, live.current.palette);
            if (live.current.addMode) drawCentreLine(u, live.current.palette.accent);
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
        ready: [
          (u) => {
            u.over.addEventListener(
              'wheel',
              (ev) => {
                ev.preventDefault();
                const sideways = Math.abs(ev.deltaX) > Math.abs(ev.deltaY);
                if (ev.shiftKey || sideways) {
                  const d = sideways ? ev.deltaX : ev.deltaY;
                  live.current.onPan(Math.max(-0.5, Math.min(0.5, d * 0.002)));
                  return;
                }
                const factor = Math.exp(Math.max(-300, Math.min(300, ev.deltaY)) * 0.002);
                live.current.onWheelZoom(factor, u.posToVal(ev.offsetX, 'x'));
              },
              { passive: false },
            );
            let downX = 0;
            u.over.addEventListener('mousedown', (ev) => {
              downX = ev.clientX;
            });
            u.over.addEventListener('click', (ev) => {
              if (Math.abs(ev.clientX - downX) > 3) return;
              const p = live.current;
              if (p.addMode) {
                p.onPickTime(u.posToVal(ev.offsetX, 'x'));
                return;
              }
              const hit = eventNear(u, p.events, ev.offsetX);
              if (hit) p.onPickEvent(hit);
            });
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
  }, [chart, events, selected, addMode]);

  const inView = countInView(events, view);
  return (
    <div
      className={`trace-plot${addMode ? ' adding' : ''}`}
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
