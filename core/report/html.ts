/** Building report HTML as strings: every piece of outside text goes through `esc`. */
import { REPORT_CSP_META } from './csp';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A table from header cells and rows of already-escaped cell HTML; `numeric` columns align right. */
export function table(head: string[], rows: string[][], numeric: ReadonlySet<number> = new Set(), cls = ''): string {
  const cell = (tag: 'th' | 'td', html: string, i: number) => `<${tag}${numeric.has(i) ? ' class="num"' : ''}>${html}</${tag}>`;
  return [
    `<table${cls ? ` class="${cls}"` : ''}>`,
    `<thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

/** A complete, self-contained report document: one page design for the single and the trend report. */
export function reportDocument(title: string, css: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    REPORT_CSP_META,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
  ].join('\n');
}
