/** Per-site marks that stay apart in greyscale: a shape, a fill and a line dash for each site. */
import { r1 } from '../charts/svg';

const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
const DASHES = ['', '5 3', '2 2', '8 3 2 3'];

export interface SiteMark {
  shape: (typeof SHAPES)[number];
  filled: boolean;
  dash: string;
}

/** Site i's mark: four shapes, filled then open, then the dashes cycle on. */
export function siteMark(i: number): SiteMark {
  return { shape: SHAPES[i % 4], filled: Math.floor(i / 4) % 2 === 0, dash: DASHES[i % DASHES.length] };
}

/** The mark at (x, y) with radius r. */
export function markSvg(m: SiteMark, x: number, y: number, r: number): string {
  const style = `fill="${m.filled ? '#000' : '#fff'}" stroke="#000" stroke-width="1"`;
  switch (m.shape) {
    case 'circle':
      return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(r)}" ${style}/>`;
    case 'square':
      return `<rect x="${r1(x - r * 0.9)}" y="${r1(y - r * 0.9)}" width="${r1(r * 1.8)}" height="${r1(r * 1.8)}" ${style}/>`;
    case 'triangle':
      return `<polygon points="${r1(x)},${r1(y - r * 1.15)} ${r1(x + r)},${r1(y + r * 0.75)} ${r1(x - r)},${r1(y + r * 0.75)}" ${style}/>`;
    case 'diamond':
      return `<polygon points="${r1(x)},${r1(y - r * 1.2)} ${r1(x + r)},${r1(y)} ${r1(x)},${r1(y + r * 1.2)} ${r1(x - r)},${r1(y)}" ${style}/>`;
  }
}
