import { RECORDING_EXTENSIONS } from '../../core/import/extensions';

/**
 * Drops on the window are handled here, in the preload's isolated world, not by the page. Main cannot tell a
 * real drop from a page that made a path up, so the page is given no way to name one: this listener takes
 * the file from a drop the user made (`isTrusted`; a page's synthetic DragEvent is not) and asks webUtils for
 * its path, which it knows only for real files. The opened file reaches the page like one opened from the
 * command line.
 */

/** The parts of a DOM drop event read here (the DOM's own DragEvent in the app, a stand-in in tests). */
export interface DropEventLike {
  readonly isTrusted: boolean;
  readonly dataTransfer: { readonly files: ArrayLike<File> } | null;
  preventDefault(): void;
}

export interface DropTargetLike {
  addEventListener(type: 'drop', listener: (event: DropEventLike) => void, options: { capture: boolean }): void;
}

/** Calls `onFile` with the first file of each drop the user made; capture phase, so it runs before the page's. */
export function listenForDrops(target: DropTargetLike, onFile: (file: File) => void): void {
  target.addEventListener(
    'drop',
    (event) => {
      if (!event.isTrusted) return;
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      onFile(file);
    },
    { capture: true },
  );
}

/** Whether main would take a drop of this path, by its extension; said here so main's answer can stay uniform. */
export function isDroppable(path: string): boolean {
  const ext = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase();
  return ext !== undefined && RECORDING_EXTENSIONS.includes(ext);
}

export const NOT_DROPPABLE_MESSAGE = `Dropped files must be ${RECORDING_EXTENSIONS.join(', ')}; use Open… for other files.`;
