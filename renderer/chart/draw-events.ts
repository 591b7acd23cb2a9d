import type uPlot from 'uplot';
import type { DetectedEvent, EventType } from '../../core/analysis/types';
import { classOf, drawShape, type MarkShape, type Palette } from './event-style';
import { hatchPattern } from './hatch';
import { clipToPlot, plotArea } from './plot-area';

const SPAN_TEXTURE = { twitch: null, sustained: 'diagonal', activity: 'horizontal', artifact: 'cross', movement: 'dots' } as const;

/**
 * How a span is drawn: a faint tint for its area, and edges, a band along the top and hatch lines in the class
 * colour at full strength. Those carry the 3:1 contrast against the plot (WCAG 1.4.11) that a tint cannot;
 * tests/renderer/contrast.test.ts measures the colours in both themes.
 */
export const SPAN_STYLE = { tintAlpha: 0.08, lineAlpha: 1, edgeWidthPx: 1.5, bandHeightPx: 4 } as const;

function drawSpan(ctx: CanvasRenderingContext2D, colour: string, texture: 'diagonal' | 'cross' | 'dots' | 'horizontal' | null, x0: number, w: number, top: number, height: number, dpr: number): void {
  ctx.globalAlpha = SPAN_STYLE.tintAlpha;
  ctx.fillStyle = colour;
  ctx.fillRect(x0, top, w, height);
  ctx.globalAlpha = SPAN_STYLE.lineAlpha;
  if (texture && w >= 6 * dpr) {
    ctx.fillStyle = hatchPattern(ctx, colour, texture, dpr);
    ctx.fillRect(x0, top, w, height);
  }
  ctx.fillStyle = colour;
  ctx.fillRect(x0, top, w, SPAN_STYLE.bandHeightPx * dpr);
  const ew = SPAN_STYLE.edgeWidthPx * dpr;
  ctx.fillRect(x0, top, ew, height);
  ctx.fillRect(x0 + w - ew, top, ew, height);
}

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
 * Plain markers are stamped from a cached bitmap, and only where they would not mostly cover the previous
 * one: zoomed out on an hour, thousands of twitches would otherwise cost thousands of draws per redraw.
 */
export function drawEvents(u: uPlot, events: readonly DetectedEvent[], selected: string | null, pal: Palette): void {
  const area = plotArea(u);
  if (!area || events.length === 0) return;
  const { ctx, xmin, xmax, left, top, height, dpr, pxPerS } = area;
  const r = 5 * dpr;
  const markY = top + r + 2 * dpr;
  const plain: Record<EventType, number[]> = { twitch: [], sustained: [], activity: [], artifact: [], movement: [] };
  const lastX: Record<EventType, number> = { twitch: -Infinity, sustained: -Infinity, activity: -Infinity, artifact: -Infinity, movement: -Infinity };
  // Marks closer than this overlap so much they read as one; drawing each costs time and shows nothing.
  const minGap = 0.8 * r;
  const special: Array<{ e: DetectedEvent; xp: number }> = [];
  let selectedX: number | null = null;
  // Parsed once: formatting a key for every event would cost more than drawing it.
  const at = selected ? selected.lastIndexOf('@') : -1;
  const selChannel = at >= 0 ? selected!.slice(0, at) : null;
  const selPeak = at >= 0 ? Number(selected!.slice(at + 1)) : NaN;
  clipToPlot(area);
  for (let i = firstVisible(events, xmin); i < events.length; i++) {
    const e = events[i];
    if (e.startS > xmax) break;
    // The x scale is linear: mapping by hand skips valToPos's general path, thousands of times per draw.
    const xp = left + (e.peakS - xmin) * pxPerS;
    const spanPx = (e.endS - e.startS) * pxPerS;
    if (spanPx >= 2 && e.review !== 'rejected') drawSpan(ctx, pal.classes[e.type], SPAN_TEXTURE[e.type], left + (e.startS - xmin) * pxPerS, spanPx, top, height, dpr);
    if (e.channel === selChannel && Math.abs(e.peakS - selPeak) < 5e-5) selectedX = xp;
    if (e.review) special.push({ e, xp });
    else if (xp - lastX[e.type] >= minGap) {
      lastX[e.type] = xp;
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
    const sprite = markSprite(classOf(type).shape, pal.classes[type], r, dpr);
    const half = sprite.width / 2;
    for (const x of xs) ctx.drawImage(sprite, Math.round(x - half), Math.round(markY - half));
  }
  for (const { e, xp } of special) drawReviewed(ctx, e, xp, markY, r, dpr, pal);
  ctx.restore();
}

const sprites = new Map<string, HTMLCanvasElement>();

/**
 * A marker drawn once into a small bitmap: copying it is far cheaper than filling a path per event in
 * software rendering (an hour zoomed out holds thousands of marks per channel).
 */
function markSprite(shape: MarkShape, colour: string, r: number, dpr: number): HTMLCanvasElement {
  const key = `${shape}|${colour}|${r}`;
  let sprite = sprites.get(key);
  if (!sprite) {
    sprite = document.createElement('canvas');
    sprite.width = sprite.height = Math.ceil(2 * r + 4 * dpr);
    const c = sprite.getContext('2d');
    if (c) {
      c.beginPath();
      drawShape(c, shape, sprite.width / 2, sprite.height / 2, r);
      paintMark(c, shape, colour, dpr);
    }
    sprites.set(key, sprite);
  }
  return sprite;
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
