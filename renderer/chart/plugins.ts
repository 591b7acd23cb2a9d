import type uPlot from 'uplot';
import type { DetectedEvent } from '../../core/analysis/types';
import { eventNear } from './draw-events';

/** The chart's gestures as uPlot plugins: each reads the latest props through `get`, so the chart is not rebuilt. */

export function wheelPlugin(get: () => { onPan(fraction: number): void; onWheelZoom(factor: number, anchorS: number): void }): uPlot.Plugin {
  return {
    hooks: {
      ready: (u) => {
        u.over.addEventListener(
          'wheel',
          (ev) => {
            ev.preventDefault();
            const sideways = Math.abs(ev.deltaX) > Math.abs(ev.deltaY);
            if (ev.shiftKey || sideways) {
              const d = sideways ? ev.deltaX : ev.deltaY;
              get().onPan(Math.max(-0.5, Math.min(0.5, d * 0.002)));
              return;
            }
            get().onWheelZoom(Math.exp(Math.max(-300, Math.min(300, ev.deltaY)) * 0.002), u.posToVal(ev.offsetX, 'x'));
          },
          { passive: false },
        );
      },
    },
  };
}

/** A click (not a drag) picks the nearest event mark, or in add mode the time to add a twitch at. */
export function pickPlugin(
  get: () => { addMode: boolean; measuring: boolean; events: readonly DetectedEvent[]; onPickTime(t: number): void; onPickEvent(e: DetectedEvent): void; onMeasure(t: number, v: number): void },
): uPlot.Plugin {
  return {
    hooks: {
      ready: (u) => {
        let downX = 0;
        // On the root in the capture phase: it sees the press even when a span-edge grab stops it there.
        u.root.addEventListener('mousedown', (ev) => (downX = ev.clientX), true);
        u.over.addEventListener('click', (ev) => {
          if (Math.abs(ev.clientX - downX) > 3) return;
          const p = get();
          if (p.measuring) p.onMeasure(u.posToVal(ev.offsetX, 'x'), u.posToVal(ev.offsetY, 'y'));
          else if (p.addMode) p.onPickTime(u.posToVal(ev.offsetX, 'x'));
          else {
            const hit = eventNear(u, p.events, ev.offsetX);
            if (hit) p.onPickEvent(hit);
          }
        });
      },
    },
  };
}

export interface EdgeDrag {
  event: DetectedEvent;
  startS: number;
  endS: number;
}

/** Pixels from a span's edge within which the pointer grabs it. */
const GRAB_PX = 6;

function edgeAt(u: uPlot, events: readonly DetectedEvent[], x: number): { event: DetectedEvent; edge: 'start' | 'end' } | null {
  let best: { event: DetectedEvent; edge: 'start' | 'end' } | null = null;
  let bestD = GRAB_PX;
  for (const e of events) {
    if (e.type === 'twitch' || e.review === 'rejected') continue;
    // Spans narrower than a few grab zones on screen (heartbeats at a wide zoom) are for clicking, not dragging.
    if (u.valToPos(e.endS, 'x') - u.valToPos(e.startS, 'x') < 4 * GRAB_PX) continue;
    for (const edge of ['start', 'end'] as const) {
      const d = Math.abs(u.valToPos(edge === 'start' ? e.startS : e.endS, 'x') - x);
      if (d < bestD) {
        bestD = d;
        best = { event: e, edge };
      }
    }
  }
  return best;
}

/**
 * Span edges can be dragged: the pointer shows a resize cursor near an edge, the span follows while dragging
 * (`onPreview`, drawn by the chart), and the new edges are committed once on release (`onCommit`, undoable).
 * Listens on the chart's root in the capture phase, so a grab does not also start uPlot's drag-to-zoom.
 */
export function spanEdgePlugin(get: () => { events: readonly DetectedEvent[]; busy: boolean; onPreview(d: EdgeDrag | null): void; onCommit(d: EdgeDrag): void }): uPlot.Plugin {
  return {
    hooks: {
      ready: (u) => {
        const xOf = (ev: MouseEvent) => ev.clientX - u.over.getBoundingClientRect().left;
        u.over.addEventListener('mousemove', (ev) => {
          if (ev.buttons !== 0) return;
          const hit = get().busy ? null : edgeAt(u, get().events, xOf(ev));
          u.over.style.cursor = hit ? 'ew-resize' : '';
          u.over.dataset.edge = hit ? hit.edge : '';
        });
        u.root.addEventListener(
          'mousedown',
          (ev) => {
            if (ev.button !== 0 || ev.target !== u.over || get().busy) return;
            const hit = edgeAt(u, get().events, xOf(ev));
            if (!hit) return;
            ev.stopPropagation();
            const { event, edge } = hit;
            let drag: EdgeDrag = { event, startS: event.startS, endS: event.endS };
            const move = (m: MouseEvent) => {
              const t = u.posToVal(xOf(m), 'x');
              drag = edge === 'start' ? { event, startS: Math.min(t, event.peakS), endS: event.endS } : { event, startS: event.startS, endS: Math.max(t, event.peakS) };
              get().onPreview(drag);
            };
            const up = () => {
              document.removeEventListener('mousemove', move);
              document.removeEventListener('mouseup', up);
              get().onPreview(null);
              if (drag.startS !== event.startS || drag.endS !== event.endS) get().onCommit(drag);
            };
            document.addEventListener('mousemove', move);
            document.addEventListener('mouseup', up);
          },
          true,
        );
      },
    },
  };
}
