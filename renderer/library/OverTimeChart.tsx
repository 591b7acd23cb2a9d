import { useRef, useState } from 'react';
import { formatNumber } from '../../core/format';
import { ticks } from '../../core/report/charts/scale';
import { siteMark } from '../../core/report/trend/marks';
import { calendarTicks } from '../../core/report/trend/calendar-axis';
import { dayLabel } from '../../core/trends';
import { useWidth } from '../hooks/useSize';
import { LegendMark, SiteMark, siteColour } from './marks';
import { LEFT, PLOT_H, TOP, overTimeScales, type ChartSeries, type ChartTag, type OverTimeScales } from './over-time';

interface Props {
  series: readonly ChartSeries[];
  yLabel: string;
  title: string;
  testid: string;
  tags?: readonly ChartTag[];
  /** Whole numbers only on the value axis (counts of sites). */
  integer?: boolean;
}

/** Values by series over calendar time: a line and mark shape per series, whiskers for intervals, tag flags on top. */
export function OverTimeChart({ series, yLabel, title, testid, tags = [], integer = false }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  // Drawn at its real width, so labels keep the app's text size however wide the window is; nothing is drawn
  // before the first measurement, since a long library would otherwise be drawn twice.
  const W = useWidth(boxRef);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = series.map((s) => (hidden.has(s.name) ? { ...s, points: [] } : s));
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
  const scales = overTimeScales(series, shown, tags, W, integer);
  const toggle = (name: string) => {
    const next = new Set(hidden);
    if (!next.delete(name)) next.add(name);
    setHidden(next);
  };

  return (
    <figure className="trend-chart" data-testid={testid}>
      <figcaption>{title}</figcaption>
      <div ref={boxRef} className="chart-box">
        <svg viewBox={`0 0 ${W} ${scales.height}`} width={W} height={scales.height} role="group" aria-label={`${title}. ${yLabel} over time.`}>
          <Axes scales={scales} yLabel={yLabel} />
          {tags.map((t) => (
            <g key={t.timeMs} data-testid="tag-marker" className="tag-marker">
              <title>{`${dayLabel(t.timeMs)}: ${t.tags.join(', ')}`}</title>
              <line x1={scales.x(t.timeMs)} x2={scales.x(t.timeMs)} y1={TOP - 4} y2={TOP + PLOT_H} />
              <polygon points={`${scales.x(t.timeMs) - 5},${TOP - 14} ${scales.x(t.timeMs) + 5},${TOP - 14} ${scales.x(t.timeMs)},${TOP - 5}`} />
            </g>
          ))}
          {shown.map((s, i) => (
            <Series key={s.name} series={s} index={i} scales={scales} />
          ))}
        </svg>
      </div>
      <Legend series={series} hidden={hidden} toggle={toggle} />
    </figure>
  );
}

/** Value grid and labels, calendar ticks and the axis title. */
function Axes({ scales, yLabel }: { scales: OverTimeScales; yLabel: string }) {
  const { plotW, x, y } = scales;
  return (
    <>
      {ticks(0, scales.top, scales.step).map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={LEFT + plotW} y1={y(t)} y2={y(t)} className="grid" />
          <text x={LEFT - 6} y={y(t) + 4} textAnchor="end">
            {formatNumber(t)}
          </text>
        </g>
      ))}
      {calendarTicks(scales.min, scales.max).map((t) => (
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
    </>
  );
}

/** One series: its line, and a focusable mark with its interval for each recording. */
function Series({ series: s, index: i, scales }: { series: ChartSeries; index: number; scales: OverTimeScales }) {
  const { x, y, cap, top } = scales;
  const m = siteMark(i);
  const path = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.timeMs)},${y(p.value)}`).join(' ');
  return (
    <g data-testid="trend-series" data-series={s.name}>
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
          <SiteMark index={i} x={x(p.timeMs)} y={y(p.value)} r={scales.radius(p.weight)} />
        </g>
      ))}
    </g>
  );
}

/** The series' marks and names; with more than one, each is a button that hides or shows its series. */
function Legend({ series, hidden, toggle }: { series: readonly ChartSeries[]; hidden: ReadonlySet<string>; toggle(name: string): void }) {
  return (
    <ul className="chart-legend" aria-label={series.length > 1 ? 'Series shown; press one to hide or show it' : undefined}>
      {series.map((s, i) => (
        <li key={s.name}>
          {series.length > 1 ? (
            <button className="legend-toggle" aria-pressed={!hidden.has(s.name)} onClick={() => toggle(s.name)} data-testid="legend-toggle" data-series={s.name}>
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
  );
}
