import type { PrintToPDFOptions } from 'electron';
import { REPORT_CSP, withReportCsp } from '../../core/report/csp';
import { printFitted } from '../../core/report/fit';

/** A4 as the report is designed for; backgrounds on so coloured event marks and table shading survive. */
export const PDF_OPTIONS: PrintToPDFOptions = { pageSize: 'A4', printBackground: true };

/** Reports are served from memory at `app://report/<id>` to the print window's own session only. */
export const REPORT_ORIGIN = 'app://report';

/** The hidden print window, reduced to what printing needs so tests can stand in for it. */
export interface PrintTarget {
  loadURL(url: string): Promise<void>;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  destroy(): void;
}

export interface PrintPdfDeps {
  createTarget(): PrintTarget;
  pages: ReportPages;
}

/**
 * Report pages waiting to be printed, each under a one-time URL. Kept in memory rather than a temporary file:
 * a report holds health details and a subject's name, which should not sit in a shared temp folder, and a
 * large report would not fit in a data: URL.
 */
export class ReportPages {
  private readonly pages = new Map<string, string>();

  constructor(private readonly newId: () => string) {}

  publish(html: string): { url: string; remove(): void } {
    const id = this.newId();
    this.pages.set(id, withReportCsp(html));
    return { url: `${REPORT_ORIGIN}/${id}.html`, remove: () => this.pages.delete(id) };
  }

  /** The print session's protocol handler: a published page with the report CSP as a header, else 404. */
  respond(url: string): Response {
    const match = /^app:\/\/report\/([0-9a-f]+)\.html$/.exec(url);
    const html = match ? this.pages.get(match[1]) : undefined;
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': REPORT_CSP },
    });
  }
}

/** Prints the report, with no near-empty last page (`printFitted`: a second, tighter print when that saves a page). */
export async function printHtmlToPdf(html: string, deps: PrintPdfDeps): Promise<Uint8Array> {
  return printFitted(html, (variant) => printOnce(variant, deps));
}

async function printOnce(html: string, deps: PrintPdfDeps): Promise<Uint8Array> {
  const page = deps.pages.publish(html);
  const target = deps.createTarget();
  try {
    await target.loadURL(page.url);
    return await target.printToPDF(PDF_OPTIONS);
  } finally {
    target.destroy();
    page.remove();
  }
}
