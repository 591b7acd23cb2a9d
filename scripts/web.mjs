#!/usr/bin/env node
/**
 * `npm run web`: builds the renderer for the browser and serves it on localhost with the port printed.
 * POST /api/pdf turns report HTML into a PDF with the system Chromium (cli/pdf.ts), so the browser build
 * exports the same PDF as the desktop app.
 *
 *   node scripts/web.mjs [--port N] [--no-build] [--quiet]
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = join(root, 'dist-web');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 5180);
const quiet = args.includes('--quiet');
const MAX_HTML_BYTES = 20 * 1024 * 1024;

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

let pdfModule = null;
async function htmlToPdf(html) {
  if (!pdfModule) {
    // cli/pdf.ts is TypeScript: tsx compiles it on first use, scoped to this import.
    const { tsImport } = await import('tsx/esm/api');
    pdfModule = await tsImport(join(root, 'cli', 'pdf.ts'), import.meta.url);
  }
  return pdfModule.htmlToPdf(html);
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

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/pdf') {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const html = (await readBody(req, MAX_HTML_BYTES)).toString('utf8');
      const pdf = await htmlToPdf(html);
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = join(dist, rel || 'index.html');
    if (file !== dist && !file.startsWith(dist + sep)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(`error: ${err instanceof Error ? err.message : String(err)}`);
  }
});

server.listen(Number.isFinite(port) ? port : 5180, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`TwitchScope web: http://localhost:${addr.port}/`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
