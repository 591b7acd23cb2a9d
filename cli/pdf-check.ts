/**
 * Whether a PDF Chromium wrote holds the report it was asked to print. A file URL that went wrong (a `#` or
 * `?` in the temp folder's path once cut the URL short) makes Chromium print a directory listing instead,
 * and still exit 0. Chromium writes the page's <title> as the PDF's /Title, so the two must agree, and there
 * must be at least one page.
 */

/** The text of the document's <title>, entities decoded and white space collapsed; null when it has none. */
export function htmlTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (!m) return null;
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  const text = m[1].replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] !== '#') return named[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** A PDF literal string's bytes with its escapes undone (PDF 32000-1, 7.3.4.2). */
function literalBytes(body: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out.push(body.charCodeAt(i));
      continue;
    }
    const n = body[++i];
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in simple) out.push(simple[n]);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
      out.push(parseInt(oct, 8) & 0xff);
    } else if (n === '\r' || n === '\n') {
      if (n === '\r' && body[i + 1] === '\n') i++;
    } else if (n !== undefined) out.push(n.charCodeAt(0));
  }
  return out;
}

/** Text from PDF string bytes: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 is close enough). */
function pdfText(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return s;
  }
  return String.fromCharCode(...bytes);
}

/** The document's /Title from its Info dictionary, or null when it has none. */
export function pdfTitle(pdf: Uint8Array): string | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const literal = /\/Title\s*\(((?:\\[\s\S]|[^\\)])*)\)/.exec(text);
  if (literal) return pdfText(literalBytes(literal[1]));
  const hex = /\/Title\s*<([0-9A-Fa-f\s]*)>/.exec(text);
  if (!hex) return null;
  const digits = hex[1].replace(/\s+/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < digits.length; i += 2) bytes.push(parseInt(digits.slice(i, i + 2).padEnd(2, '0'), 16));
  return pdfText(bytes);
}

export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Null when the PDF holds the report, else what is wrong with it. */
export function printedReportProblem(pdf: Uint8Array, html: string): string | null {
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') return 'the file written is not a PDF';
  if (pdfPageCount(pdf) === 0) return 'the PDF has no pages';
  const want = htmlTitle(html);
  const got = pdfTitle(pdf);
  if (want !== null && got !== null && got.replace(/\s+/g, ' ').trim() !== want) return `the PDF holds "${got}", not the report "${want}"`;
  return null;
}
