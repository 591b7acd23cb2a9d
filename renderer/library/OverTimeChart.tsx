import { useRef, useState } from 'react';
import { formatNumber } from '../../core/format';
import { tickStep, ticks } from '../../core/report/charts/scale';
import { siteMark } from '../../core/report/trend/marks';
import { calendarRange, calendarTicks } from '../../core/report/trend/calendar-axis';
import { dayLabel } from '../../core/trends';
import { useWidth } from '../hooks/useSize';
import { LegendMark, SiteMark, siteColour } from './marks';

export interface ChartPoint {
  fingerprint: string;
  timeMs: number;
  value: number;
  /** The 95 % interval; equal to `value` where there is none to show. */
  lower: number;
  upper: number;
  /** What the mark's area stands for (minutes of rest); equal weights give equal marks. */
  weight: number;
  /** Read out for the point: "2.4 twitches per minute over 10 min of rest". */
  describe: string;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

export interface ChartTag {
  timeMs: number;
  tags: readonly string[];
}

interface Props {
  series: readonly ChartSeries[];
  yLabel: string;
  title: string;
  testid: string;
  tags?: readonly ChartTag[];
  /** Whole numbers only on the value axis (counts of sites). */
  integer?: boolean;
}

const LEFT = 48;
const RIGHT = 16;
const TOP = 22;
const PLOT_H = 180;
const AXIS_H = 34;
const R_MAX = 8;
/** Marks shrink as recordings crowd together, so a year of daily recordings stays readable. */
const PX_PER_MARK = 2.5;

/** Values by series over calendar time: a line and mark shape per series, whiskers for intervals, tag flags on top. */
export function OverTimeChart({ series, yLabel, title, testid, tags = [], integer = false }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  // Drawn at its real width, so labels keep the app's text size however wide the window is; nothing is drawn
  // before the first measurement, since a long library would otherwise be drawn twice.
  const W = useWidth(boxRef);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = series.map((s) => (hidden.has(s.name) ? { ...s, points: [] } : s));
  const all = shown.flatMap((s) => s.points);
  if (series.every((s) => s.points.length === 0) || W === 0) {
    return (
      <figure className="trend-chart" data-testid={testid}>
        <figcaption>{title}</figcaption>
        <div ref={boxRef} className="chart-box">
          {W > 0 && <p className="muted">Nothing to draw for these recordings.</p>}
        </div>
      </figure>
    );
  }
  const plotW = W - LEFT - RIGHT;
  // The axes keep the range of every series, so hiding one does not move the others.
  const everyPoint = series.flatMap((s) => s.points);
  const { min, max } = calendarRange([...everyPoint.map((p) => p.timeMs), ...tags.map((t) => t.timeMs)]);
  const x = (t: number) => LEFT + ((t - min) / (max - min)) * plotW;
  const maxValue = Math.max(0, ...all.map((p) => p.value));
  // Whiskers of very short recordings can reach far up; the scale follows the values and clips those.
  const reach = Math.max(0, ...all.map((p) => p.upper));
  const span = Math.max(maxValue * 1.25, Math.min(reach, Math.max(maxValue, integer ? 1 : 0.5) * 3), 1e-9);
  const step = integer ? Math.max(1, Math.round(tickStep(span, 5))) : tickStep(span, 5);
  const top = Math.ceil(span / step) * step;
  const y = (v: number) => TOP + PLOT_H - (Math.min(v, top) / top) * PLOT_H;
  const maxWeight = Math.max(1e-9, ...all.map((p) => p.weight));
  const crowd = Math.max(1, ...series.map((s) => s.points.length));
  const rMax = Math.min(R_MAX, Math.max(2.5, plotW / (crowd * PX_PER_MARK)));
  const rMin = rMax * 0.4;
  const cap = Math.min(4, rMax);
  // Area follows the weight: the radius grows with its square root.
  const radius = (w: number) => rMin + (rMax - rMin) * Math.sqrt(Math.max(0, w) / maxWeight);
  const height = TOP + PLOT_H + AXIS_H;

  return (
    <figure className="trend-chart" data-testid={testid}>
      <figcaption>{title}</figcaption>
      <div ref={boxRef} className="chart-box">
        <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="group" aria-label={`${title}. ${yLabel} over time.`}>
          {ticks(0, top, step).map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={LEFT + plotW} y1={y(t)} y2={y(t)} className="grid" />
              <text x={LEFT - 6} y={y(t) + 4} textAnchor="end">
                {formatNumber(t)}
              </text>
            </g>
          ))}
          {calendarTicks(min, max).map((t) => (
            <g key={t.ms}>
              <line x1={x(t.ms)} x2={x(t.ms)} y1={TOP + PLOT_H} y2={TOP + PLOT_H + 4} className="axis" />
              <text x={x(t.ms)} y={TOP + PLOT_H + 16} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={LEFT + plotW} y1={TOP + PLOT_H} y2={TOP + PLOT_H} className="axis" />
          <text x={LEFT + plotW / 2} y={TOP + PLOT_H + 30} textAnchor="middle" className="axis-label">
            {yLabel}
          </text>
          {tags.map((t) => (
            <g key={t.timeMs} data-testid="tag-marker" className="tag-marker">
              <title>{`${dayLabel(t.timeMs)}: ${t.tags.join(', ')}`}</title>
              <line x1={x(t.timeMs)} x2={x(t.timeMs)} y1={TOP - 4} y2={TOP + PLOT_H} />
              <polygon points={`${x(t.timeMs) - 5},${TOP - 14} ${x(t.timeMs) + 5},${TOP - 14} ${x(t.timeMs)},${TOP - 5}`} />
            </g>
          ))}
          {shown.map((s, i) => {
            const m = siteMark(i);
            const path = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.timeMs)},${y(p.value)}`).join(' ');
            return (
              <g key={s.name} data-testid="trend-series" data-series={s.name}>
                {s.points.length > 1 && <path d={path} fill="none" stroke={siteColour(i)} strokeWidth={1.5} strokeDasharray={m.dash || undefined} />}
                {s.points.map((p) => (
                  <g key={p.fingerprint} data-testid="trend-point" data-series={s.name} data-value={p.value} tabIndex={0} role="img" aria-label={`${s.name}, ${dayLabel(p.timeMs)}: ${p.describe}`}>
                    <title>{`${s.name}, ${dayLabel(p.timeMs)}: ${p.describe}`}</title>
                    {p.upper > p.lower && (
                      <g className="whisker" stroke={siteColour(i)}>
                        <line x1={x(p.timeMs)} x2={x(p.timeMs)} y1={y(p.lower)} y2={y(p.upper)} />
                        <line x1={x(p.timeMs) - cap} x2={x(p.timeMs) + cap} y1={y(p.lower)} y2={y(p.lower)} />
                        {p.upper <= top ? (
                        <line x1={x(p.timeMs) - cap} x2={x(p.timeMs) + cap} y1={y(p.upper)} y2={y(p.upper)} />
                      ) : (
                        // An interval reaching past the scale ends in an arrow: it goes on, it is not cut short.
                        <polyline points={`${x(p.timeMs) - cap},${TOP + 5} ${x(p.timeMs)},${TOP} ${x(p.timeMs) + cap},${TOP + 5}`} />
                      )}
                      </g>
                    )}
                    <SiteMark index={i} x={x(p.timeMs)} y={y(p.value)} r={radius(p.weight)} />
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="chart-legend" aria-label={series.length > 1 ? 'Series shown; press one to hide or show it' : undefined}>
        {series.map((s, i) => (
          <li key={s.name}>
            {series.length > 1 ? (
              <button
                className="legend-toggle"
                aria-pressed={!hidden.has(s.name)}
                onClick={() => {
                  const next = new Set(hidden);
                  if (!next.delete(s.name)) next.add(s.name);
                  setHidden(next);
                }}
                data-testid="legend-toggle"
                data-series={s.name}
              >
                <LegendMark index={i} />
                {s.name}
              </button>
            ) : (
              <>
                <LegendMark index={i} />
                {s.name}
              </>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
