#!/usr/bin/env node
/**
 * `npm run web`: builds the renderer for the browser and serves it on this machine only, with the port printed.
 * POST /api/pdf turns the app's report HTML into a PDF with the system Chromium (cli/pdf.ts), so the browser
 * build exports the same PDF as the desktop app.
 *
 * The print endpoint answers the app's own page and nothing else. Every request must name this server in its
 * Host header (a DNS-rebinding page names its own); a print must come from this server's origin and carry the
 * token minted for this run, which only the served page holds; the HTML must be a TwitchScope report. It is
 * printed one at a time from a one-time page this server serves under the report's Content-Security-Policy
 * (no scripts, nothing loaded), over http, so it cannot reach a file:// URL either.
 *
 *   node scripts/web.mjs [--port N] [--no-build] [--quiet] [--dist DIR]
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const dist = resolve(option('--dist') ?? join(root, 'dist-web'));
const port = Number(option('--port') ?? process.env.PORT ?? 5180);
const quiet = args.includes('--quiet');
const MAX_HTML_BYTES = 20 * 1024 * 1024;
const TOKEN = randomBytes(32).toString('hex');
const TOKEN_HEADER = 'x-twitchscope-token';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

// The notice is about the project's package.json module type, not something this server can act on.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

if (!args.includes('--no-build')) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.web.config.ts'), logLevel: quiet ? 'warn' : 'info' });
}

let modules = null;
/** cli/pdf.ts and the report CSP are TypeScript: tsx compiles them on first use, scoped to this import. */
async function ts() {
  if (!modules) {
    const { tsImport } = await import('tsx/esm/api');
    const [pdf, csp] = await Promise.all([tsImport(join(root, 'cli', 'pdf.ts'), import.meta.url), tsImport(join(root, 'core', 'report', 'csp.ts'), import.meta.url)]);
    modules = { pdf, csp };
  }
  return modules;
}

function readBody(req, limit) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const plain = (res, status, text) => res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);

/** The names this server answers to; anything else in Host is another site's name pointed at us. */
function ownHosts() {
  const p = server.address().port;
  return [`127.0.0.1:${p}`, `localhost:${p}`];
}

function sameToken(given) {
  const a = Buffer.from(String(given ?? ''));
  const b = Buffer.from(TOKEN);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Report pages waiting to be printed, each under a one-time address only the print knows. */
const printPages = new Map();
let printing = false;

async function printReport(req, res) {
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
  const origin = req.headers.origin;
  if (!origin || !ownHosts().some((h) => origin === `http://${h}`)) return plain(res, 403, 'Reports are printed for this app\'s own page only.');
  if (!sameToken(req.headers[TOKEN_HEADER])) return plain(res, 403, 'Reports are printed for this app\'s own page only.');
  if (printing) return void res.writeHead(429, { 'retry-after': '5', 'content-type': 'text/plain' }).end('Another report is being printed; try again when it is done.');
  printing = true;
  const id = randomBytes(16).toString('hex');
  try {
    const html = (await readBody(req, MAX_HTML_BYTES)).toString('utf8');
    const { pdf, csp } = await ts();
    if (!/^\s*<!doctype html>/i.test(html) || !html.includes(csp.REPORT_CSP_META)) return plain(res, 400, 'Only TwitchScope reports are printed here.');
    printPages.set(id, pdf.printablePage(html));
    const bytes = await pdf.urlToPdf(`http://${ownHosts()[0]}/print/${id}.html`, html);
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bytes.length }).end(bytes);
  } finally {
    printPages.delete(id);
    printing = false;
  }
}

async function servePrintPage(res, pathname) {
  const page = printPages.get(/^\/print\/([0-9a-f]{32})\.html$/.exec(pathname)?.[1]);
  if (page === undefined) return plain(res, 404, 'not found');
  const { csp } = await ts();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp.REPORT_CSP, 'cache-control': 'no-store' }).end(page);
}

/** The app's pages carry this run's print token, so the app (and only pages this server serves) can print. */
async function serveFile(req, res, pathname) {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(dist, rel || 'index.html');
  if (file !== dist && !file.startsWith(dist + sep)) return plain(res, 403, 'forbidden');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return plain(res, 404, 'not found');
  const headers = { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (extname(file).toLowerCase() === '.html') {
    const html = (await readFile(file, 'utf8')).replace(/<\/head>/i, `<meta name="twitchscope-print-token" content="${TOKEN}"></head>`);
    return void res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(html) }).end(req.method === 'HEAD' ? undefined : html);
  }
  res.writeHead(200, { ...headers, 'content-length': info.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

const server = createServer(async (req, res) => {
  try {
    if (!ownHosts().includes(String(req.headers.host ?? '').toLowerCase())) return plain(res, 421, 'This server answers for 127.0.0.1 and localhost only.');
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/api/pdf') return await printReport(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (pathname.startsWith('/print/')) return await servePrintPage(res, pathname);
    await serveFile(req, res, pathname);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
});

server.listen(Number.isFinite(port) ? port : 5180, '127.0.0.1', () => {
  console.log(`TwitchScope web: http://localhost:${server.address().port}/`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
