/** Site marks on screen: the report's shape/fill per site plus an Okabe–Ito colour, so colour is never the only cue. */
import { siteMark } from '../../core/report/trend/marks';

const COLOURS = ['var(--twitch)', 'var(--sustained)', 'var(--movement)', 'var(--artifact)'];

export function siteColour(i: number): string {
  return COLOURS[i % COLOURS.length];
}

export function SiteMark({ index, x, y, r }: { index: number; x: number; y: number; r: number }) {
  const m = siteMark(index);
  const colour = siteColour(index);
  const style = { fill: m.filled ? colour : 'var(--panel)', stroke: colour, strokeWidth: 1.5 };
  switch (m.shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} style={style} />;
    case 'square':
      return <rect x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} style={style} />;
    case 'triangle':
      return <polygon points={`${x},${y - r * 1.15} ${x + r},${y + r * 0.75} ${x - r},${y + r * 0.75}`} style={style} />;
    case 'diamond':
      return <polygon points={`${x},${y - r * 1.2} ${x + r},${y} ${x},${y + r * 1.2} ${x - r},${y}`} style={style} />;
  }
}

/** A small legend swatch: the mark and its line dash. */
export function LegendMark({ index }: { index: number }) {
  const m = siteMark(index);
  return (
    <svg width="30" height="12" aria-hidden="true" className="legend-mark">
      <line x1="1" y1="6" x2="29" y2="6" stroke={siteColour(index)} strokeWidth="1.5" strokeDasharray={m.dash || undefined} />
      <SiteMark index={index} x={15} y={6} r={4} />
    </svg>
  );
}
