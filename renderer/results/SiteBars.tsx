import { useRef } from 'react';
import { noRateWords, tells } from '../../core/analysis/site-summary';
import { formatDuration, formatNumber, formatRate, plural } from '../../core/format';
import { barTicks } from '../../core/report/charts/scale';
import { useWidth } from '../hooks/useSize';
import type { RateRow } from './rate-rows';

const ROW_H = 32;
const AXIS_H = 40;

/** Twitches per minute of rest, one horizontal bar per site (or unsited channel), value and count beside it. */
export function SiteBars({ rows }: { rows: readonly RateRow[] }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  if (rows.length === 0) return <p className="empty">No channel was analysed.</p>;
  const W = Math.max(320, width);
  const labelW = Math.min(220, Math.max(110, ...rows.map((r) => r.name.length * 7.5)));
  const valueW = 150;
  const H = rows.length * ROW_H + AXIS_H;
  // With no rate above 0 the axis still reads in whole twitches per minute, not in ten-thousandths.
  const top = Math.max(...rows.map((s) => s.twitchesPerMinute ?? 0));
  const max = top > 0 ? top : 1;
  const barW = W - labelW - valueW;
  const ticks = barTicks(max);
  const scaleMax = ticks[ticks.length - 1];
  return (
    <div className="chart-box" ref={box}>
      <svg className="chart-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Twitches per minute of rest by site; the same figures are in the table below" data-testid="site-chart">
        {ticks.map((t) => {
          const x = labelW + (t / scaleMax) * barW;
          return (
            <g key={t}>
              <line className="gridline" x1={x} x2={x} y1={0} y2={H - AXIS_H + 4} />
              <text x={x} y={H - AXIS_H + 20} textAnchor="middle" className="bar-label">
                {formatNumber(t)}
              </text>
            </g>
          );
        })}
        <text x={labelW + barW / 2} y={H - 4} textAnchor="middle" className="bar-label">
          twitches per minute of rest
        </text>
        {rows.map((s, i) => {
          const y = i * ROW_H + 4;
          const rate = s.twitchesPerMinute ?? 0;
          const w = (rate / scaleMax) * barW;
          return (
            <g key={s.name} data-testid="site-bar" data-site={s.name.toLowerCase()} data-count={s.twitchCount} data-rate={s.twitchesPerMinute === null ? 'none' : rate.toFixed(4)}>
              <title>{tells(s) ? `${s.name}: ${s.twitchesPerMinute === null ? `no rate (${noRateWords(s)})` : `${formatRate(rate)} of rest`}, ${plural(s.twitchCount, 'twitch', 'twitches')} in ${formatDuration(s.restS)} of rest` : `${s.name}: no rate (${noRateWords(s)})`}</title>
              <text x={labelW - 8} y={y + ROW_H / 2} textAnchor="end" dominantBaseline="middle">
                {s.name}
              </text>
              <rect className="bar" x={labelW} y={y + 4} width={Math.max(w, s.twitchCount > 0 ? 2 : 0)} height={ROW_H - 12} rx={2} />
              <text x={labelW + w + 6} y={y + ROW_H / 2} dominantBaseline="middle" className="num">
                {s.twitchesPerMinute === null ? `no rate: ${noRateWords(s)}` : `${formatRate(rate)} · ${s.twitchCount}`}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

