import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';
import type { WindowState } from '../settings/schema';

/**
 * Window options in one place, so the security settings are asserted by tests rather than trusted to review.
 * Both windows follow the Electron security checklist: isolated, sandboxed, no Node, web security on.
 */

const SECURE_WEB_PREFERENCES: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
};

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function appWindowOptions(preloadPath: string, bounds: Bounds, backgroundColor: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'TwitchScope',
    backgroundColor,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  };
}

/** The hidden window that prints a report: no preload, no scripts, its own in-memory session. */
export const PRINT_PARTITION = 'twitchscope-print';

export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, partition: PRINT_PARTITION, images: true },
  };
}

/**
 * Where to put the window: the remembered bounds if enough of them is on a screen that is still attached
 * (monitors get unplugged), otherwise the default size centred by Electron.
 */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): Bounds {
  if (saved === null) return { ...DEFAULT_SIZE };
  const largest = workAreas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a), workAreas[0]);
  const width = Math.max(MIN_SIZE.width, largest ? Math.min(saved.width, largest.width) : saved.width);
  const height = Math.max(MIN_SIZE.height, largest ? Math.min(saved.height, largest.height) : saved.height);
  if (saved.x === null || saved.y === null) return { width, height };
  const rect = { x: saved.x, y: saved.y, width, height };
  // The title bar must be reachable: ask for a strip of the top edge to lie on some screen.
  const grabbable = workAreas.some((area) => overlap(area, { x: rect.x, y: rect.y, width: rect.width, height: 40 }) >= 100 * 40);
  return grabbable ? rect : { width, height };
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
