/**
 * The one contract between the renderer and its host. `electron/preload/api.ts` implements it over IPC;
 * `renderer/platform/browser.ts` implements it with a file input, downloads and IndexedDB. It lives in core,
 * below both, so neither imports the other. Plain data and functions only: class instances do not cross
 * Electron's contextBridge.
 */

export interface OpenedFile {
  /** File name without directories. */
  name: string;
  size: number;
  /** Stable key for recent files and the sidecar: the full path in Electron, name+size+mtime in the browser. */
  key: string;
  /** Reads a byte range, so large recordings are never loaded whole. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** What the user should know as the file opens, e.g. that the browser keeps no copy of a file this large. */
  notice?: string;
}

/** A file dropped on the page: the DOM's `File`, named by what the hosts read of it (core has no DOM types). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
}

export interface RecentFile {
  key: string;
  name: string;
  openedAt: string;
}

export type MenuCommand =
  | 'open'
  | 'open-sample'
  | 'export-pdf'
  | 'export-csv'
  | 'export-json'
  | 'export-edf'
  | 'import-events'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'toggle-theme'
  | 'show-guidance'
  | 'show-library'
  | 'show-about';

export interface PlatformApi {
  readonly kind: 'electron' | 'browser';
  /** Shows an open dialog; null when the user cancels. */
  openFileDialog(): Promise<OpenedFile | null>;
  /**
   * Shows an open dialog for an events file (events CSV, EDF+ export) to restore a review from; null when
   * cancelled. Unlike a recording, it is not added to the recent files. Absent: the recording dialog is used.
   */
  openEventsFile?(): Promise<OpenedFile | null>;
  /**
   * A file dropped on the window. Absent on the desktop, where the preload takes drops itself (so the page
   * never names a path) and hands the opened file to `onOpenFile`.
   */
  openDropped?(file: DroppedFile): Promise<OpenedFile>;
  /** Re-opens a recent file by key; null when it is gone. */
  openRecent(key: string): Promise<OpenedFile | null>;
  recentFiles(): Promise<RecentFile[]>;
  /** Saves bytes or text under a name the user confirms; false when cancelled. */
  saveFile(suggestedName: string, data: Uint8Array | string, mimeType: string): Promise<boolean>;
  /** Renders report HTML to PDF and saves it; false when cancelled. */
  saveReportPdf(suggestedName: string, html: string): Promise<boolean>;
  /** The user's work on a recording (`<recording>.twitchscope.json`), or null when there is none. */
  loadSidecar(key: string): Promise<string | null>;
  /** Writes the sidecar atomically (temp file, then rename). */
  saveSidecar(key: string, text: string): Promise<void>;
  appVersion(): Promise<string>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Files the host opens by itself: a path on the command line, "Open with" from the file manager, a recent file
   * picked in the application menu, a file dropped on the window. Desktop only; files arriving before the first
   * subscriber are held for it. `onError` hears why a drop could not be opened.
   */
  onOpenFile?(listener: (file: OpenedFile) => void, onError?: (message: string) => void): () => void;
  /** The library index text (`core/library`), or null when there is none yet. Absent: no library on this host. */
  loadLibrary?(): Promise<string | null>;
  /** Replaces the library index text whole. */
  saveLibrary?(text: string): Promise<void>;
  /** Moves an index this version cannot read out of the way; returns where it was kept, or null when it could not be. */
  setLibraryAside?(label: 'newer' | 'unreadable'): Promise<string | null>;
  /** Opens a recording the library lists, by its `location`; null when the file is not there. */
  openLibraryFile?(location: string): Promise<OpenedFile | null>;
  /** Whether the file the library lists at `location` is still there. */
  libraryFileExists?(location: string): Promise<boolean>;
  /** The user's import templates as JSON text (`core/import/templates`), or null when there are none yet. */
  loadTemplates(): Promise<string | null>;
  /** Replaces the templates whole (written atomically on the desktop). */
  saveTemplates(text: string): Promise<void>;
}
