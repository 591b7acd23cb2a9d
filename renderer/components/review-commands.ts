import type { DetectedEvent } from '../../core/analysis/types';
import { formatClock } from '../../core/format';
import { isReviewable, isReviewed } from '../../core/review/progress';
import { clampView, fullView, panBy, type View } from '../../core/view/viewport';
import type { CommandId } from '../../core/platform/commands';

/** What the review screen lends the command table's actions. */
export interface ReviewCommandContext {
  undo(): void;
  redo(): void;
  announce(text: string): void;
  step(dir: 1 | -1, accept: (e: DetectedEvent) => boolean, what: string): void;
  review(action: 'confirm' | 'reject'): void;
  toggleAdd(): void;
  /** False when not in add mode: Enter then belongs to whatever has focus. */
  addAtCentre(): boolean;
  zoom(factor: number): void;
  setView(v: View | ((v: View) => View)): void;
  view: View;
  durationS: number;
  pageS: number;
  /** Steps the shared EMG gain and returns the new µV per division. */
  stepGain(dir: 1 | -1): number;
  toggleMeasure(): void;
  escape(): void;
}

const twitch = (e: DetectedEvent) => e.type === 'twitch';
const anyEvent = () => true;
const unreviewed = (e: DetectedEvent) => isReviewable(e) && !isReviewed(e);

/** Runs one review command; false when it did not apply, so its key keeps its usual meaning. */
export function runReviewCommand(c: CommandId, x: ReviewCommandContext): boolean {
  switch (c) {
    case 'undo':
    case 'redo':
      if (c === 'undo') x.undo();
      else x.redo();
      x.announce(c === 'undo' ? 'Undone.' : 'Redone.');
      return true;
    case 'next-twitch': x.step(1, twitch, 'twitch'); return true;
    case 'prev-twitch': x.step(-1, twitch, 'twitch'); return true;
    case 'next-event': x.step(1, anyEvent, 'event'); return true;
    case 'prev-event': x.step(-1, anyEvent, 'event'); return true;
    case 'next-unreviewed': x.step(1, unreviewed, 'event to review'); return true;
    case 'confirm': x.review('confirm'); return true;
    case 'reject': x.review('reject'); return true;
    case 'add-mode': x.toggleAdd(); return true;
    case 'add-at-centre': return x.addAtCentre();
    case 'zoom-in': x.zoom(0.5); return true;
    case 'zoom-out': x.zoom(2); return true;
    case 'zoom-fit': x.setView(fullView(x.durationS)); return true;
    case 'pan-earlier': x.setView((v) => panBy(v, -0.25, x.durationS)); return true;
    case 'pan-later': x.setView((v) => panBy(v, 0.25, x.durationS)); return true;
    case 'page-earlier':
    case 'page-later': {
      const d = c === 'page-later' ? x.pageS : -x.pageS;
      const v = clampView({ t0: x.view.t0 + d, t1: x.view.t0 + d + x.pageS }, x.durationS);
      x.setView(v);
      x.announce(`${formatClock(v.t0, 1)} to ${formatClock(v.t1, 1)}`);
      return true;
    }
    case 'gain-up':
    case 'gain-down':
      x.announce(`EMG scale ${x.stepGain(c === 'gain-up' ? 1 : -1)} µV per division`);
      return true;
    case 'measure': x.toggleMeasure(); return true;
    case 'escape': x.escape(); return true;
    default:
      return false;
  }
}
