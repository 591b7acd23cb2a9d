import type { PrintToPDFOptions } from 'electron';
import { REPORT_CSP } from '../window/csp';

/** A4 as the report is designed for; backgrounds on so coloured event marks and table shading survive. */
export const PDF_OPTIONS: PrintToPDFOptions = { pageSize: 'A4', printBackground: true };

/** The hidden print window, reduced to what printing needs so tests can stand in for it. */
export interface PrintTarget {
  loadFile(path: string): Promise<void>;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  destroy(): void;
}

export interface PrintPdfDeps {
  createTarget(): PrintTarget;
  /** Writes the page to a private temporary file: large reports exceed what a data: URL may carry. */
  writeTempHtml(html: string): Promise<{ path: string; remove(): Promise<void> }>;
}

/** Puts the report's own CSP first in <head>, so nothing in the page can load or run anything. */
export function withReportCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return `<!doctype html><html><head>${meta}</head><body>${html}</body></html>`;
}

export async function printHtmlToPdf(html: string, deps: PrintPdfDeps): Promise<Uint8Array> {
  const temp = await deps.writeTempHtml(withReportCsp(html));
  const target = deps.createTarget();
  try {
    await target.loadFile(temp.path);
    return await target.printToPDF(PDF_OPTIONS);
  } finally {
    target.destroy();
    await temp.remove();
  }
}
