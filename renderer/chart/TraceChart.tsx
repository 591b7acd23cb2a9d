import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import type { DetectedEvent } from '../../core/analysis/types';
import { queryWindow } from '../../core/view/pyramid';
import type { View } from '../../core/view/viewport';
import { useUplot } from '../hooks/useUplot';
import type { EdgeDrag } from './plugins';
import { traceOptions } from './trace-options';
import type { TraceChartProps } from './trace-props';

/** One analysed channel's trace with its event marks; every redraw reads ~2 points per pixel column. */
export function TraceChart(props: TraceChartProps) {
  const { channel, pyramids, view, events, selected, addMode, palette, height } = props;
  const box = useRef<HTMLDivElement>(null);
  const live = useRef(props);
  live.current = props;
  const preview = useRef<EdgeDrag | null>(null);
  // Where a fixed scale is centred: zero for a filtered signal, the visible data's level for a raw one.
  const centre = useRef(0);

  const opts = useMemo<uPlot.Options>(
    () =>
      traceOptions({ label: channel.label, unit: channel.unit, axes: channel.axes, series: pyramids.length, palette, height }, {
        live,
        centre,
        preview,
        box,
        redraw: () => chart.current?.redraw(false, false),
      }),
    // Rebuilt only for what the chart is made of: a relabelled site or new review marks do not count.
    [channel.label, channel.unit, channel.axes?.join(), pyramids, palette, height],
  );

  const { chart, generation } = useUplot(box, opts, pyramids.length + 1);

  useEffect(() => {
    const u = chart.current;
    if (!u || pyramids.length === 0) return;
    const columns = Math.max(50, u.bbox.width / uPlot.pxRatio);
    const windows = pyramids.map((p) => queryWindow(p, view.t0, view.t1, columns));
    const data = [windows[0].x, ...windows.map((w) => w.y)] as uPlot.AlignedData;
    centre.current = props.centreOnData && props.gain ? levelOf(windows[0].y, props.gain) : 0;
    u.batch(() => {
      u.setData(data, true);
      u.setScale('x', { min: view.t0, max: view.t1 });
    });
  }, [chart, generation, pyramids, view, props.centreOnData]);

  useEffect(() => {
    chart.current?.redraw(false, false);
  }, [chart, events, selected, addMode, props.cursors]);

  // A new gain rescales y without rebuilding the chart.
  useEffect(() => {
    const u = chart.current;
    if (!u) return;
    centre.current = props.centreOnData && props.gain ? levelOf(u.data[1] as (number | null)[], props.gain) : 0;
    u.setData(u.data, true);
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

function countInView(events: readonly DetectedEvent[], v: View): number {
  let n = 0;
  for (const e of events) if (e.peakS >= v.t0 && e.peakS <= v.t1) n++;
  return n;
}

/** The mean of the drawn values, to the nearest division so grid lines stay on round values. */
function levelOf(values: ArrayLike<number | null>, gain: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? Math.round(sum / n / gain) * gain : 0;
}
