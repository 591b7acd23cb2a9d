import { dirname, join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { DialogDeps } from '../ipc/handlers';
import { EVENTS_FILTERS, OPEN_FILTERS, saveFilters } from './dialog-filters';

export interface NativeDialogContext {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The app window a request came from; dialogs attach to it as sheets on macOS. */
  windowOf(windowId: number): BrowserWindow | undefined;
  /** Where dialogs start: the last folder used, else the user's documents. */
  startFolder(): string;
  rememberFolder(folder: string): void;
}

/** The open and save dialogs the IPC handlers ask for, as the operating system shows them. */
export function nativeDialogs(context: NativeDialogContext): DialogDeps {
  const { dialog } = context;
  return {
    chooseRecording: async (windowId, purpose = 'recording') => {
      const win = context.windowOf(windowId);
      const filters = purpose === 'events' ? EVENTS_FILTERS : OPEN_FILTERS;
      const options = { properties: ['openFile' as const], filters, defaultPath: context.startFolder() };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    chooseSavePath: async (windowId, suggestedName, mimeType) => {
      const win = context.windowOf(windowId);
      const options = { defaultPath: join(context.startFolder(), suggestedName), filters: saveFilters(mimeType) };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      context.rememberFolder(dirname(result.filePath));
      return result.filePath;
    },
  };
}
