// The desktop renderer over the real preload API and the real main-process IPC handlers, in headless Chromium:
// what `npm start` would show, minus the Electron binary this machine cannot download. The built renderer is
// served through the app:// protocol handler (so its CSP header applies), `window.twitchscope` is
// `createPlatformApi` from electron/preload/api.ts, and each `invoke` crosses into Node, where the schema,
// sender check and handler run on real files with stand-in dialogs.
//   npm run test:electron-bridge
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { FileGrants } from '../../../electron/files/grants';
import { SidecarStore } from '../../../electron/files/sidecar';
import { writeFileAtomic } from '../../../node/fs/atomic-write';
import type { InvokeChannel } from '../../../electron/ipc/channels';
import { createHandlers, openForWindow, type HandlerDeps } from '../../../electron/ipc/handlers';
import { guardedListener } from '../../../electron/ipc/register';
import { printHtmlToPdf, ReportPages } from '../../../electron/report/print-pdf';
import { checkSender } from '../../../electron/ipc/sender';
import { appProtocolResponse } from '../../../electron/window/app-protocol';

const root = resolve(__dirname, '../../..');
const WINDOW_ID = 1;
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/** 20 s of 2 kHz calf EMG at rest with three brief spikes, in the generic CSV the importer reads. */
function simulatedRecording(): string {
  const rate = 2000;
  const lines = ['time_s,left calf EMG (uV)'];
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed / 2147483648 - 0.5) * 6;
  };
  for (let i = 0; i < rate * 20; i++) {
    const t = i / rate;
    let v = noise();
    for (const at of [3, 8.5, 14.2]) if (t >= at && t < at + 0.012) v += 120 * Math.sin((2 * Math.PI * (t - at)) / 0.012);
    lines.push(`${t.toFixed(4)},${v.toFixed(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const built = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('electron-vite build failed');

  const work = await fs.mkdtemp(join(tmpdir(), 'twitchscope-bridge-'));
  const apiBundle = join(work, 'api');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: apiBundle,
      minify: false,
      emptyOutDir: true,
      lib: { entry: join(root, 'electron/preload/api.ts'), formats: ['iife'], name: 'preloadApi', fileName: () => 'api.js' },
    },
  });

  const recording = join(work, 'calf rest.csv');
  const second = join(work, 'second.csv');
  await fs.writeFile(recording, simulatedRecording());
  await fs.copyFile(recording, second);
  const size = (await fs.stat(recording)).size;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const reportPages = new ReportPages(() => (++counter).toString(16));
  const blockedByPrinter: string[] = [];
  let counter = 0;
  const unique = () => `${process.pid}-${++counter}`;
  const saved: string[] = [];
  const printed: string[] = [];
  const refused: string[] = [];
  const readLengths: number[] = [];
  const deps: HandlerDeps = {
    fs,
    grants: new FileGrants(() => (++counter).toString(16).padStart(32, '0')),
    dialogs: {
      chooseRecording: async () => recording,
      chooseSavePath: async (_w, name) => {
        saved.push(name);
        return join(work, name);
      },
    },
    recent: { list: () => [], add: async () => undefined, remove: async () => undefined },
    sidecars: new SidecarStore({ fs, userDataDir: join(work, 'user-data'), uniqueSuffix: unique }),
    // As main does, minus Electron: a one-time in-memory page printed by a script-less Chromium page.
    printPdf: (html) => {
      printed.push(html);
      return printHtmlToPdf(html, {
        pages: reportPages,
        createTarget: () => {
          let pdfPage: Page | null = null;
          return {
            loadURL: async (url) => {
              const context = await browser.newContext({ javaScriptEnabled: false });
              pdfPage = await context.newPage();
              await pdfPage.route('**/*', async (route) => {
                const asked = route.request().url();
                const prefix = `http://127.0.0.1:${port}/__report/`;
                if (!asked.startsWith(prefix)) {
                  blockedByPrinter.push(asked);
                  return route.abort();
                }
                const response = reportPages.respond(`app://report/${asked.slice(prefix.length)}`);
                return route.fulfill({
                  status: response.status,
                  headers: Object.fromEntries(response.headers),
                  body: Buffer.from(await response.arrayBuffer()),
                });
              });
              await pdfPage.goto(`http://127.0.0.1:${port}/__report/${url.slice('app://report/'.length)}`);
            },
            printToPDF: async () => new Uint8Array(await pdfPage!.pdf({ format: 'A4', printBackground: true })),
            destroy: () => void pdfPage?.context().close(),
          };
        },
      });
    },
    writeFileAtomic: (path, data) => writeFileAtomic(fs, path, data, unique),
    library: { load: async () => null, save: async () => undefined },
    templates: { load: async () => null, save: async () => undefined },
    appVersion: '0.1.0',
    onSidecarSaved: () => undefined,
  };
  const handlers = createHandlers(deps);
  const gate = {
    authorize: () =>
      checkSender({ frameUrl: 'app://twitchscope/index.html', isTopFrame: true, windowId: WINDOW_ID }, new Set([WINDOW_ID]), [
        'app://twitchscope',
      ]),
    report: (channel: string, reason: string) => refused.push(`${channel}: ${reason}`),
  };

  const server = createServer(async (req, res) => {
    const response = await appProtocolResponse(`app://twitchscope${(req.url ?? '/').split('?')[0]}`, {
      rootDir: join(root, 'out/renderer'),
      readFile: fs.readFile,
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

    // Bytes cross the Playwright bridge as base64; the IPC payloads themselves are what the preload sends.
    await page.exposeFunction('__invoke', async (channel: InvokeChannel, payload: Record<string, unknown>) => {
      const request = payload && typeof payload.__bytes === 'string'
        ? { ...payload, data: new Uint8Array(Buffer.from(payload.__bytes, 'base64')), __bytes: undefined }
        : payload;
      if (request && '__bytes' in request) delete request.__bytes;
      if (channel === 'file:read') readLengths.push(Number(request.length));
      const reply = await guardedListener(channel, handlers, gate)({} as never, request);
      return reply.ok && reply.value instanceof Uint8Array ? { ok: true, value: { __b64: Buffer.from(reply.value).toString('base64') } } : reply;
    });
    // One script (init scripts do not share scope), as source text: tsx would wrap a function argument in name
    // helpers the page does not have.
    const api = await fs.readFile(join(apiBundle, 'api.js'), 'utf8');
    await page.addInitScript({
      content: `${api}
        const listeners = {};
        window.__emit = (channel, payload) => listeners[channel]?.({}, payload);
        const decode = (r) => r.ok && r.value && typeof r.value === 'object' && '__b64' in r.value
          ? { ok: true, value: Uint8Array.from(atob(r.value.__b64), (c) => c.charCodeAt(0)) }
          : r;
        const encode = (p) => {
          if (!p || !(p.data instanceof Uint8Array)) return p;
          let text = '';
          for (const b of p.data) text += String.fromCharCode(b);
          return { ...p, data: undefined, __bytes: btoa(text) };
        };
        const ipc = {
          invoke: async (channel, payload) => decode(await window.__invoke(channel, encode(payload))),
          on: (channel, listener) => { listeners[channel] = listener; },
        };
        window.twitchscope = preloadApi.createPlatformApi(ipc, { getPathForFile: () => '' }, window);
      `,
    });

    await page.goto(`http://127.0.0.1:${port}/index.html`);
    await page.getByTestId('start-screen').waitFor({ timeout: 20_000 });
    check((await page.evaluate('window.twitchscope.kind')) === 'electron', 'the page uses the desktop API');

    await page.getByTestId('open-recording').click();
    await page.getByTestId('import-check').waitFor({ timeout: 30_000 });
    check((await page.getByTestId('file-name').innerText()).includes('calf rest.csv'), 'Open… imports the file main granted');
    const readTotal = readLengths.reduce((a, b) => a + b, 0);
    check(readLengths.length > 0 && readTotal >= size, `the file was read by token in ${readLengths.length} ranges (${readTotal} bytes asked of a ${size}-byte file)`);

    await page.getByTestId('analyse').click();
    await page.getByTestId('timeline').waitFor({ timeout: 60_000 });
    await page.getByTestId('event-row').first().waitFor({ timeout: 30_000 });
    const events = await page.getByTestId('event-row').count();
    check(events === 3, `analysis shows the 3 simulated spikes as events (found ${events})`);

    const sidecarPath = `${recording}.twitchscope.json`;
    let sidecar = '';
    for (let i = 0; i < 50 && !sidecar; i++) {
      sidecar = await fs.readFile(sidecarPath, 'utf8').catch(() => '');
      if (!sidecar) await page.waitForTimeout(200);
    }
    check(sidecar.includes('"calf rest.csv"'), 'the user’s work was autosaved beside the recording');

    await page.evaluate("window.__emit('menu:command', 'export-csv')");
    // The name is known when the save dialog answers; the file exists once main has written and renamed it.
    const csvText = async () => {
      const name = saved.find((n) => n.endsWith('.csv'));
      return name ? fs.readFile(join(work, name), 'utf8').catch(() => '') : '';
    };
    let csv = '';
    for (let i = 0; i < 100 && !csv; i++) if (!(csv = await csvText())) await page.waitForTimeout(100);
    check(csv.length > 0, 'File ▸ Export Events as CSV saves through main');

    await page.evaluate("window.__emit('menu:command', 'export-pdf')");
    for (let i = 0; i < 100 && printed.length === 0; i++) await page.waitForTimeout(100);
    check(printed.length === 1 && printed[0].includes('calf rest'), 'File ▸ Export Report as PDF hands the report HTML to main');
    const pdfName = saved.find((n) => n.endsWith('.pdf'));
    for (let i = 0; i < 100 && !(pdfName && (await fs.stat(join(work, pdfName)).catch(() => null))); i++) await page.waitForTimeout(100);
    const pdf = pdfName ? await fs.readFile(join(work, pdfName)).catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    check(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000, `the report printed without scripts to an A4 PDF (${pdf.length} bytes)`);
    const text = pdf.length > 0 ? spawnSync('pdftotext', [join(work, pdfName as string), '-'], { encoding: 'utf8' }).stdout : '';
    check(text.includes('calf rest'), 'the PDF names the recording');
    check(blockedByPrinter.length === 0, `the report asked for nothing beyond itself${blockedByPrinter.length ? `: ${blockedByPrinter.join(', ')}` : ''}`);

    const granted = await openForWindow(deps, WINDOW_ID, second);
    await page.evaluate(`window.__emit('host:open-file', ${JSON.stringify(granted)})`);
    await page.getByTestId('file-name').filter({ hasText: 'second.csv' }).waitFor({ timeout: 30_000 });
    check(true, 'a file main opens (command line, Open with) reaches the page');

    await page.evaluate("window.__emit('menu:command', 'open-sample')");
    await page.getByTestId('sample-calf-rest-emg').click({ timeout: 30_000 });
    await page.getByTestId('file-name').filter({ hasText: 'calf-rest-emg' }).waitFor({ timeout: 30_000 });
    check(true, 'a bundled sample loads from the app’s own origin under its CSP');

    check(refused.length === 0, `main refused nothing the page sent${refused.length ? `: ${refused.join('; ')}` : ''}`);
    check(problems.length === 0, `no console errors or CSP violations${problems.length ? `: ${problems.join('; ')}` : ''}`);
  } finally {
    await browser.close();
    server.close();
    await fs.rm(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} check(s) failed.`);
    process.exit(1);
  }
  console.log('\nThe renderer works over the desktop bridge.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
