import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { nothingTells } from '../../core/analysis/site-summary';
import type { Analysis } from '../../core/analysis/types';
import { capitalise, formatClock, formatDuration } from '../../core/format';
import { binChoices, binEvents } from '../../core/view/time-bins';
import { barTicks } from '../../core/report/charts/scale';
import { useWidth } from '../hooks/useSize';
import { StripAxis } from './StripAxis';

const LEFT = 60;
const ROW_H = 96;
const AXIS_H = 44;

/** Twitch counts per bin, one bar strip per site (so no colour key is needed), bins fitted to the recording. */
export function TwitchesOverTime({ analysis, durationS }: { analysis: Analysis; durationS: number }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const { choices, preferred } = useMemo(() => binChoices(durationS), [durationS]);
  const [picked, setBinS] = useState<number>(preferred);
  const binS = choices.includes(picked) ? picked : preferred;
  const groupLabel = useMemo(() => new Map(analysis.channels.map((c) => [c.id, c.site ?? `${c.label} (no site)`])), [analysis.channels]);
  const binned = useMemo(() => binEvents(analysis.events, durationS, binS, (e) => groupLabel.get(e.channel) ?? null), [analysis.events, durationS, binS, groupLabel]);
  const groups = [...binned.counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const n = binned.starts.length;
  const W = Math.max(320, width);
  const H = groups.length * ROW_H + AXIS_H;
  const max = Math.max(1, ...groups.map(([, c]) => Math.max(...c)));
  const top = barTicks(max, 2).at(-1)!;
  const bw = (W - LEFT - 10) / n;
  const labelEvery = Math.ceil(n / Math.max(2, Math.floor((W - LEFT) / 70)));
  const per = `per ${formatDuration(binS)}`;

  const onKey = (e: KeyboardEvent) => {
    const i = choices.indexOf(binS);
    const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? i - 1 : -2;
    if (to < -1) return;
    e.preventDefault();
    const next = choices[(to + choices.length) % choices.length];
    setBinS(next);
    (e.currentTarget.querySelector(`[data-bin="${next}"]`) as HTMLElement | null)?.focus();
  };

  return (
    <>
      <div className="bins-select" role="radiogroup" aria-label="Bin length" onKeyDown={onKey}>
        {choices.map((b) => (
          <button key={b} role="radio" aria-checked={binS === b} tabIndex={binS === b ? 0 : -1} onClick={() => setBinS(b)} data-bin={b}>
            {formatDuration(b)}
          </button>
        ))}
      </div>
      <div className="chart-box" ref={box}>
        {groups.length === 0 ? (
          <p className="empty">{nothingTells(analysis.summary.channels) ? 'Nothing to chart: no channel could tell twitches here (Data quality says why).' : 'No twitches to chart.'}</p>
        ) : (
          <svg className="chart-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Twitches ${per} by site; the counts are in the table below the chart`} data-testid="over-time-chart">
            {groups.map(([name, counts], g) => {
              const y0 = g * ROW_H;
              const base = y0 + ROW_H - 10;
              const h = ROW_H - 40;
              return (
                <g key={name} data-testid="over-time-strip" data-site={name} data-height={h}>
                  <text x={LEFT} y={y0 + 16} fontWeight={600}>
                    {capitalise(name)}
                  </text>
                  <StripAxis left={LEFT} right={W - 10} base={base} height={h} top={top} />
                  {Array.from(counts, (c, i) =>
                    c > 0 ? (
                      <rect key={i} className="bar" x={LEFT + i * bw + 0.5} y={base - (c / top) * h} width={Math.max(1, bw - 1)} height={(c / top) * h}>
                        <title>{`${formatClock(binned.starts[i])}: ${c} twitch${c === 1 ? '' : 'es'}`}</title>
                      </rect>
                    ) : null,
                  )}
                </g>
              );
            })}
            {Array.from(binned.starts, (s, i) =>
              i % labelEvery === 0 ? (
                <text key={i} x={LEFT + i * bw} y={H - AXIS_H + 18} className="bar-label">
                  {formatClock(s)}
                </text>
              ) : null,
            )}
            <text x={LEFT} y={H - 6} className="bar-label">
              {`Bars: twitches ${per}. Across: time in the recording (m:ss).`}
            </text>
          </svg>
        )}
      </div>
      {groups.length > 0 && (
        <details className="chart-table">
          <summary>Show the counts as a table</summary>
          <table className="grid" data-testid="over-time-table">
            <thead>
              <tr>
                <th scope="col">From</th>
                {groups.map(([name]) => (
                  <th key={name} scope="col" className="num">
                    {capitalise(name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from(binned.starts, (s, i) => (
                <tr key={i}>
                  <th scope="row">{formatClock(s)}</th>
                  {groups.map(([name, c]) => (
                    <td key={name} className="num">
                      {c[i]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}
