import { useMemo } from 'react';
import type { ChannelPreview } from '../../core/import/preview';
import { formatReading } from '../../core/format';
import { extremes } from '../../core/stats/extremes';

const W = 200;
const H = 36;
const OVERVIEW_H = 14;

/** One path through finite points scaled to the box; gaps (NaN) break the line. */
function pathOf(values: Float32Array, lo: number, hi: number, width: number, height: number): string {
  const span = hi > lo ? hi - lo : 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let d = '';
  let pen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      pen = false;
      continue;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 1 - ((v - lo) / span) * (height - 2)).toFixed(1);
    d += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  }
  return d;
}

/** Bars from each bucket's min to its max: the whole recording at a glance, gaps left empty. */
function envelopeOf(p: ChannelPreview, width: number, height: number): string {
  const lo = p.min;
  const span = p.max > p.min ? p.max - p.min : 1;
  const n = p.overviewMin.length;
  const w = width / Math.max(1, n);
  let d = '';
  for (let b = 0; b < n; b++) {
    const a = p.overviewMin[b];
    const z = p.overviewMax[b];
    if (a !== a) continue;
    const y0 = height - ((z - lo) / span) * (height - 1) - 0.5;
    const y1 = height - ((a - lo) / span) * (height - 1) + 0.5;
    d += `M${(b * w).toFixed(1)} ${y0.toFixed(1)}V${y1.toFixed(1)}`;
  }
  return d;
}

/** Lowest and highest finite value, for a trace drawn on its own scale. */
function rangeOf(values: Float32Array): [number, number] {
  const { min, max } = extremes(values);
  return min <= max ? [min, max] : [0, 1];
}

interface Props {
  label: string;
  unit: string;
  preview: ChannelPreview | undefined;
}

/** The column's first seconds (as recorded) above an overview of the whole recording, both on the column's own scale. */
export function ColumnPreview({ label, unit, preview }: Props) {
  const paths = useMemo(() => {
    if (!preview || !Number.isFinite(preview.min)) return null;
    // The first seconds on their own scale (a rest stretch would be a flat line on the whole recording's), the overview on the whole range.
    const [lo, hi] = rangeOf(preview.first);
    return { first: pathOf(preview.first, lo, hi, W, H), overview: envelopeOf(preview, W, OVERVIEW_H) };
  }, [preview]);
  if (!preview || !paths) return <span className="muted">no values</span>;
  const description = `${label}: first ${preview.firstS.toFixed(1)} s, and the whole recording below; range ${formatReading(preview.min, unit)} to ${formatReading(preview.max, unit)}`;
  return (
    <svg className="column-preview" width={W} height={H + OVERVIEW_H + 4} viewBox={`0 0 ${W} ${H + OVERVIEW_H + 4}`} role="img" aria-label={description}>
      <title>{description}</title>
      <rect x="0" y="0" width={W} height={H} className="column-preview-bg" />
      <path d={paths.first} className="column-preview-line" />
      <g transform={`translate(0 ${H + 4})`}>
        <rect x="0" y="0" width={W} height={OVERVIEW_H} className="column-preview-bg" />
        <path d={paths.overview} className="column-preview-envelope" />
      </g>
    </svg>
  );
}
