/**
 * Printing without a near-empty last page. The report's length depends on the recording, so a few lines can
 * spill onto a page of their own. A printer prints the report as designed and, when that takes more than one
 * page, again with tighter spacing (the `compact` body class), and keeps the print with fewer pages.
 */

export const COMPACT_CLASS = 'compact';

/** The same document with the compact spacing switched on. */
export function compactVersion(html: string): string {
  if (/<body\b[^>]*\bclass="/i.test(html)) return html.replace(/(<body\b[^>]*\bclass=")/i, `$1${COMPACT_CLASS} `);
  return html.replace(/<body\b/i, `<body class="${COMPACT_CLASS}"`);
}

/** Pages in a PDF as Chromium writes it (one uncompressed `/Type /Page` dictionary per page); null if none found. */
export function pdfPageCount(pdf: Uint8Array): number | null {
  const text = new TextDecoder('latin1').decode(pdf);
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return pages ? pages.length : null;
}

/** Prints `html`, and its compact version when the first print runs past one page; the shorter print wins. */
export async function printFitted(html: string, print: (html: string) => Promise<Uint8Array>): Promise<Uint8Array> {
  const normal = await print(html);
  const pages = pdfPageCount(normal);
  if (pages === null || pages <= 1) return normal;
  const compact = await print(compactVersion(html));
  const compactPages = pdfPageCount(compact);
  return compactPages !== null && compactPages < pages ? compact : normal;
}
