import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_CSP } from './csp';

/**
 * The built renderer is served from `app://twitchscope/` instead of file://: a standard, secure origin gives
 * `'self'` in the CSP a precise meaning, lets `fetch` load bundled samples and workers, and keeps pages from
 * reading arbitrary local files by URL (Electron security checklist, "Use a custom protocol").
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'twitchscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Maps an app URL to a file inside `rootDir`, or null for another host or a path that escapes the root. */
export function resolveAppPath(url: string, rootDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = normalize(rootDir);
  const full = normalize(join(root, relative));
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

export interface AppProtocolDeps {
  rootDir: string;
  readFile(path: string): Promise<Uint8Array>;
}

export async function appProtocolResponse(url: string, deps: AppProtocolDeps): Promise<Response> {
  const file = resolveAppPath(url, deps.rootDir);
  if (file === null) return new Response('Not found', { status: 404 });
  let body: Uint8Array;
  try {
    body = await deps.readFile(file);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const headers: Record<string, string> = {
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
  };
  if (extname(file).toLowerCase() === '.html') headers['Content-Security-Policy'] = RENDERER_CSP;
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
