/**
 * Report HTML → PDF with the system Chromium, for the CLI and the web server. Electron prints the same HTML
 * with `webContents.printToPDF`; this path runs headless Chromium as a child process on a temp file.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withReportCsp } from '../core/report/csp';
import { printFitted } from '../core/report/fit';
import { printedReportProblem } from './pdf-check';

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

/**
 * The page Chromium is given: the paper size added, and the report's CSP put ahead of everything (scripts
 * cannot be switched off from Chromium's command line without stopping it printing, so the policy does it).
 */
export function printablePage(html: string, paper: 'A4' | 'Letter' = defaultPaper()): string {
  return withReportCsp(withPaper(html, paper));
}

/**
 * Prints a self-contained HTML document to PDF bytes, with no near-empty last page (`printFitted`). Throws
 * with an actionable message when no Chromium is found.
 */
export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  return printFitted(html, (variant) => printFile(variant, opts));
}

async function printFile(html: string, opts: PdfOptions): Promise<Uint8Array> {
  return inTempDir(async (dir) => {
    const htmlPath = join(dir, 'report.html');
    // It holds health details: readable by this user only, in a folder mkdtemp made for this print alone.
    await writeFile(htmlPath, printablePage(html, opts.paper), { encoding: 'utf8', mode: 0o600 });
    return printPage(pathToFileURL(htmlPath).href, html, dir, opts);
  });
}

/** Prints a page the caller serves at `url` (the web server's one-time loopback address); `html` is what it serves. */
export async function urlToPdf(url: string, html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  return inTempDir((dir) => printPage(url, html, dir, opts));
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'twitchscope-pdf-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function printPage(url: string, html: string, dir: string, opts: PdfOptions): Promise<Uint8Array> {
  const chromium = opts.chromium ?? findChromium();
  if (!chromium) throw new Error(NO_CHROMIUM_MESSAGE);
  const pdfPath = join(dir, 'report.pdf');
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
    url,
  ];
  await run(chromium, args, opts.timeoutMs ?? 60_000);
  let bytes: Buffer;
  try {
    bytes = await readFile(pdfPath);
  } catch {
    throw new Error(`${chromium} ran but wrote no PDF; check that it supports --headless --print-to-pdf.`);
  }
  const pdf = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problem = printedReportProblem(pdf, html);
  if (problem !== null) throw new Error(`${chromium} did not print the report: ${problem}.`);
  return pdf;
}

function withPaper(html: string, paper: 'A4' | 'Letter'): string {
  const rule = `<style>@page { size: ${paper}; }</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${rule}</head>`) : rule + html;
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
