import type uPlot from 'uplot';
import type { RecordingAnnotation } from '../../core/recording';
import type { Palette } from './event-style';
import { clipToPlot, plotArea } from './plot-area';

/** Labels closer than this would overprint each other: the later one keeps its line but not its text. */
const LABEL_GAP_PX = 60;

/**
 * The file's own annotations (EDF+ markers): a dashed line at each onset, a faint band over its duration and
 * its text at the foot of the trace, where the event marks (drawn at the top) do not cover it.
 */
export function drawAnnotations(u: uPlot, annotations: readonly RecordingAnnotation[], pal: Palette): void {
  const area = plotArea(u);
  if (!area || annotations.length === 0) return;
  const { ctx, xmin, xmax, left, top, height, dpr, pxPerS } = area;
  clipToPlot(area);
  ctx.font = `${11 * dpr}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  let lastLabel = -Infinity;
  for (const a of annotations) {
    const end = a.onsetS + (a.durationS ?? 0);
    if (end < xmin || a.onsetS > xmax) continue;
    const x = left + (a.onsetS - xmin) * pxPerS;
    if (a.durationS) {
      ctx.globalAlpha = 0.08;
      ctx.fillStyle = pal.accent;
      ctx.fillRect(x, top, Math.max(1, a.durationS * pxPerS), height);
    }
    ctx.globalAlpha = 0.8;
    ctx.strokeStyle = pal.accent;
    ctx.lineWidth = dpr;
    ctx.setLineDash([4 * dpr, 3 * dpr]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    if (x - lastLabel >= LABEL_GAP_PX * dpr) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = pal.text;
      ctx.fillText(a.text.length > 40 ? `${a.text.slice(0, 39)}…` : a.text, Math.max(left, x + 3 * dpr), top + height - 2 * dpr);
      lastLabel = x;
    }
  }
  ctx.restore();
}
