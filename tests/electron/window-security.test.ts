import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { appProtocolResponse, resolveAppPath } from '../../electron/window/app-protocol';
import { REPORT_CSP } from '../../core/report/csp';
import { parseCsp, RENDERER_CSP, RENDERER_CSP_DIRECTIVES } from '../../electron/window/csp';
import { guardSession, guardWebContents, isAllowedExternalUrl } from '../../electron/window/guards';
import { appWindowOptions, MIN_SIZE, printWindowOptions, restoreBounds } from '../../electron/window/options';

const REQUIRED_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
};

describe('window options', () => {
  it('keeps the app window isolated, sandboxed and without Node', () => {
    const options = appWindowOptions('/app/out/preload/preload.js', { width: 1000, height: 700 }, '#fff');
    expect(options.webPreferences).toMatchObject({ ...REQUIRED_PREFERENCES, preload: '/app/out/preload/preload.js' });
    expect(options.show).toBe(false);
  });

  it('prints reports in a window with no preload, no scripts and its own session', () => {
    const options = printWindowOptions();
    expect(options.webPreferences).toMatchObject({ ...REQUIRED_PREFERENCES, javascript: false });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.partition).toMatch(/^[^:]+$/);
    expect(options.show).toBe(false);
  });
});

describe('remembered window bounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('restores bounds that are on a screen', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, screens)).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
  });
  it('drops the position when the window would be off every screen (monitor unplugged)', () => {
    const saved = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, screens)).toEqual({ width: 1200, height: 800 });
  });
  it('drops the position when the title bar would be above the screen', () => {
    const saved = { x: 100, y: -600, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, screens)).toEqual({ width: 1200, height: 800 });
  });
  it('shrinks a window larger than the screen, but not below the minimum', () => {
    const saved = { x: 0, y: 0, width: 5000, height: 300, maximized: false };
    expect(restoreBounds(saved, screens)).toEqual({ x: 0, y: 0, width: 1920, height: MIN_SIZE.height });
  });
  it('uses the default size the first time', () => {
    expect(restoreBounds(null, screens)).toEqual({ width: 1280, height: 820 });
  });
});

describe('Content-Security-Policy', () => {
  it('allows only the app itself: no remote code, no inline scripts, no plugins, no framing', () => {
    const csp = parseCsp(RENDERER_CSP);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      expect(sources.filter((s) => /^https?:|^\*|unsafe-eval|^ws/.test(s))).toEqual([]);
    }
  });

  it('matches the meta tag in renderer/index.html (frame-ancestors only works as a header)', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta).not.toBeNull();
    const fromHtml = Object.fromEntries(parseCsp(meta![1]));
    const { 'frame-ancestors': _headerOnly, ...expected } = RENDERER_CSP_DIRECTIVES;
    expect(fromHtml).toEqual(expected);
  });

  it('lets the printed report load nothing and run nothing', () => {
    const csp = parseCsp(REPORT_CSP);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false);
  });
});

describe('app:// protocol', () => {
  const root = '/opt/twitchscope/out/renderer';
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppPath('app://twitchscope/', root)).toBe(`${root}/index.html`);
    expect(resolveAppPath('app://twitchscope/assets/index-abc.js', root)).toBe(`${root}/assets/index-abc.js`);
    const attacks = [
      'app://twitchscope/../../../etc/passwd',
      'app://twitchscope/%2e%2e/%2e%2e/etc/passwd',
      'app://twitchscope/assets/..%2f..%2f..%2fsecret',
      'app://twitchscope/..%5c..%5cwindows%5csystem.ini',
    ];
    for (const url of attacks) {
      const path = resolveAppPath(url, root);
      expect(path === null || path.startsWith(`${root}/`)).toBe(true);
    }
    expect(resolveAppPath('app://twitchscope/assets/..%2f..%2f..%2fsecret', root)).toBeNull();
    expect(resolveAppPath('app://other/index.html', root)).toBeNull();
    expect(resolveAppPath('app://twitchscope/a%00.js', root)).toBeNull();
  });

  it('sends the CSP header with pages and the right type with scripts', async () => {
    const files: Record<string, string> = { [`${root}/index.html`]: '<!doctype html>', [`${root}/assets/a.js`]: 'x' };
    const readFile = async (path: string) => {
      if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[path]);
    };
    const page = await appProtocolResponse('app://twitchscope/index.html', { rootDir: root, readFile });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    const script = await appProtocolResponse('app://twitchscope/assets/a.js', { rootDir: root, readFile });
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    // A worker takes its policy from its script's response: without one, the analysis workers may compile the
    // band-pass's WebAssembly kernel while the page's `script-src 'self'` still refuses WebAssembly.
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect((await appProtocolResponse('app://twitchscope/nope.js', { rootDir: root, readFile })).status).toBe(404);
    expect((await appProtocolResponse('app://twitchscope/a/..%2f..%2f..%2fx', { rootDir: root, readFile })).status).toBe(404);
  });
});

/** A WebContents stand-in that records listeners so tests can fire the events Electron would. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, ...rest: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  } as unknown as WebContents;
  const fire = (name: string, ...rest: unknown[]) => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, ...rest);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('navigation, new windows and permissions', () => {
  it('stops every navigation, redirect and webview', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents, () => undefined);
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-navigate', 'file:///home/me/calf.csv')).toBe(true);
    expect(fake.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-attach-webview')).toBe(true);
  });

  it('never opens a window; sends only allow-listed https links to the browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    guardWebContents(fake.contents, (url) => opened.push(url));
    const urls = [
      'https://medlineplus.gov/ency/article/003296.htm',
      'http://medlineplus.gov/',
      'https://medlineplus.gov.evil.example/',
      'https://user:pw@www.nhs.uk/',
      'https://www.nhs.uk:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
    ];
    for (const url of urls) expect(fake.open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://medlineplus.gov/ency/article/003296.htm']);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('denies every permission request and check', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers.device = h),
    } as unknown as Session;
    guardSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      handlers.request({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(handlers.check({}, permission, 'app://twitchscope', {})).toBe(false);
    }
    expect(handlers.device({ deviceType: 'usb' })).toBe(false);
  });
});
