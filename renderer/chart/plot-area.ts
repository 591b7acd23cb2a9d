import uPlot from 'uplot';

/** Where a uPlot draw hook draws: the visible time range and the plot's box, in canvas pixels. */
export interface PlotArea {
  ctx: CanvasRenderingContext2D;
  xmin: number;
  xmax: number;
  left: number;
  top: number;
  width: number;
  height: number;
  dpr: number;
  pxPerS: number;
}

/** The plot's area, or null before its time scale is set. */
export function plotArea(u: uPlot): PlotArea | null {
  const xmin = u.scales.x.min;
  const xmax = u.scales.x.max;
  if (xmin == null || xmax == null) return null;
  const { left, top, width, height } = u.bbox;
  return { ctx: u.ctx, xmin, xmax, left, top, width, height, dpr: uPlot.pxRatio, pxPerS: width / (xmax - xmin) };
}

/** Saves the canvas state and keeps what follows inside the plot's box; the caller restores it. */
export function clipToPlot(a: PlotArea): void {
  a.ctx.save();
  a.ctx.beginPath();
  a.ctx.rect(a.left, a.top, a.width, a.height);
  a.ctx.clip();
}
