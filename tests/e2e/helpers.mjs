/**
 * What the browser scenarios share: where the app and the screenshots are, the recordings they write, and
 * small waits and checks. The scenarios themselves are the `*.e2e.mjs` files beside this one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const shots = join(root, 'tests/e2e/screenshots');
mkdirSync(shots, { recursive: true });

export function pickSample() {
  if (process.env.E2E_SAMPLE) return process.env.E2E_SAMPLE;
  const dir = join(root, 'samples');
  const csv = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort() : [];
  if (csv.length === 0) throw new Error('no samples/*.csv to open');
  const best = csv.find((f) => /calf|rest|twitch/i.test(f)) ?? csv[0];
  return best.replace(/\.csv$/, '');
}

export function pickVendorFile() {
  const candidates = [
    'tests/fixtures/delsys-trigno/truncated_trigno_sample.csv',
    'tests/fixtures/openbci-gui-raw/OpenBCI_GUI-v6-blinks-jawClench-alpha.txt',
  ];
  for (const c of candidates) {
    const p = resolve(root, c);
    if (existsSync(p)) return p;
  }
  throw new Error('no vendor fixture found');
}

/** A long 8-channel, 2 kHz recording written in blocks, so the test does not hold it in memory. */
export async function writeBigCsv(path, channels, rate, seconds) {
  const { createWriteStream } = await import('node:fs');
  const out = createWriteStream(path);
  const header = ['time_s', ...Array.from({ length: channels }, (_, i) => `ch${i + 1} calf EMG (uV)`)].join(',');
  out.write(`# rate_hz = ${rate}\n${header}\n`);
  const n = rate * seconds;
  for (let start = 0; start < n; start += 20000) {
    const lines = [];
    for (let i = start; i < Math.min(n, start + 20000); i++) {
      const row = [(i / rate).toFixed(4)];
      for (let c = 0; c < channels; c++) row.push(((((i * 7919 + c * 104729) % 2001) - 1000) / 100).toFixed(2));
      lines.push(row.join(','));
    }
    if (!out.write(lines.join('\n') + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

export function axeVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/axe-core/package.json'), 'utf8')).version;
}

/** Picks `file` through the Open button's file chooser, as a user does. */
export async function chooseFile(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(file);
}

/** Opens `file` from a fresh page, analyses it and waits for the timeline, as a user does. */
export async function openAndAnalyse(page, url, file, { analyse = 60_000, timeline = 120_000 } = {}) {
  await page.goto(url);
  await chooseFile(page, file);
  await page.getByTestId('analyse').click({ timeout: analyse });
  await page.getByTestId('timeline').waitFor({ timeout: timeline });
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function totalTwitches(page) {
  return Number(await page.getByTestId('total-twitches').textContent());
}

export async function siteBars(page) {
  return page.$$eval('[data-testid="site-bar"]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-site'), Number(e.getAttribute('data-count'))])));
}

export async function waitFor(fn, what, timeout = 20_000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Deletes what the app stored in one of its IndexedDB stores under keys that start with `prefix` (all by default). */
export async function deleteStored(page, store, prefix = '') {
  await page.evaluate(
    ([name, start]) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('twitchscope');
        req.onsuccess = () => {
          const tx = req.result.transaction(name, 'readwrite');
          const keys = tx.objectStore(name).getAllKeys();
          keys.onsuccess = () => keys.result.filter((k) => String(k).startsWith(start)).forEach((k) => tx.objectStore(name).delete(k));
          tx.oncomplete = () => resolve(undefined);
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    [store, prefix],
  );
}

/** Later scenarios open the same sample in the same profile: the review made here must not be restored there. */
export async function forgetSavedWork(page) {
  await page.getByTestId('save-status').filter({ hasText: 'Work saved' }).waitFor();
  await deleteStored(page, 'sidecars');
}

/** A German lab export: `;` between columns, decimal commas, time named "Zeit", channels named by number only. */
export async function writeGermanExport(path, seed) {
  const { writeFile } = await import('node:fs/promises');
  const rows = Array.from({ length: 6000 }, (_, i) => {
    const t = (i / 1000).toFixed(3).replace('.', ',');
    const burst = i > 2500 && i < 2560 ? 0.08 * Math.sin(i * 2.9) : 0;
    const a = (0.004 * Math.sin(i * 1.3 + seed) + 0.002 * Math.sin(i * 0.37) + burst).toFixed(5).replace('.', ',');
    const b = (0.003 * Math.cos(i * 2.1 + seed) + 0.001 * Math.sin(i * 0.11)).toFixed(5).replace('.', ',');
    return `${t};${a};${b}`;
  });
  await writeFile(path, `Zeit [s];Kanal 1;Kanal 2\n${rows.join('\n')}\n`);
}

/** Writes the three dated recordings of one site (tests/e2e/trend-recordings.ts) into `dir`; returns their paths. */
export function writeTrendRecordings(dir) {
  const out = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/e2e/trend-recordings.ts'), dir], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`could not write the trend recordings:\n${out.stderr}`);
  return out.stdout.trim().split('\n').map((f) => join(dir, f));
}

export function writeNoRateRecording(dir) {
  const out = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/e2e/no-rate-recording.ts'), dir], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`could not write the no-rate recording:\n${out.stderr}`);
  return join(dir, out.stdout.trim());
}

/**
 * A WebAssembly kernel's replay, from tests/e2e/band-pass-kernel.ts or tests/e2e/welch-kernel.ts: its bytes, memory
 * and calls, and the results they must leave (the JavaScript's bits).
 */
export function kernelReplay(script) {
  const out = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/e2e', script)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`could not make the ${script} replay:\n${out.stderr}`);
  return JSON.parse(out.stdout);
}

/**
 * Runs in a page or a worker (self-contained, for `evaluate`): compiles a kernel's module there, as the app's
 * code does, replays the calls on the same memory and counts the doubles that differ from the expected ones.
 * Returns `{ compiled: false, error }` where that realm refuses to compile WebAssembly.
 */
export function replayKernel({ bytes, memory, calls, regions, expected }) {
  const decode = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  let instance;
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(decode(bytes)));
  } catch (e) {
    return { compiled: false, error: String(e) };
  }
  const { exports } = instance;
  const initial = decode(memory);
  const grow = initial.length - exports.memory.buffer.byteLength;
  if (grow > 0) exports.memory.grow(Math.ceil(grow / 65536));
  new Uint8Array(exports.memory.buffer).set(initial);
  for (const [name, args] of calls) exports[name](...args);
  const differing = {};
  for (const [key, [offset, length]] of Object.entries(regions)) {
    const got = new Uint8Array(exports.memory.buffer, offset, 8 * length);
    const want = decode(expected[key]);
    let n = 0;
    for (let i = 0; i < want.length; i += 8) if (got.subarray(i, i + 8).some((v, j) => v !== want[i + j])) n++;
    differing[key] = n;
  }
  return { compiled: true, differing };
}

/** Writes the dated 4.5-hour overnight recording (tests/e2e/night-recording.ts) into `dir`; returns its path. */
export function writeNightRecording(dir) {
  const out = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/e2e/night-recording.ts'), dir], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`could not write the overnight recording:\n${out.stderr}`);
  return join(dir, out.stdout.trim());
}
