/** One waveform snippet as SVG: min/max per pixel column so no spike is lost, with time and amplitude scale bars. */
import { formatNumber } from '../../format';
import type { Snippet } from '../snippets';
import { extremes } from '../../stats/extremes';
import type { PlotBox } from './frame';
import { niceBelow } from './scale';
import { line, rect, svg, text } from './svg';

const W = 224;
const H = 112;
/** The trace's box: room on the right for the amplitude bar, below for the time bar. */
const BOX: PlotBox = { left: 4, top: 6, width: 176, height: 88 };

export function snippetChart(s: Snippet): string {
  const n = s.values.length;
  const { min, max } = extremes(s.values);
  if (!Number.isFinite(min)) return svg(W, H, text(W / 2, H / 2, 'no signal here', 'text-anchor="middle"'), 'No signal');
  const span = Math.max(max - min, 1e-9);
  const lo = min - span * 0.06;
  const hi = max + span * 0.06;
  const durationS = n / s.sampleRateHz;
  const x = (i: number) => BOX.left + (i / Math.max(1, n - 1)) * BOX.width;
  const y = (v: number) => BOX.top + ((hi - v) / (hi - lo)) * BOX.height;
  const p: string[] = [];

  const e = s.event;
  const ex0 = BOX.left + ((e.startS - s.startS) / durationS) * BOX.width;
  const ex1 = BOX.left + ((Math.min(e.endS, s.startS + durationS) - s.startS) / durationS) * BOX.width;
  p.push(rect(Math.max(BOX.left, ex0), BOX.top, Math.max(1.5, Math.min(BOX.left + BOX.width, ex1) - Math.max(BOX.left, ex0)), BOX.height, 'fill="#e6e6e6"'));
  p.push(line(BOX.left, y(0), BOX.left + BOX.width, y(0), 'stroke="#bbb" stroke-width="0.5" stroke-dasharray="2 2"'));
  p.push(`<path d="${tracePath(s.values, x, y)}" fill="none" stroke="#000" stroke-width="0.8" stroke-linejoin="round"/>`);

  const tBar = niceBelow(durationS / 4);
  const tBarPx = (tBar / durationS) * BOX.width;
  const aBar = niceBelow((hi - lo) / 3);
  const aBarPx = (aBar / (hi - lo)) * BOX.height;
  const bx = BOX.left + BOX.width + 8;
  const by = BOX.top + BOX.height;
  p.push(line(bx, by, bx, by - aBarPx, 'stroke="#000" stroke-width="1.6"'));
  p.push(text(bx + 4, by - aBarPx / 2 + 3, `${formatNumber(aBar)} ${s.unit}`));
  p.push(line(BOX.left + BOX.width - tBarPx, by + 6, BOX.left + BOX.width, by + 6, 'stroke="#000" stroke-width="1.6"'));
  p.push(text(BOX.left + BOX.width - tBarPx / 2, by + 16, timeLabel(tBar), 'text-anchor="middle"'));
  return svg(W, H, p.join(''), `${s.kind} waveform`);
}

function timeLabel(s: number): string {
  return s < 1 ? `${formatNumber(s * 1000)} ms` : `${formatNumber(s)} s`;
}

// Min/max per half-pixel column in time order (as uPlot's linear path decimation does): spikes survive any density.
function tracePath(v: Float32Array, x: (i: number) => number, y: (v: number) => number): string {
  const n = v.length;
  const cols = Math.ceil(BOX.width * 2);
  const out: string[] = [];
  let pen = false;
  const move = (i: number, value: number) => {
    out.push(`${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(value).toFixed(1)}`);
    pen = true;
  };
  if (n <= cols * 2) {
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(v[i])) pen = false;
      else move(i, v[i]);
    }
    return out.join('');
  }
  for (let c = 0; c < cols; c++) {
    const from = Math.floor((c * n) / cols);
    const to = Math.floor(((c + 1) * n) / cols);
    let lo = Infinity;
    let hi = -Infinity;
    let loAt = from;
    let hiAt = from;
    for (let i = from; i < to; i++) {
      const s = v[i];
      if (s < lo) {
        lo = s;
        loAt = i;
      }
      if (s > hi) {
        hi = s;
        hiAt = i;
      }
    }
    if (!Number.isFinite(lo)) {
      pen = false;
      continue;
    }
    if (loAt < hiAt) {
      move(loAt, lo);
      move(hiAt, hi);
    } else {
      move(hiAt, hi);
      move(loAt, lo);
    }
  }
  return out.join('');
}
