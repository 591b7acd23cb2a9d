import { useRef } from 'react';
import { hourSpan, hourlyNote, TOO_LITTLE_REST, type HourlyRest as Hours } from '../../core/analysis/hourly-rest';
import { formatDuration, formatNumber, plural } from '../../core/format';
import { barTicks } from '../../core/report/charts/scale';
import { useWidth } from '../hooks/useSize';
import { StripAxis } from './StripAxis';

const LEFT = 44;
const PLOT_H = 110;
const AXIS_H = 40;
/** Narrower bars (a day on a small window) leave their figures to the tooltip and the table. */
const MIN_LABELLED_BAR_W = 26;
const noun = (n: number) => (n === 1 ? 'twitch' : 'twitches');

/**
 * Twitches per hour of rest for each hour of a long recording: one bar per hour, the figure written above it,
 * hours without a figure marked with a dash (not by colour), and the same figures as a table for reading aloud.
 */
export function HourlyRest({ hours }: { hours: Hours }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const W = Math.max(320, width);
  const H = PLOT_H + AXIS_H;
  const n = hours.hours.length;
  const max = Math.max(1, ...hours.hours.map((h) => h.perHour ?? 0));
  const top = barTicks(max, 4).at(-1)!;
  const bw = (W - LEFT - 10) / n;
  const labelEvery = Math.ceil(n / Math.max(2, Math.floor((W - LEFT) / 90)));
  const base = PLOT_H;
  const plotH = PLOT_H - 20;
  const dated = hours.hours[0]?.clock !== null;
  return (
    <>
      <div className="chart-box" ref={box}>
        <svg className="chart-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Twitches per hour of rest for each hour; the figures are in the table below the chart" data-testid="hourly-chart">
          <StripAxis left={LEFT} right={W - 10} base={base} height={plotH} top={top} />
          {hours.hours.map((h, i) => {
            const x = LEFT + i * bw;
            const barH = h.perHour === null ? 0 : (h.perHour / top) * plotH;
            return (
              <g key={h.startS} data-testid="hourly-bar" data-rate={h.perHour === null ? 'none' : h.perHour.toFixed(3)}>
                <title>{`${hourSpan(h)}: ${h.perHour === null ? `no figure, ${TOO_LITTLE_REST}` : `${formatNumber(h.perHour)} per hour of rest`} (${plural(h.twitches, 'twitch', 'twitches')} in ${formatDuration(h.restS)} of rest)`}</title>
                {h.perHour !== null && <rect className="bar" x={x + 1} y={base - barH} width={Math.max(1, bw - 2)} height={barH} />}
                {(h.perHour === null || bw >= MIN_LABELLED_BAR_W) && (
                  <text x={x + bw / 2} y={base - barH - 4} textAnchor="middle" className="bar-label">
                    {h.perHour === null ? '–' : formatNumber(h.perHour)}
                  </text>
                )}
                {i % labelEvery === 0 && (
                  <text x={x} y={base + 16} className="bar-label">
                    {dated ? h.clock : `${formatNumber(h.startS / 3600)} h`}
                  </text>
                )}
              </g>
            );
          })}
          <text x={LEFT} y={H - 6} className="bar-label">
            {`Bars: twitches per hour of rest. Across: ${dated ? "the recording's clock" : 'hours from the start'}.${hours.hours.some((h) => h.perHour === null) ? ` –: ${TOO_LITTLE_REST}.` : ''}`}
          </text>
        </svg>
      </div>
      <p className="muted" data-testid="hourly-note">
        {hourlyNote(hours, noun)}
      </p>
      <details className="chart-table">
        <summary>Show the hours as a table</summary>
        <table className="grid" data-testid="hourly-table">
          <thead>
            <tr>
              <th scope="col">{dated ? 'Time' : 'From the start'}</th>
              <th scope="col" className="num">Twitches</th>
              <th scope="col" className="num">Rest</th>
              <th scope="col" className="num">Per hour of rest</th>
            </tr>
          </thead>
          <tbody>
            {hours.hours.map((h) => (
              <tr key={h.startS} data-testid="hourly-row">
                <th scope="row">{hourSpan(h)}</th>
                <td className="num">{h.twitches}</td>
                <td className="num">{formatDuration(h.restS)}</td>
                <td className="num">{h.perHour === null ? TOO_LITTLE_REST : formatNumber(h.perHour)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
