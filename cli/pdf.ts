/**
 * Report HTML → PDF with the system Chromium, for the CLI and the web server. Electron prints the same HTML
 * with `webContents.printToPDF`; this path runs headless Chromium as a child process on a temp file.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const CANDIDATES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'microsoft-edge',
  'microsoft-edge-stable',
];

const ABSOLUTE_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium or Chrome was found to print the PDF report. Install Chromium (e.g. `apt install chromium`) or Google Chrome, or set CHROME_PATH to its executable. You can also write the report as HTML with `--report OUT.html` and print it from any browser.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH if set, then the usual install locations, then the usual names on PATH; null when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  for (const p of ABSOLUTE_CANDIDATES) if (isExecutable(p)) return p;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (isExecutable(p)) return p;
    }
  }
  return null;
}

/** Regions that print on US Letter; everywhere else uses A4 (ISO 216). */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'BZ']);

/** The paper people in the given locale (default: this machine's) expect: Letter in the Americas' Letter countries, else A4. */
export function defaultPaper(locale = Intl.DateTimeFormat().resolvedOptions().locale): 'A4' | 'Letter' {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}

export interface PdfOptions {
  /** Paper size; default from the machine's locale (`defaultPaper`). */
  paper?: 'A4' | 'Letter';
  /** Chromium executable; default `findChromium()`. */
  chromium?: string;
  /** Give up after this long; default 60 s. */
  timeoutMs?: number;
}

/** Prints a self-contained HTML document to PDF bytes. Throws with an actionable message when no Chromium is found. */
export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const chromium = opts.chromium ?? findChromium();
  if (!chromium) throw new Error(NO_CHROMIUM_MESSAGE);
  const dir = await mkdtemp(join(tmpdir(), 'twitchscope-pdf-'));
  try {
    const htmlPath = join(dir, 'report.html');
    const pdfPath = join(dir, 'report.pdf');
    await writeFile(htmlPath, withPaper(html, opts.paper ?? defaultPaper()), 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      // A fresh profile per run: parallel prints must not fight over one profile lock.
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      '--run-all-compositor-stages-before-draw',
      `--print-to-pdf=${pdfPath}`,
      pathToFileUrl(htmlPath),
    ];
    await run(chromium, args, opts.timeoutMs ?? 60_000);
    let bytes: Buffer;
    try {
      bytes = await readFile(pdfPath);
    } catch {
      throw new Error(`${chromium} ran but wrote no PDF; check that it supports --headless --print-to-pdf.`);
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${chromium} wrote a file that is not a PDF.`);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function withPaper(html: string, paper: 'A4' | 'Letter'): string {
  const rule = `<style>@page { size: ${paper}; }</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${rule}</head>`) : rule + html;
}

function pathToFileUrl(path: string): string {
  const normalised = path.replace(/\\/g, '/');
  return `file://${normalised.startsWith('/') ? '' : '/'}${encodeURI(normalised)}`;
}

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const killed = (err as NodeJS.ErrnoException & { killed?: boolean }).killed;
      const why = killed ? `timed out after ${Math.round(timeoutMs / 1000)} s` : err.message.split('\n')[0];
      const detail = String(stderr).trim().split('\n').slice(-3).join(' ');
      reject(new Error(`Chromium could not print the report (${why})${detail ? `: ${detail}` : ''}`));
    });
  });
}
