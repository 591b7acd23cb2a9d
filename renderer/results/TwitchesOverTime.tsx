import { useMemo, useRef, useState } from 'react';
import type { Analysis } from '../../core/analysis/types';
import { binEvents } from '../../core/view/time-bins';
import { capitalise, formatClock } from '../format';
import { useWidth } from '../hooks/useSize';
import { niceTicks } from './SiteBars';

const BIN_CHOICES = [60, 300, 900] as const;

/** Twitch counts per 1, 5 or 15 minutes, one small bar chart per site so no colour key is needed. */
export function TwitchesOverTime({ analysis, durationS }: { analysis: Analysis; durationS: number }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [binS, setBinS] = useState<number>(durationS > 3 * 3600 ? 900 : durationS > 1800 ? 300 : 60);
  const groupLabel = useMemo(() => new Map(analysis.channels.map((c) => [c.id, c.site ?? `${c.label} (no site)`])), [analysis.channels]);
  const binned = useMemo(() => binEvents(analysis.events, durationS, binS, (e) => groupLabel.get(e.channel) ?? null), [analysis.events, durationS, binS, groupLabel]);
  const groups = [...binned.counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const n = binned.starts.length;
  const W = Math.max(320, width);
  const left = 120;
  const rowH = 56;
  const H = groups.length * rowH + 22;
  const max = Math.max(1, ...groups.map(([, c]) => Math.max(...c)));
  const top = niceTicks(max, 2).at(-1)!;
  const bw = (W - left - 10) / n;
  const labelEvery = Math.ceil(n / 8);

  return (
    <>
      <div className="bins-select" role="radiogroup" aria-label="Bin length">
        {BIN_CHOICES.map((b) => (
          <button key={b} role="radio" aria-checked={binS === b} tabIndex={binS === b ? 0 : -1} onClick={() => setBinS(b)}>
            {b / 60} min
          </button>
        ))}
      </div>
      <div className="chart-box" ref={box}>
      {groups.length === 0 ? (
        <p className="empty">No twitches to chart.</p>
      ) : (
        <svg className="chart-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Twitches per ${binS / 60}-minute bin by site`} data-testid="over-time-chart">
          {groups.map(([name, counts], g) => {
            const y0 = g * rowH;
            const base = y0 + rowH - 8;
            return (
              <g key={name}>
                <text x={left - 8} y={y0 + rowH / 2 - 8} textAnchor="end" dominantBaseline="middle">
                  {capitalise(name)}
                </text>
                <text x={left - 8} y={y0 + rowH / 2 + 9} textAnchor="end" dominantBaseline="middle" className="bar-label">
                  scale 0–{top}
                </text>
                <line className="axis" x1={left} x2={W - 10} y1={base} y2={base} />
                {Array.from(counts, (c, i) =>
                  c > 0 ? (
                    <rect key={i} className="bar" x={left + i * bw + 0.5} y={base - (c / top) * (rowH - 14)} width={Math.max(1, bw - 1)} height={(c / top) * (rowH - 14)}>
                      <title>{`${formatClock(binned.starts[i])}: ${c} twitch${c === 1 ? '' : 'es'}`}</title>
                    </rect>
                  ) : null,
                )}
              </g>
            );
          })}
          {Array.from(binned.starts, (s, i) =>
            i % labelEvery === 0 ? (
              <text key={i} x={left + i * bw} y={H - 6} className="bar-label">
                {formatClock(s)}
              </text>
            ) : null,
          )}
        </svg>
      )}
      </div>
    </>
  );
}
