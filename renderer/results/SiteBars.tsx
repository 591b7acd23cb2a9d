import { useRef } from 'react';
import type { SiteSummary } from '../../core/analysis/types';
import { useWidth } from '../hooks/useSize';
import { capitalise, formatRate } from '../format';

/** Twitches per minute of rest by site, as horizontal bars with the value and count written beside each. */
export function SiteBars({ sites }: { sites: readonly SiteSummary[] }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  if (sites.length === 0) {
    return <p className="empty">No channel has a body site yet. Set sites in the Sites tab to see rates by site.</p>;
  }
  const W = Math.max(320, width);
  const labelW = 120;
  const valueW = 130;
  const rowH = 28;
  const H = sites.length * rowH + 26;
  const max = Math.max(...sites.map((s) => s.twitchesPerMinute), 0.0001);
  const barW = W - labelW - valueW;
  const ticks = niceTicks(max);
  const scaleMax = ticks[ticks.length - 1];
  return (
    <div className="chart-box" ref={box}>
    <svg className="chart-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Twitches per minute of rest by site" data-testid="site-chart">
      {ticks.map((t) => {
        const x = labelW + (t / scaleMax) * barW;
        return (
          <g key={t}>
            <line className="gridline" x1={x} x2={x} y1={0} y2={H - 20} />
            <text x={x} y={H - 6} textAnchor="middle" className="bar-label">
              {formatRate(t)}
            </text>
          </g>
        );
      })}
      {sites.map((s, i) => {
        const y = i * rowH + 4;
        const w = (s.twitchesPerMinute / scaleMax) * barW;
        return (
          <g key={s.site} data-testid="site-bar" data-site={s.site} data-count={s.twitchCount} data-rate={s.twitchesPerMinute.toFixed(4)}>
            <title>{`${capitalise(s.site)}: ${formatRate(s.twitchesPerMinute)} per minute of rest (${s.twitchCount} twitches in ${(s.restS / 60).toFixed(1)} min)`}</title>
            <text x={labelW - 8} y={y + rowH / 2} textAnchor="end" dominantBaseline="middle">
              {capitalise(s.site)}
            </text>
            <rect className="bar" x={labelW} y={y + 3} width={Math.max(w, s.twitchCount > 0 ? 2 : 0)} height={rowH - 10} rx={2} />
            <text x={labelW + w + 6} y={y + rowH / 2} dominantBaseline="middle" className="num">
              {formatRate(s.twitchesPerMinute)}/min · {s.twitchCount}
            </text>
          </g>
        );
      })}
    </svg>
    </div>
  );
}

/** Round tick values (1, 2, 5 × 10^k) covering 0..max. */
export function niceTicks(max: number, count = 4): number[] {
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = 0; t <= max + step * 0.999; t += step) out.push(Number(t.toPrecision(6)));
  return out.length > 1 ? out : [0, step];
}
