import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import 'uplot/dist/uPlot.min.css';
import '../../renderer/styles/app.css';
import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import { displaySignal } from '../../core/view/display-signal';
import { buildPyramid, type Pyramid } from '../../core/view/pyramid';
import { centreOn, type View } from '../../core/view/viewport';
import { TraceChart } from '../../renderer/chart/TraceChart';
import { readPalette } from '../../renderer/chart/event-style';

/**
 * Redraw cost of the timeline on a 1-hour, 8-channel, 2 kHz recording: the real TraceChart component,
 * one synchronous React update per redraw (query the pyramid, setData, draw traces and event marks).
 */
const RATE = 2000;
const DURATION_S = 3600;
const CHANNELS = 8;
const TWITCHES_PER_MIN = 10;

function synthetic(seed: number): { data: Float32Array; events: DetectedEvent[]; id: string } {
  const n = RATE * DURATION_S;
  const data = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    // xorshift32 noise: fast enough to fill 57 M samples in a couple of seconds.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    data[i] = ((s >>> 0) / 4294967296 - 0.5) * 20;
  }
  const id = `emg${seed}`;
  const events: DetectedEvent[] = [];
  const count = (TWITCHES_PER_MIN * DURATION_S) / 60;
  for (let k = 0; k < count; k++) {
    const peak = ((k + 0.5) / count) * DURATION_S;
    const c = Math.round(peak * RATE);
    for (let j = -8; j <= 8; j++) data[c + j] += 150 * Math.exp(-(j * j) / 10) * (j < 0 ? -1 : 1);
    events.push({ channel: id, type: 'twitch', startS: peak - 0.004, endS: peak + 0.004, peakS: peak, amplitude: 150, snr: 20 });
  }
  return { data, events, id };
}

const t0 = performance.now();
const sets = Array.from({ length: CHANNELS }, (_, i) => synthetic(i + 1));
const genMs = performance.now() - t0;
const tf = performance.now();
const shown = sets.map((x) => displaySignal({ id: x.id, label: x.id, kind: 'emg', unit: 'uV', sampleRateHz: RATE, startS: 0, data: x.data }).data);
const filterMs = performance.now() - tf;
const t1 = performance.now();
const pyramids: Pyramid[] = shown.map((d) => buildPyramid(d, RATE, 0));
const pyramidMs = performance.now() - t1;
const channels: AnalysedChannel[] = sets.map((x, i) => ({ id: x.id, label: `channel ${i + 1} EMG`, kind: 'emg', unit: 'uV', sampleRateHz: RATE, site: 'calf' }));

const axesOf = pyramids.map((p) => [p]);
let setViewExternal: (v: View) => void = () => undefined;

function Bench() {
  const [view, setView] = useState<View>({ t0: 0, t1: DURATION_S });
  setViewExternal = setView;
  const [palette] = useState(readPalette);
  return (
    <div>
      {channels.map((c, i) => (
        <TraceChart
          key={c.id}
          channel={c}
          pyramids={axesOf[i]}
          view={view}
          events={sets[i].events}
          annotations={[]}
          selected={null}
          addMode={false}
          palette={palette}
          height={110}
          gain={50}
          cursors={[]}
          measuring={false}
          onMeasure={() => undefined}
          onAdjust={() => undefined}
          onRange={() => undefined}
          onWheelZoom={() => undefined}
          onPickTime={() => undefined}
          onPickEvent={() => undefined}
          onPan={() => undefined}
        />
      ))}
    </div>
  );
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

async function run() {
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<Bench />));
  await new Promise((r) => setTimeout(r, 200));
  const spans = [3600, 600, 60, 10, 1];
  const perSpan: Record<string, { minMs: number; medianMs: number; p95Ms: number; maxMs: number }> = {};
  const all: number[] = [];
  for (const span of spans) {
    const times: number[] = [];
    for (let k = 0; k < 40; k++) {
      const centre = span / 2 + ((k * 997) % 1000) / 1000 * (DURATION_S - span);
      const v = centreOn(centre, span, DURATION_S);
      const a = performance.now();
      flushSync(() => setViewExternal(v));
      times.push(performance.now() - a);
    }
    const warm = times.slice(3);
    perSpan[`${span}s`] = { minMs: Math.min(...warm), medianMs: percentile(warm, 0.5), p95Ms: percentile(warm, 0.95), maxMs: Math.max(...warm) };
    all.push(...warm);
  }
  const plotWidth = Math.round(document.querySelector('.u-over')?.getBoundingClientRect().width ?? 0);
  (window as unknown as { __bench: unknown }).__bench = {
    recording: { channels: CHANNELS, rateHz: RATE, durationS: DURATION_S, samples: CHANNELS * RATE * DURATION_S },
    generateMs: genMs,
    displayFilterMs: filterMs,
    pyramidBuildMs: pyramidMs,
    plotWidthPx: plotWidth,
    redraw: { minMs: Math.min(...all), medianMs: percentile(all, 0.5), p95Ms: percentile(all, 0.95), maxMs: Math.max(...all), perSpan },
  };
}

void run();
