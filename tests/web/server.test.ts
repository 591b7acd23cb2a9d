// `npm run web` and its print endpoint against other sites (issue 13, defect 1): a web page, a DNS-rebinding
// page or any local program must not get this server to print, and what it prints must not reach files.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../cli/pdf';
import { REPORT_CSP_META } from '../../core/report/csp';
import { ROOT } from '../support/run-cli';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let server: ChildProcess;
let port = 0;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-web-dist-'));

/** An HTTP request with exactly the headers given (fetch would not let a test set Host or Origin). */
function send(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => ({ origin: `http://127.0.0.1:${port}`, 'content-type': 'text/html' });

async function pageToken(): Promise<string> {
  const page = await send('GET', '/', {});
  expect(page.status).toBe(200);
  const token = /<meta name="twitchscope-print-token" content="([0-9a-f]+)">/.exec(page.body.toString())?.[1];
  expect(token).toBeDefined();
  return token!;
}

function report(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${REPORT_CSP_META}<title>TwitchScope report – test</title></head><body>${body}</body></html>`;
}

beforeAll(async () => {
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>TwitchScope</title></head><body></body></html>');
  server = spawn(process.execPath, [path.join(ROOT, 'scripts/web.mjs'), '--no-build', '--quiet', '--port', '0', '--dist', dist], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`web server exited (${code}): ${out}`)));
  });
});

afterAll(() => {
  server?.kill();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('npm run web refuses prints that are not its own page\'s', () => {
  it('a POST from another site is refused before any Chromium starts', async () => {
    const r = await send('POST', '/api/pdf', { origin: 'https://evil.example', 'content-type': 'text/plain' }, report('<p>x</p>'));
    expect(r.status).toBe(403);
  });

  it('a DNS-rebinding page (its own name in Host) gets neither the page, its token, nor a print', async () => {
    const rebound = { host: `evil.example:${port}` };
    expect((await send('GET', '/', rebound)).status).toBe(421);
    const r = await send('POST', '/api/pdf', { ...rebound, origin: `http://evil.example:${port}`, 'content-type': 'text/html' }, report('<p>x</p>'));
    expect(r.status).toBe(421);
  });

  it('a local program without the page\'s token is refused, even naming this origin', async () => {
    expect((await send('POST', '/api/pdf', own(), report('<p>x</p>'))).status).toBe(403);
    expect((await send('POST', '/api/pdf', { ...own(), 'x-twitchscope-token': 'f'.repeat(64) }, report('<p>x</p>'))).status).toBe(403);
  });

  it('HTML that is not a TwitchScope report is not printed', async () => {
    const token = await pageToken();
    const r = await send('POST', '/api/pdf', { ...own(), 'x-twitchscope-token': token }, '<html><body>anything</body></html>');
    expect(r.status).toBe(400);
  });
});

describe.runIf(findChromium() !== null)('the app\'s own prints', () => {
  it('print without scripts and without reaching local files, even from a hostile report', async () => {
    const token = await pageToken();
    const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-web-secret-'));
    const secret = `SECRET-${randomBytes(8).toString('hex')}`;
    const secretFile = path.join(secretDir, 'secret.txt');
    fs.writeFileSync(secretFile, secret);
    const url = `file://${secretFile}`;
    const hostile = report(
      `<!-- <head> --><h1>Report body</h1><iframe src="${url}"></iframe><object data="${url}"></object><embed src="${url}">` +
        `<img src="${url}"><script>document.body.append('SCRIPT RAN')</script><p>end of report</p>`,
    );
    const r = await send('POST', '/api/pdf', { ...own(), 'x-twitchscope-token': token }, hostile);
    expect(r.status).toBe(200);
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = path.join(secretDir, 'out.pdf');
    fs.writeFileSync(pdf, r.body);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Report body/);
    expect(text).toMatch(/end of report/);
    expect(text).not.toMatch(/SCRIPT RAN/);
    expect(text).not.toContain(secret);
    fs.rmSync(secretDir, { recursive: true, force: true });
  });

  it('one print at a time: a second request while one runs is told to wait', async () => {
    const token = await pageToken();
    const headers = { ...own(), 'x-twitchscope-token': token };
    const replies = await Promise.all([1, 2, 3].map(() => send('POST', '/api/pdf', headers, report('<p>one of three</p>'))));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 429, 429]);
  });
});
