import type { MessageBoxOptions } from 'electron';
import type { SidecarLocation } from './sidecar';

/**
 * What the user is told after saved work was written: that earlier work was kept aside (each time it happens),
 * and that the work is kept in the app's own folder because the recording's folder is read-only (once per
 * recording and run: autosave writes often, and the place does not change).
 */
export function sidecarNotices(show: (windowId: number, box: MessageBoxOptions) => void, log: (line: string) => void) {
  const told = new Set<string>();
  return (windowId: number, location: SidecarLocation): void => {
    if (location.keptAside) {
      show(windowId, {
        type: 'info',
        message: 'Earlier saved work on this recording was kept.',
        detail: `${location.keptAside.reason} It was moved, unchanged, to:\n${location.keptAside.path}\nYour work from now on is saved in its place.`,
      });
    }
    if (location.where !== 'user-data' || told.has(location.path)) return;
    told.add(location.path);
    log(`Saved work to ${location.path}: the recording's folder cannot be written.`);
    show(windowId, {
      type: 'info',
      message: 'Your work on this recording is kept in TwitchScope’s own folder.',
      detail: `The recording’s folder cannot be written to, so your work is saved here instead:\n${location.path}`,
    });
  };
}
