import uPlot from 'uplot';
import type { DetectedEvent, EventType } from '../../core/analysis/types';
import { classOf, drawShape, eventKey, type MarkShape, type Palette } from './event-style';
import { hatchPattern } from './hatch';

const SPAN_TEXTURE = { twitch: null, sustained: 'diagonal', artifact: 'cross', movement: 'dots' } as const;

/** First index whose end reaches t: events are sorted by peak, spans are short, so step back a little. */
function firstVisible(events: readonly DetectedEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].peakS < t) lo = mid + 1;
    else hi = mid;
  }
  while (lo > 0 && events[lo - 1].endS >= t) lo--;
  return lo;
}

/**
 * Spans as textured bands, a class-shaped marker at each peak, review state as fill/outline/strike.
 * Plain markers of one class are filled as one path, and only one per pixel column: zoomed out on an hour,
 * thousands of twitches would otherwise cost thousands of fills per redraw.
 */
export function drawEvents(u: uPlot, events: readonly DetectedEvent[], selected: string | null, pal: Palette): void {
  const xmin = u.scales.x.min;
  const xmax = u.scales.x.max;
  if (xmin == null || xmax == null || events.length === 0) return;
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const dpr = uPlot.pxRatio;
  const r = 5 * dpr;
  const markY = top + r + 2 * dpr;
  const plain: Record<EventType, number[]> = { twitch: [], sustained: [], artifact: [], movement: [] };
  const lastX: Record<EventType, number> = { twitch: -1, sustained: -1, artifact: -1, movement: -1 };
  const special: Array<{ e: DetectedEvent; xp: number }> = [];
  let selectedX: number | null = null;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  for (let i = firstVisible(events, xmin); i < events.length; i++) {
    const e = events[i];
    if (e.startS > xmax) break;
    const x0 = u.valToPos(e.startS, 'x', true);
    const x1 = u.valToPos(e.endS, 'x', true);
    const xp = u.valToPos(e.peakS, 'x', true);
    if (x1 - x0 >= 2 && e.review !== 'rejected') {
      const texture = SPAN_TEXTURE[e.type];
      const colour = pal.classes[e.type];
      ctx.globalAlpha = texture ? 1 : 0.14;
      ctx.fillStyle = texture ? hatchPattern(ctx, colour, texture, dpr) : colour;
      ctx.fillRect(x0, top, x1 - x0, height);
      ctx.globalAlpha = 1;
    }
    if (eventKey(e) === selected) selectedX = xp;
    if (e.review) special.push({ e, xp });
    else if (Math.round(xp) !== lastX[e.type]) {
      lastX[e.type] = Math.round(xp);
      plain[e.type].push(xp);
    }
  }
  if (selectedX !== null) {
    ctx.strokeStyle = pal.accent;
    ctx.lineWidth = 1.5 * dpr;
    ctx.setLineDash([4 * dpr, 3 * dpr]);
    ctx.beginPath();
    ctx.moveTo(selectedX, top);
    ctx.lineTo(selectedX, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const type of Object.keys(plain) as EventType[]) {
    const xs = plain[type];
    if (xs.length === 0) continue;
    const cls = classOf(type);
    ctx.beginPath();
    for (const x of xs) drawShape(ctx, cls.shape, x, markY, r);
    paintMark(ctx, cls.shape, pal.classes[type], dpr);
  }
  for (const { e, xp } of special) drawReviewed(ctx, e, xp, markY, r, dpr, pal);
  ctx.restore();
}

function paintMark(ctx: CanvasRenderingContext2D, shape: MarkShape, colour: string, dpr: number): void {
  if (shape === 'cross') {
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2.5 * dpr;
    ctx.stroke();
  } else {
    ctx.fillStyle = colour;
    ctx.fill();
  }
}

/** The user's own marks: rejected = grey outline struck through, added = ring, confirmed = ring and tick. */
function drawReviewed(ctx: CanvasRenderingContext2D, e: DetectedEvent, xp: number, markY: number, r: number, dpr: number, pal: Palette): void {
  const cls = classOf(e.type);
  ctx.beginPath();
  drawShape(ctx, cls.shape, xp, markY, r);
  if (e.review === 'rejected') {
    ctx.strokeStyle = pal.muted;
    ctx.lineWidth = 1.5 * dpr;
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(xp - r * 1.3, markY + r * 1.3);
    ctx.lineTo(xp + r * 1.3, markY - r * 1.3);
    ctx.stroke();
    return;
  }
  paintMark(ctx, cls.shape, pal.classes[e.type], dpr);
  ctx.strokeStyle = pal.text;
  ctx.lineWidth = 1.2 * dpr;
  ctx.beginPath();
  ctx.arc(xp, markY, r * 1.6, 0, Math.PI * 2);
  ctx.stroke();
  if (e.review === 'confirmed') {
    ctx.beginPath();
    ctx.moveTo(xp - r * 0.7, markY + r * 2.3);
    ctx.lineTo(xp - r * 0.1, markY + r * 2.9);
    ctx.lineTo(xp + r * 0.9, markY + r * 1.8);
    ctx.stroke();
  }
}

/** The event whose marker is nearest a click, within a few pixels. */
export function eventNear(u: uPlot, events: readonly DetectedEvent[], cssX: number, tolerancePx = 8): DetectedEvent | null {
  let best: DetectedEvent | null = null;
  let bestD = tolerancePx;
  const t0 = u.posToVal(cssX - tolerancePx, 'x');
  const t1 = u.posToVal(cssX + tolerancePx, 'x');
  for (let i = firstVisible(events, t0); i < events.length && events[i].startS <= t1; i++) {
    const d = Math.abs(u.valToPos(events[i].peakS, 'x') - cssX);
    if (d <= bestD) {
      bestD = d;
      best = events[i];
    }
  }
  return best;
}
