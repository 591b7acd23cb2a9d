import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';

/** A message box on `win` when there is one (so it stays with the window), on its own otherwise. */
export function showMessage(win: BrowserWindow | undefined, box: MessageBoxOptions): void {
  void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
}
