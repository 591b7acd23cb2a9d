/** Small SVG helpers: numbers rounded for compact markup, shared patterns that read in greyscale. */
import { esc } from '../html';

export const r1 = (x: number): string => String(Math.round(x * 10) / 10);

export function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${r1(x)}" y="${r1(y)}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs = ''): string {
  return `<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}"${attrs ? ` ${attrs}` : ''}/>`;
}

export function rect(x: number, y: number, w: number, h: number, attrs = ''): string {
  return `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(0, w))}" height="${r1(Math.max(0, h))}"${attrs ? ` ${attrs}` : ''}/>`;
}

/**
 * Hatching for sustained activity, a grid for muscle use and dots for excluded time, so the charts do not
 * rely on colour.
 * Ids are prefixed per chart: several inline SVGs share one document.
 */
export function patterns(prefix: string): string {
  return [
    '<defs>',
    `<pattern id="${prefix}-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    '<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#333" stroke-width="1.6"/></pattern>',
    `<pattern id="${prefix}-cross" width="5" height="5" patternUnits="userSpaceOnUse">`,
    '<rect width="5" height="5" fill="#fff"/><path d="M0 2.5h5M2.5 0v5" stroke="#666" stroke-width="0.7"/></pattern>',
    `<pattern id="${prefix}-dots" width="3" height="3" patternUnits="userSpaceOnUse">`,
    '<rect width="3" height="3" fill="#fff"/><circle cx="1.5" cy="1.5" r="0.7" fill="#888"/></pattern>',
    '</defs>',
  ].join('');
}

export function svg(width: number, height: number, body: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}" font-size="9">${body}</svg>`;
}
