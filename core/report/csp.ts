/**
 * The report's Content-Security-Policy: static HTML with inline CSS and SVG, it may load nothing and run
 * nothing. Written into every report document, sent as a header where a report is served (Electron's print
 * window, the web server's print page) and put first in any HTML handed in for printing (`withReportCsp`).
 */
export const REPORT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const REPORT_CSP_META = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;

/**
 * HTML to print, with the report's policy in force before any of its own content. A meta policy only governs
 * what comes after it, and finding the page's <head> by text is fooled by one inside a comment or a script
 * (`<!-- <head> -->`). So the policy opens the document instead: the HTML parser puts it in the <head> it
 * creates, ignores the page's own doctype and <head> tag after it, and moves the page's <html> attributes
 * (lang) onto the root. Policies only add up, so nothing later in the page can loosen it.
 */
export function withReportCsp(html: string): string {
  return `<!DOCTYPE html><html><head>${REPORT_CSP_META}${html}`;
}
