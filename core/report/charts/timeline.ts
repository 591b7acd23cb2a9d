/**
 * Events over the whole recording: one raster row per analysed channel (event ticks, hatched sustained
 * activity, gridded muscle use, dotted excluded spans), and below it the count of events per time bin.
 * Heartbeats the filter set aside are not drawn: a hundred short spans would read as events.
 */
import type { Analysis } from '../../analysis/types';
import { formatClock, formatDuration } from '../../format';
import { tickStep, ticks, timeTickStep } from './scale';
import { axisLines, CHART_W, NAMES_W, plotBox } from './frame';
import { line, patterns, rect, svg, text } from './svg';

/** The chart's vertical stack, top to bottom (a raster row per channel, time axis, gap, histogram, time axis, legend), and its right margin. */
const LAYOUT = { rowH: 15, axisH: 14, gap: 14, histH: 64, legendH: 16, right: 20 } as const;
const BIN_STEPS_S = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
const MAX_BINS = 60;

export function binWidthS(durationS: number): number {
  for (const s of BIN_STEPS_S) if (durationS / s <= MAX_BINS) return s;
  // Longer than 60 h (a recording of days, or a clock that jumped): whole hours, still at most MAX_BINS bins.
  const hour = BIN_STEPS_S[BIN_STEPS_S.length - 1];
  return Math.ceil(durationS / MAX_BINS / hour) * hour;
}

/** Twitch counts per bin of `binS` seconds over [0, durationS). */
export function twitchHistogram(analysis: Analysis, durationS: number, binS: number): Uint32Array {
  const bins = new Uint32Array(Math.max(1, Math.ceil(durationS / binS)));
  for (const e of analysis.events) {
    if (e.type !== 'twitch' || e.review === 'rejected') continue;
    const i = Math.min(bins.length - 1, Math.max(0, Math.floor(e.peakS / binS)));
    bins[i]++;
  }
  return bins;
}

/** `noun`: what the events are called ("twitch-like events", "brief movements"). */
export function timelineChart(analysis: Analysis, durationS: number, noun: string): string {
  const span = Math.max(durationS, 1);
  const rows = analysis.channels;
  const raster = plotBox(NAMES_W, LAYOUT.right, 0, rows.length * LAYOUT.rowH);
  const rasterH = raster.height;
  const plotW = raster.width;
  const x = (t: number) => NAMES_W + (Math.min(Math.max(t, 0), span) / span) * plotW;
  const histTop = rasterH + LAYOUT.axisH + LAYOUT.gap;
  const histBox = plotBox(NAMES_W, LAYOUT.right, histTop, LAYOUT.histH);
  const height = histTop + LAYOUT.histH + LAYOUT.axisH + LAYOUT.legendH + 6;
  const p: string[] = [patterns('tl')];

  const tStep = timeTickStep(span, 10);
  const timeTicks = ticks(0, span, tStep);
  for (const t of timeTicks) {
    p.push(line(x(t), 0, x(t), rasterH, 'stroke="#ddd" stroke-width="0.6"'));
    p.push(text(x(t), rasterH + 10, formatClock(t), 'text-anchor="middle"'));
  }

  rows.forEach((ch, i) => {
    const y = i * LAYOUT.rowH;
    p.push(text(NAMES_W - 6, y + LAYOUT.rowH / 2 + 3, ch.site ? `${ch.site} (${ch.kind === 'emg' ? 'EMG' : 'acc'})` : ch.label, 'text-anchor="end"'));
    p.push(line(NAMES_W, y + LAYOUT.rowH - 0.5, NAMES_W + plotW, y + LAYOUT.rowH - 0.5, 'stroke="#eee" stroke-width="0.5"'));
    const mine = analysis.events.filter((e) => e.channel === ch.id && e.review !== 'rejected');
    for (const e of mine) {
      if ((e.type === 'artifact' && e.reason !== 'ecg') || e.type === 'movement') {
        p.push(rect(x(e.startS), y + 3, Math.max(1, x(e.endS) - x(e.startS)), LAYOUT.rowH - 6, 'fill="url(#tl-dots)" stroke="#888" stroke-width="0.3"'));
      }
    }
    for (const e of mine) {
      if (e.type === 'activity') {
        p.push(rect(x(e.startS), y + 3, Math.max(1.5, x(e.endS) - x(e.startS)), LAYOUT.rowH - 6, 'fill="url(#tl-cross)" stroke="#444" stroke-width="0.5"'));
      }
      if (e.type === 'sustained') {
        p.push(rect(x(e.startS), y + 2, Math.max(1.5, x(e.endS) - x(e.startS)), LAYOUT.rowH - 4, 'fill="url(#tl-hatch)" stroke="#000" stroke-width="0.6"'));
      }
    }
    // One tick per occupied pixel column: a busy hour would otherwise be thousands of identical lines.
    const cols = new Uint8Array(Math.ceil(plotW) + 1);
    for (const e of mine) if (e.type === 'twitch') cols[Math.round(x(e.peakS) - NAMES_W)] = 1;
    const d: string[] = [];
    for (let c = 0; c < cols.length; c++) if (cols[c]) d.push(`M${NAMES_W + c} ${y + 3}v${LAYOUT.rowH - 6}`);
    if (d.length) p.push(`<path d="${d.join('')}" stroke="#000" stroke-width="1"/>`);
  });
  p.push(axisLines(raster));

  const binS = binWidthS(span);
  const hist = twitchHistogram(analysis, span, binS);
  const maxCount = Math.max(1, ...hist);
  const yStep = Math.max(1, tickStep(maxCount, 4));
  const yTop = Math.ceil(maxCount / yStep) * yStep;
  const hy = (v: number) => histTop + LAYOUT.histH - (v / yTop) * LAYOUT.histH;
  for (const v of ticks(0, yTop, yStep)) {
    p.push(line(NAMES_W, hy(v), NAMES_W + plotW, hy(v), 'stroke="#ddd" stroke-width="0.6"'));
    // Zero is left unlabelled: it would collide with the first time label.
    if (v > 0) p.push(text(NAMES_W - 4, hy(v) + 3, String(v), 'text-anchor="end"'));
  }
  for (let i = 0; i < hist.length; i++) {
    if (hist[i] === 0) continue;
    const x0 = x(i * binS);
    const x1 = x(Math.min(span, (i + 1) * binS));
    p.push(rect(x0 + 0.5, hy(hist[i]), x1 - x0 - 1, histTop + LAYOUT.histH - hy(hist[i]), 'fill="#999" stroke="#000" stroke-width="0.5"'));
  }
  p.push(text(8, histTop + LAYOUT.histH / 2 - 4, `${noun} per`, ''));
  p.push(text(8, histTop + LAYOUT.histH / 2 + 7, formatDuration(binS), ''));
  p.push(axisLines(histBox));
  for (const t of timeTicks) p.push(text(x(t), histTop + LAYOUT.histH + 10, formatClock(t), 'text-anchor="middle"'));

  const ly = height - 6;
  p.push(line(NAMES_W, ly - 8, NAMES_W, ly, 'stroke="#000" stroke-width="1"'));
  const legend: Array<[string, string]> = [
    ['tick', noun.replace(/s$/, '')],
    ['fill="url(#tl-hatch)" stroke="#000" stroke-width="0.6"', 'sustained'],
    ['fill="url(#tl-cross)" stroke="#444" stroke-width="0.5"', 'muscle use'],
    ['fill="url(#tl-dots)" stroke="#888" stroke-width="0.3"', 'artifact or movement (left out)'],
  ];
  let lx = NAMES_W;
  for (const [style, label] of legend) {
    if (style === 'tick') p.push(line(lx, ly - 8, lx, ly, 'stroke="#000" stroke-width="1"'));
    else p.push(rect(lx, ly - 8, 18, 8, style));
    const tx = lx + (style === 'tick' ? 5 : 23);
    p.push(text(tx, ly, label));
    lx = tx + label.length * 4.6 + 12;
  }
  p.push(text(NAMES_W + plotW, ly, 'time from start (m:ss)', 'text-anchor="end" fill="#444"'));
  return svg(CHART_W, height, p.join(''), 'Timeline of events and twitches over time');
}
