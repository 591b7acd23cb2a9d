import { useEffect, useRef } from 'react';
import type { DetectedEvent } from '../../core/analysis/types';
import { clampView, type View } from '../../core/view/viewport';
import { formatClock } from '../../core/format';
import { useWidth } from '../hooks/useSize';
import type { Palette } from './event-style';

interface Props {
  durationS: number;
  events: readonly DetectedEvent[];
  view: View;
  palette: Palette;
  onView(v: View): void;
}

const BIN_PX = 3;

/** The whole recording at a glance: twitch density as bars, other classes as strips, the visible window boxed. */
export function Overview({ durationS, events, view, palette, onView }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(canvas);

  useEffect(() => {
    const c = canvas.current;
    if (!c || width === 0 || durationS <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    const h = c.clientHeight;
    c.width = Math.round(width * dpr);
    c.height = Math.round(h * dpr);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, h);
    const bins = Math.max(1, Math.floor(width / BIN_PX));
    const counts = new Float64Array(bins);
    const stripH = 5;
    const strips = ['sustained', 'activity', 'movement', 'artifact'] as const;
    const barBase = h - strips.length * stripH - 2;
    for (const e of events) {
      if (e.review === 'rejected') continue;
      if (e.type === 'twitch') {
        counts[Math.min(bins - 1, Math.floor((e.peakS / durationS) * bins))]++;
        continue;
      }
      const row = strips.indexOf(e.type);
      const x0 = (e.startS / durationS) * width;
      const x1 = (e.endS / durationS) * width;
      ctx.fillStyle = palette.classes[e.type];
      ctx.fillRect(x0, barBase + 1 + row * stripH, Math.max(1.5, x1 - x0), stripH - 1);
    }
    let max = 0;
    for (let i = 0; i < bins; i++) if (counts[i] > max) max = counts[i];
    ctx.fillStyle = palette.classes.twitch;
    for (let i = 0; i < bins && max > 0; i++) {
      if (counts[i] === 0) continue;
      // Square root keeps single twitches visible next to dense bursts.
      const bh = Math.max(2, Math.sqrt(counts[i] / max) * (barBase - 4));
      ctx.fillRect(i * BIN_PX, barBase - bh, BIN_PX - 1, bh);
    }
    const vx0 = (view.t0 / durationS) * width;
    const vx1 = (view.t1 / durationS) * width;
    ctx.fillStyle = palette.accent;
    ctx.globalAlpha = 0.12;
    ctx.fillRect(vx0, 0, Math.max(2, vx1 - vx0), h);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = palette.accent;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(vx0 + 0.75, 0.75, Math.max(2, vx1 - vx0) - 1.5, h - 1.5);
  }, [width, durationS, events, view, palette]);

  const drag = useRef<{ startX: number; startView: View } | null>(null);
  const timeAt = (clientX: number) => {
    const r = canvas.current!.getBoundingClientRect();
    return ((clientX - r.left) / r.width) * durationS;
  };
  const onPointerDown = (ev: React.PointerEvent) => {
    const t = timeAt(ev.clientX);
    let start = view;
    if (t < view.t0 || t > view.t1) {
      const span = view.t1 - view.t0;
      start = clampView({ t0: t - span / 2, t1: t + span / 2 }, durationS);
      onView(start);
    }
    drag.current = { startX: ev.clientX, startView: start };
    (ev.target as Element).setPointerCapture(ev.pointerId);
  };
  const onPointerMove = (ev: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const r = canvas.current!.getBoundingClientRect();
    const dt = ((ev.clientX - d.startX) / r.width) * durationS;
    onView(clampView({ t0: d.startView.t0 + dt, t1: d.startView.t1 + dt }, durationS));
  };
  const twitches = events.filter((e) => e.type === 'twitch' && e.review !== 'rejected').length;

  return (
    <div className="overview" data-testid="overview" title="Whole recording: drag the box to move, click to jump">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Overview of the whole recording, ${formatClock(durationS)} long, ${twitches} twitches. Showing ${formatClock(view.t0, 1)} to ${formatClock(view.t1, 1)}.`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      />
    </div>
  );
}
