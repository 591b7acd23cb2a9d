import { useCallback, useState } from 'react';
import type { Analysis } from '../../core/analysis/types';
import { formatAmount } from '../../core/format';
import type { SignalView } from '../../core/view/display-signal';

/** Measurement cursors: on or off, and up to two points on one channel. */
export interface Measure {
  on: boolean;
  channel: string | null;
  points: ReadonlyArray<{ t: number; v: number }>;
}

const OFF: Measure = { on: false, channel: null, points: [] };

/** The cursors, placed by clicks on a trace: two on one channel read out Δt and Δamplitude. */
export function useMeasure(analysis: Analysis, announce: (text: string) => void, viewOf: (channelId: string) => SignalView | null) {
  const [measure, setMeasure] = useState<Measure>(OFF);
  const setMeasuring = useCallback((on: boolean) => setMeasure({ ...OFF, on }), []);
  const toggleMeasuring = useCallback(() => setMeasure((m) => ({ ...OFF, on: !m.on })), []);
  const place = useCallback(
    (channel: string, t: number, v: number) => {
      const next: Measure = measure.channel === channel && measure.points.length === 1 ? { on: true, channel, points: [measure.points[0], { t, v }] } : { on: true, channel, points: [{ t, v }] };
      setMeasure(next);
      if (next.points.length === 2) announce(measureText(next, analysis, viewOf));
    },
    [measure, analysis, announce, viewOf],
  );
  return { measure, setMeasuring, toggleMeasuring, place };
}

/**
 * Δt and Δamplitude between the two cursors, or what to do next. The amplitude is read off the trace as it is
 * drawn, so a channel with a choice of signal names the one measured.
 */
export function measureText(m: Measure, analysis: Analysis, viewOf: (channelId: string) => SignalView | null): string {
  if (m.points.length === 0) return 'Measure: click a first point on a trace.';
  if (m.points.length === 1) return 'Measure: click a second point on the same trace.';
  const [a, b] = m.points;
  const ch = analysis.channels.find((c) => c.id === m.channel);
  const dt = Math.abs(b.t - a.t);
  const dtText = dt < 1 ? `${(dt * 1000).toFixed(1)} ms` : `${dt.toFixed(3)} s`;
  const view = m.channel ? viewOf(m.channel) : null;
  return `Δt ${dtText} · Δ ${formatAmount(Math.abs(b.v - a.v), ch?.unit ?? '')} (${ch?.label ?? m.channel}${view ? `, ${view}` : ''})`;
}
