import { RECORDING_EXTENSIONS } from '../../core/import/extensions';
import { parseLibrary } from '../../core/library/parse';
import { keepAsideReason } from '../../core/review/sidecar';
import { idbDelete, idbGet, idbMove, idbPut } from './idb';
import type { OpenedFile, PlatformApi, RecentFile } from '../../core/platform/api';

/**
 * The host API in a plain browser: a file input instead of a dialog, downloads instead of saving,
 * and IndexedDB instead of files beside the recording.
 */

const RECENT_KEY = 'list';
/** The library index is one record, so a save replaces it whole in one transaction. */
const LIBRARY_KEY = 'index';
const MAX_RECENT = 8;
/** The import templates live in the page's local storage: small, and read before any file is opened. */
const TEMPLATES_KEY = 'twitchscope.import-templates';
/** Files up to this size are kept in IndexedDB so "recent files" can reopen them after a reload. */
const KEEP_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Larger files, by key, for as long as this page lives: a File is a reference to the picked file, not
 * its bytes, so Recent and the Library reopen them without asking again until the page is closed.
 */
const heldThisPage = new Map<string, File>();
/** Sidecars read (or found absent) in this page, or written by it: the ones a save may replace. */
const sidecarsRead = new Set<string>();

function fileKey(f: File): string {
  return `${f.name}|${f.size}|${f.lastModified}`;
}

function opened(file: File, key = fileKey(file)): OpenedFile {
  return {
    name: file.name,
    size: file.size,
    key,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Files the library lists: their stored copies outlive the recent list, so the library can re-open them. */
function locationsIn(text: string | undefined): Set<string> {
  const parsed = text === undefined ? null : parseLibrary(text);
  return new Set(parsed?.kind === 'ok' ? parsed.index.entries.map((e) => e.location) : []);
}

async function libraryLocations(): Promise<Set<string>> {
  return locationsIn(await idbGet<string>('library', LIBRARY_KEY));
}

/** A copy kept only for the library goes when its entry is removed; recent files keep theirs. */
async function dropUnlistedCopies(before: Set<string>, text: string): Promise<void> {
  const after = locationsIn(text);
  const recent = new Set(((await idbGet<RecentFile[]>('recent', RECENT_KEY)) ?? []).map((r) => r.key));
  for (const location of before) if (!after.has(location) && !recent.has(location)) await idbDelete('files', location);
}

async function remember(file: File): Promise<OpenedFile> {
  const f = opened(file);
  try {
    const list = (await idbGet<RecentFile[]>('recent', RECENT_KEY)) ?? [];
    const next = [{ key: f.key, name: f.name, openedAt: new Date().toISOString() }, ...list.filter((r) => r.key !== f.key)];
    const listed = await libraryLocations();
    for (const dropped of next.slice(MAX_RECENT)) if (!listed.has(dropped.key)) await idbDelete('files', dropped.key);
    await idbPut('recent', RECENT_KEY, next.slice(0, MAX_RECENT));
    if (file.size <= KEEP_FILE_BYTES) await idbPut('files', f.key, file);
  } catch {
    // Private windows may refuse storage; the file still opens, it just is not listed as recent.
  }
  if (file.size <= KEEP_FILE_BYTES) return f;
  heldThisPage.set(f.key, file);
  const mb = Math.round(file.size / 1e6);
  return {
    ...f,
    notice: `${file.name} (${mb} MB) is larger than the 64 MB this browser keeps a copy of: Recent and the Library reopen it while this page stays open; after closing or reloading the page, open it again with "Open recording…". The desktop app reopens files of any size.`,
  };
}

async function storedFile(key: string): Promise<File | undefined> {
  return heldThisPage.get(key) ?? (await idbGet<File>('files', key).catch(() => undefined));
}

function pickFile(accept = [...RECORDING_EXTENSIONS, 'text/csv', 'text/plain'].join(',')): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = 'file-input';
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Without the PDF endpoint (a static host), the browser's own print dialog makes the PDF. */
function printInFrame(html: string): Promise<boolean> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
    frame.srcdoc = html;
    frame.onload = () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 1000);
      resolve(true);
    };
    document.body.append(frame);
  });
}

export const browserPlatform: PlatformApi = {
  kind: 'browser',
  async openFileDialog() {
    const f = await pickFile();
    return f ? remember(f) : null;
  },
  // Read once to restore a review, so not kept among the recent recordings.
  async openEventsFile() {
    const f = await pickFile('.csv,.edf,.bdf,text/csv');
    return f ? opened(f, fileKey(f)) : null;
  },
  openDropped: (file: File) => remember(file),
  async openRecent(key) {
    const file = await storedFile(key);
    return file ? opened(file, key) : null;
  },
  async recentFiles() {
    return (await idbGet<RecentFile[]>('recent', RECENT_KEY).catch(() => undefined)) ?? [];
  },
  async saveFile(name, data, mimeType) {
    download(name, new Blob([data as BlobPart], { type: mimeType }));
    return true;
  },
  async saveReportPdf(name, html) {
    try {
      // The token `npm run web` put in this page: its print endpoint answers nothing else.
      const token = document.querySelector<HTMLMetaElement>('meta[name="twitchscope-print-token"]')?.content;
      if (!token) return printInFrame(html);
      const res = await fetch('/api/pdf', { method: 'POST', headers: { 'content-type': 'text/html', 'x-twitchscope-token': token }, body: html });
      if (res.ok && res.headers.get('content-type')?.includes('pdf')) {
        download(name, await res.blob());
        return true;
      }
    } catch {
      // No server behind us (static hosting): fall through to printing.
    }
    return printInFrame(html);
  },
  // A failed read is thrown, never taken for "no saved work": the save that follows must not write over it.
  async loadSidecar(key) {
    const text = (await idbGet<string>('sidecars', key)) ?? null;
    sidecarsRead.add(key);
    return text;
  },
  async saveSidecar(key, text) {
    // Work this version cannot take over, or did not manage to read, stays stored under its own key, as the
    // desktop app keeps the file.
    const existing = await idbGet<string>('sidecars', key);
    if (existing !== undefined && (!sidecarsRead.has(key) || keepAsideReason(existing, text) !== null)) await idbPut('sidecars', `${key}.kept-${Date.now()}`, existing);
    await idbPut('sidecars', key, text);
    sidecarsRead.add(key);
  },
  async appVersion() {
    return import.meta.env.VITE_APP_VERSION ?? 'dev';
  },
  onMenuCommand() {
    return () => undefined;
  },
  async loadLibrary() {
    return (await idbGet<string>('library', LIBRARY_KEY)) ?? null;
  },
  async saveLibrary(text) {
    const before = await libraryLocations();
    await idbPut('library', LIBRARY_KEY, text);
    // Tidying stored copies is housekeeping: the library itself is saved whether or not it works.
    await dropUnlistedCopies(before, text).catch(() => undefined);
  },
  // The library re-opens files through the same stored copies as "recent files".
  openLibraryFile(location) {
    return browserPlatform.openRecent(location);
  },
  async libraryFileExists(location) {
    return (await storedFile(location)) !== undefined;
  },
  async loadTemplates() {
    return localStorage.getItem(TEMPLATES_KEY);
  },
  async saveTemplates(text) {
    localStorage.setItem(TEMPLATES_KEY, text);
  },
  async setLibraryAside(label) {
    const kept = `${LIBRARY_KEY}.${label}-${new Date().toISOString()}`;
    return (await idbMove('library', LIBRARY_KEY, kept)) ? kept : null;
  },
};
