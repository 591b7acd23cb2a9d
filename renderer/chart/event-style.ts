import type { DetectedEvent, EventType } from '../../core/analysis/types';

/** Event classes read by shape as well as colour (Okabe & Ito 2008 colour-blind-safe palette via CSS vars). */
export type MarkShape = 'triangle' | 'square' | 'cross' | 'diamond' | 'circle';

export const EVENT_CLASSES: ReadonlyArray<{ type: EventType; label: string; shape: MarkShape; cssVar: string }> = [
  { type: 'twitch', label: 'Twitch', shape: 'triangle', cssVar: '--twitch' },
  { type: 'sustained', label: 'Sustained', shape: 'square', cssVar: '--sustained' },
  { type: 'activity', label: 'Activity', shape: 'circle', cssVar: '--activity' },
  { type: 'artifact', label: 'Artifact', shape: 'cross', cssVar: '--artifact' },
  { type: 'movement', label: 'Movement', shape: 'diamond', cssVar: '--movement' },
];

export function classOf(type: EventType) {
  return EVENT_CLASSES.find((c) => c.type === type)!;
}

export interface Palette {
  trace: string[];
  grid: string;
  text: string;
  muted: string;
  accent: string;
  panel: string;
  classes: Record<EventType, string>;
}

/** Reads the theme's colours from CSS so canvas drawing follows light/dark. */
export function readPalette(): Palette {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string) => cs.getPropertyValue(name).trim();
  return {
    trace: [v('--trace'), v('--trace-2'), v('--trace-3')],
    grid: v('--grid'),
    text: v('--text'),
    muted: v('--muted'),
    accent: v('--accent'),
    panel: v('--panel'),
    classes: { twitch: v('--twitch'), sustained: v('--sustained'), activity: v('--activity'), artifact: v('--artifact'), movement: v('--movement') },
  };
}

/** Adds the shape to the current path (call `beginPath` first), so many marks can be filled at once. */
export function drawShape(ctx: CanvasRenderingContext2D, shape: MarkShape, x: number, y: number, r: number): void {
  switch (shape) {
    case 'triangle':
      ctx.moveTo(x - r, y - r * 0.8);
      ctx.lineTo(x + r, y - r * 0.8);
      ctx.lineTo(x, y + r * 0.9);
      ctx.closePath();
      break;
    case 'square':
      ctx.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      break;
    case 'circle':
      ctx.moveTo(x + r * 0.85, y);
      ctx.arc(x, y, r * 0.85, 0, Math.PI * 2);
      break;
    case 'cross':
      ctx.moveTo(x - r * 0.8, y - r * 0.8);
      ctx.lineTo(x + r * 0.8, y + r * 0.8);
      ctx.moveTo(x + r * 0.8, y - r * 0.8);
      ctx.lineTo(x - r * 0.8, y + r * 0.8);
      break;
  }
}

/** An event's class as listed: an activity span names its pattern ("Activity: tremor"). */
export function classLabel(e: Pick<DetectedEvent, 'type' | 'pattern'>): string {
  const label = classOf(e.type).label;
  return e.type === 'activity' && e.pattern ? `${label}: ${e.pattern}` : label;
}

/** The review state as a word, for tables and screen readers. */
export function reviewLabel(e: DetectedEvent): string {
  return e.review === 'confirmed' ? 'Confirmed' : e.review === 'rejected' ? 'Rejected' : e.review === 'added' ? 'Added' : 'Detected';
}

export function eventKey(e: { channel: string; peakS: number }): string {
  return `${e.channel}@${e.peakS.toFixed(4)}`;
}
