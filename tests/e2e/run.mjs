#!/usr/bin/env node
/**
 * Browser tests of the web build in headless Chromium: opens a sample and a vendor file, names sites,
 * reviews events with the keyboard, and checks that counts and the by-site chart follow; analyses three dated
 * recordings into the library, tags one, and checks the trend charts, the comparison and "Locate…". Saves screenshots
 * to tests/e2e/screenshots/. Any console error fails the scenario it happened in.
 *
 *   node tests/e2e/run.mjs [--no-build] [--headed]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shots = join(root, 'tests/e2e/screenshots');
mkdirSync(shots, { recursive: true });
const args = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

function startServer() {
  return new Promise((resolveUrl, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/web.mjs'), '--port', '0', '--quiet', ...(args.includes('--no-build') ? ['--no-build'] : [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d) => {
      out += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolveUrl({ url: m[0], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`web server exited (${code}) before it printed its address:\n${out}`)));
  });
}

function pickSample() {
  if (process.env.E2E_SAMPLE) return process.env.E2E_SAMPLE;
  const dir = join(root, 'samples');
  const csv = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort() : [];
  if (csv.length === 0) throw new Error('no samples/*.csv to open');
  const best = csv.find((f) => /calf|rest|twitch/i.test(f)) ?? csv[0];
  return best.replace(/\.csv$/, '');
}

function pickVendorFile() {
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
async function writeBigCsv(path, channels, rate, seconds) {
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

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function totalTwitches(page) {
  return Number(await page.getByTestId('total-twitches').textContent());
}

async function siteBars(page) {
  return page.$$eval('[data-testid="site-bar"]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-site'), Number(e.getAttribute('data-count'))])));
}

async function waitFor(fn, what, timeout = 20_000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openSelectedOnlyTwitches(page) {
  for (const label of ['Sustained', 'Artifact', 'Movement']) {
    const box = page.locator('.events-filter label', { hasText: label }).locator('input');
    if (await box.isChecked()) await box.uncheck();
  }
}

const scenarios = [];
const scenario = (name, fn) => scenarios.push({ name, fn });

scenario('start screen lists the bundled samples and opens one', async ({ page, url }) => {
  await page.goto(url);
  await page.getByTestId('start-screen').waitFor();
  assert((await page.getByTestId('samples').locator('button').count()) > 0, 'no sample buttons on the start screen');
  await page.screenshot({ path: join(shots, '01-start.png') });
  await page.getByTestId('samples').locator('button').first().click();
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
});

scenario('sample: import check, site, keyboard review, reject, add, undo, results', async ({ page, url }) => {
  const sample = pickSample();
  await page.goto(`${url}?sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(shots, '02-import-check.png'), fullPage: true });

  const siteSelects = page.locator('[data-testid$="-site"][data-testid^="site-"]');
  assert((await siteSelects.count()) > 0, 'no site selects in the import check');
  const firstSelect = siteSelects.first();
  const channelId = (await firstSelect.getAttribute('data-testid')).replace(/^site-/, '').replace(/-site$/, '');
  await firstSelect.selectOption('thigh');
  await page.getByTestId(`site-${channelId}-side`).selectOption('left');
  await page.getByTestId('analyse').click();
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.locator(`[data-testid="trace-site-${channelId}"]`, { hasText: 'left thigh' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '03-timeline.png') });

  const before = await totalTwitches(page);
  assert(before > 0, `the sample shows no twitches (total ${before}); detection or the sample changed`);
  await openSelectedOnlyTwitches(page);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  const selected = page.locator('[data-testid="event-row"][aria-selected="true"]');
  await selected.waitFor();
  const firstTime = await selected.locator('td').first().textContent();
  await page.keyboard.press('p');
  await waitFor(async () => (await selected.locator('td').first().textContent()) !== firstTime, 'previous event to be selected');
  await page.keyboard.press('n');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '04-timeline-twitch.png') });

  await page.keyboard.press('x');
  await waitFor(async () => (await totalTwitches(page)) === before - 1, 'twitch count to drop after reject');
  assert((await selected.getAttribute('data-review')) === 'rejected', 'selected row is not marked rejected');

  await page.keyboard.press('n');
  await page.keyboard.press('c');
  await waitFor(async () => (await page.locator('[data-testid="event-row"][data-review="confirmed"]').count()) >= 1, 'a confirmed row');

  // Add a missed twitch: a click in add mode lands on the trace's largest deviation nearby.
  await page.keyboard.press('0');
  const trace = page.getByTestId(`trace-${channelId}`).locator('.u-over');
  await page.keyboard.press('a');
  const boxA = await trace.boundingBox();
  await trace.click({ position: { x: boxA.width * 0.37, y: boxA.height / 2 } });
  await waitFor(async () => (await totalTwitches(page)) === before, 'twitch count to rise after adding one');
  assert((await page.locator('[data-testid="event-row"][data-review="added"]').count()) === 1, 'no added row in the event list');

  await page.getByTestId('tab-results').click();
  const barsAfterAdd = await siteBars(page);
  assert('left thigh' in barsAfterAdd, `by-site chart has no "left thigh" bar: ${JSON.stringify(barsAfterAdd)}`);

  await page.keyboard.press('Control+z');
  await waitFor(async () => (await totalTwitches(page)) === before - 1, 'undo to remove the added twitch');
  const barsAfterUndo = await siteBars(page);
  const changed = Object.keys(barsAfterAdd).some((k) => barsAfterAdd[k] !== barsAfterUndo[k]);
  assert(changed, `by-site chart did not change after undo: ${JSON.stringify(barsAfterAdd)} vs ${JSON.stringify(barsAfterUndo)}`);
  await page.keyboard.press('Control+Shift+z');
  await waitFor(async () => (await totalTwitches(page)) === before, 'redo to restore the added twitch');

  await page.getByTestId('tab-sites').click();
  await page.getByTestId(`site-${channelId}-site`).selectOption('calf');
  await page.getByTestId('tab-results').click();
  const relabelled = await siteBars(page);
  assert('left calf' in relabelled && !('left thigh' in relabelled), `site change not reflected: ${JSON.stringify(relabelled)}`);
  await page.screenshot({ path: join(shots, '05-results.png'), fullPage: true });

  await page.getByTestId('save-status').filter({ hasText: 'Work saved' }).waitFor();
  await page.reload();
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  await page.getByTestId('notice').filter({ hasText: 'Restored' }).waitFor();
  await page.getByTestId('analyse').click();
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  assert((await totalTwitches(page)) === before, 'restored work does not give the reviewed count');
  const restoredSite = await page.getByTestId(`trace-site-${channelId}`).textContent();
  assert(restoredSite === 'left calf', `restored site is "${restoredSite}", not the last one chosen`);

  // Lowest sensitivity re-runs detection (no re-import) and can only keep or lower the count.
  await page.getByTestId('sensitivity').fill('0');
  await page.locator('.counts', { hasText: 'Sensitivity 0 %' }).waitFor();
  await page.waitForTimeout(500);
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 120_000 });
  const strict = await totalTwitches(page);
  assert(strict <= before, `lower sensitivity raised the count (${before} -> ${strict})`);
  await page.getByTestId('sensitivity').fill('1');
  await page.locator('.counts', { hasText: 'Sensitivity 100 %' }).waitFor();
  await page.waitForTimeout(500);
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 120_000 });
  const loose = await totalTwitches(page);
  assert(loose >= strict, `higher sensitivity lowered the count (${strict} -> ${loose})`);
});

scenario('zoomed-in view of one twitch', async ({ page, url }) => {
  const sample = pickSample();
  await page.goto(`${url}?sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await openSelectedOnlyTwitches(page);
  await page.locator('[data-testid="event-row"]').first().click();
  for (let i = 0; i < 2; i++) await page.getByTestId('zoom-in').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '06-twitch-zoomed-in.png') });
});

scenario('vendor file through the file input, exports', async ({ page, url }) => {
  const file = pickVendorFile();
  await page.goto(url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(file);
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  const format = await page.getByTestId('format').textContent();
  assert(format && !/generic/i.test(format), `vendor file read as "${format}"`);
  await page.screenshot({ path: join(shots, '07-vendor-import-check.png'), fullPage: true });

  // Correcting a guess: a column marked "not analysed" and the file read again leaves one channel fewer.
  const analyseLabel = async () => Number(/(\d+)/.exec(await page.getByTestId('analyse').textContent())?.[1]);
  const channelsBefore = await analyseLabel();
  await page.locator('select[aria-label^="Type of"]').first().selectOption('other');
  await page.getByTestId('reimport').click();
  await waitFor(async () => (await analyseLabel()) === channelsBefore - 1, 'one analysed channel fewer after the correction');
  await page.getByTestId('analyse').click();
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '08-vendor-timeline.png') });

  await page.getByTestId('export').click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csvText = await readFile(await csv.path(), 'utf8');
  assert(csvText.startsWith('channel,site,type'), 'events CSV has no header');
  await page.getByTestId('export').click();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert(doc.schema === 'twitchscope.analysis/1', 'analysis JSON has the wrong schema');
  await page.getByTestId('export').click();
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-pdf').click()]);
  const head = (await readFile(await pdf.path())).subarray(0, 5).toString('latin1');
  assert(head === '%PDF-', 'PDF export is not a PDF');
});

scenario('recent files reopen; a dropped file opens', async ({ page, url }) => {
  await page.goto(url);
  const recent = page.getByTestId('recent-files').locator('button');
  await recent.first().waitFor();
  const name = await recent.first().locator('span').first().textContent();
  await recent.first().click();
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  assert((await page.getByTestId('file-name').textContent()) === name, 'recent file did not reopen');

  await page.evaluate(() => {
    const csv = '# rate_hz = 1000\ntime_s,left forearm EMG (uV)\n' + Array.from({ length: 5000 }, (_, i) => `${(i / 1000).toFixed(3)},${(Math.sin(i) * 5).toFixed(2)}`).join('\n');
    const dt = new DataTransfer();
    dt.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    const app = document.querySelector('.app');
    app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.getByTestId('file-name').filter({ hasText: 'dropped.csv' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('import-check').waitFor();
});

scenario('a long import can be cancelled and the window stays responsive', async ({ page, url, tmp }) => {
  const big = join(tmp, 'long-8ch.csv');
  await writeBigCsv(big, 8, 2000, 60);
  await page.goto(url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(big);
  await page.getByTestId('progress').waitFor();
  // The UI thread answers while the worker reads: a frame is rendered within a few hundred ms.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
  const frameMs = Date.now() - t0;
  assert(frameMs < 500, `the window froze for ${frameMs} ms during import`);
  await page.getByTestId('cancel').click();
  await page.getByTestId('progress').waitFor({ state: 'detached' });
  await page.getByTestId('start-screen').waitFor();
  assert((await page.getByTestId('error').count()) === 0, 'cancelling showed an error');
});

scenario('an unreadable file is explained, not crashed on', async ({ page, url, tmp }) => {
  const { writeFile } = await import('node:fs/promises');
  const bad = join(tmp, 'photo.csv');
  await writeFile(bad, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  await page.goto(url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(bad);
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 30_000 });
  const text = await error.textContent();
  assert(/photo\.csv/.test(text) && /text/i.test(text), `unhelpful error: ${text}`);
  await page.getByTestId('start-screen').waitFor();
});

scenario('dark theme timeline', async ({ page, url }) => {
  const sample = pickSample();
  await page.goto(`${url}?sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.getByTestId('theme').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '09-timeline-dark.png') });
  await page.getByTestId('theme').click();
});

/** Writes the three dated recordings of one site (tests/e2e/trend-recordings.ts) into `dir`; returns their paths. */
function writeTrendRecordings(dir) {
  const out = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/e2e/trend-recordings.ts'), dir], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`could not write the trend recordings:\n${out.stderr}`);
  return out.stdout.trim().split('\n').map((f) => join(dir, f));
}

scenario('library: three recordings of one site, a tag, the trend chart and the comparison', async ({ page, url, tmp }) => {
  const dir = join(tmp, 'trend');
  mkdirSync(dir, { recursive: true });
  const files = writeTrendRecordings(dir);
  const site = 'right shin';
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    await page.goto(url);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
    await chooser.setFiles(file);
    await page.getByTestId('analyse').click({ timeout: 60_000 });
    await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
    // The analysis enters the library a moment after it shows.
    await page.getByTestId('library-button').click();
    await page.locator(`[data-testid="library-row"][data-name="${name}"]`).waitFor({ timeout: 10_000 });
  }

  await page.getByTestId('library-search').fill(site);
  const rows = page.locator('[data-testid="library-row"]');
  await waitFor(async () => (await rows.count()) === 3, `three library rows for "${site}"`);
  await page.getByTestId('sort-startTime').click();
  const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  assert(names.join() === 'shin-week1.csv,shin-week2.csv,shin-week3.csv', `rows not in date order after sorting: ${names.join()}`);

  const week2 = page.locator('[data-testid="library-row"][data-name="shin-week2.csv"]');
  await week2.getByTestId('edit-tags').click();
  await page.getByTestId('tag-caffeine').check();
  await page.getByTestId('tag-free').fill('long walk');
  await page.getByTestId('tag-save').click();
  await waitFor(async () => (await week2.getByTestId('row-tags').textContent()) === 'caffeine, long walk', 'the tags on the second recording');
  await page.getByTestId('library-search').fill('');
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(shots, '10-library.png') });

  await page.getByTestId('library-tab-trends').click();
  const chart = page.getByTestId('trend-rate-chart');
  await chart.waitFor();
  const points = chart.locator(`[data-testid="trend-point"][data-series="${site}"]`);
  assert((await points.count()) === 3, `the rate chart has ${await points.count()} points for ${site}, not 3`);
  const rates = (await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value')))));
  assert(rates[2] > 2 * rates[0] && rates[2] > 2 * rates[1], `the third recording's rate is not well above the others: ${rates.join(', ')}`);
  assert((await chart.getByTestId('tag-marker').count()) === 1, 'the rate chart does not show one tag marker');
  assert((await page.getByTestId('trend-sustained-chart').count()) === 1 && (await page.getByTestId('trend-spread-chart').count()) === 1, 'sustained or spread chart missing');

  // A series can be hidden from its legend, and shown again.
  const spread = page.getByTestId('trend-spread-chart');
  const recordedPoints = spread.locator('[data-testid="trend-point"][data-series="sites recorded"]');
  assert((await recordedPoints.count()) === 3, 'the spread chart does not show three "sites recorded" points');
  await spread.locator('[data-testid="legend-toggle"][data-series="sites recorded"]').click();
  await waitFor(async () => (await recordedPoints.count()) === 0, 'hiding "sites recorded" from the legend');
  await spread.locator('[data-testid="legend-toggle"][data-series="sites recorded"]').click();
  await waitFor(async () => (await recordedPoints.count()) === 3, 'showing "sites recorded" again');

  await page.getByTestId('compare-site').selectOption(site);
  const text = page.getByTestId('compare-text');
  await waitFor(async () => /^Higher in the 19 Jan recording/.test((await text.textContent()) ?? ''), 'the first-to-latest comparison to read "Higher in the 19 Jan recording"');
  assert(/95% interval/.test(await text.textContent()), 'the comparison gives no interval');
  // The library scrolls inside the window; a taller window shows all three charts and the comparison at once.
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '11-trends.png') });
  await page.getByTestId('theme').click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(shots, '11-trends-dark.png') });
  await page.getByTestId('theme').click();
  await page.setViewportSize({ width: 1440, height: 900 });

  // The first two weeks have about the same rate; the sentence must not call the small difference a change.
  const options = await page.getByTestId('compare-b').locator('option').evaluateAll((els) => els.map((e) => [e.value, e.textContent]));
  await page.getByTestId('compare-b').selectOption(options.find(([, t]) => t.includes('shin-week2.csv'))[0]);
  await waitFor(async () => (await text.getAttribute('data-verdict')) === 'same', 'week 1 against week 2 to read "about the same"');

  const [report] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('trend-report').click()]);
  const reportHead = (await readFile(await report.path())).subarray(0, 5).toString('latin1');
  assert(reportHead === '%PDF-', 'the trend report is not a PDF');

  await page.getByTestId('trend-filter').selectOption('without:caffeine');
  await waitFor(async () => (await points.count()) === 2, 'the tag filter to leave two points');
  await page.getByTestId('trend-filter').selectOption('');

  // Removing forgets the entry only; the same file re-opens from another row in one click.
  await page.getByTestId('library-tab-recordings').click();
  await page.locator('[data-testid="library-row"][data-name="shin-week1.csv"]').getByTestId('library-remove').click();
  await page.locator('[data-testid="library-row"][data-name="shin-week1.csv"]').waitFor({ state: 'detached' });
  await page.getByTestId('undo-remove').click();
  await page.locator('[data-testid="library-row"][data-name="shin-week1.csv"]').waitFor();
  await page.locator('[data-testid="library-row"][data-name="shin-week1.csv"]').getByTestId('library-remove').click();
  await page.locator('[data-testid="library-row"][data-name="shin-week1.csv"]').waitFor({ state: 'detached' });
  await page.locator('[data-testid="library-row"][data-name="shin-week3.csv"]').getByTestId('library-open').click();
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  assert((await page.getByTestId('file-name').textContent()) === 'shin-week3.csv', 'the library did not re-open the file');
});

scenario('library: a recording whose stored file is gone shows as missing and is found again with Locate…', async ({ page, url, tmp }) => {
  const dir = join(tmp, 'locate');
  mkdirSync(dir, { recursive: true });
  const [, week2, week3] = writeTrendRecordings(dir);
  await page.goto(url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(week2);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.getByTestId('library-button').click();
  const row = page.locator('[data-testid="library-row"][data-name="shin-week2.csv"]');
  await row.waitFor({ timeout: 10_000 });
  assert((await row.getAttribute('data-missing')) === 'false', 'a file just analysed is shown as missing');

  // What a browser has of the file is its stored copy; without it the file is gone as far as the app can tell.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('twitchscope');
        req.onsuccess = () => {
          const tx = req.result.transaction('files', 'readwrite');
          const store = tx.objectStore('files');
          const keys = store.getAllKeys();
          keys.onsuccess = () => keys.result.filter((k) => String(k).startsWith('shin-week2.csv|')).forEach((k) => store.delete(k));
          tx.oncomplete = () => resolve(undefined);
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
  await page.getByTestId('library-button').click();
  await page.getByTestId('library-button').click();
  await waitFor(async () => (await row.getAttribute('data-missing')) === 'true', 'the row to be shown as missing');
  await row.getByTestId('missing').waitFor();
  await page.screenshot({ path: join(shots, '12-library-missing.png') });

  const [wrong] = await Promise.all([page.waitForEvent('filechooser'), row.getByTestId('locate').click()]);
  await wrong.setFiles(week3);
  await page.getByTestId('notice').filter({ hasText: 'is not the same recording' }).waitFor({ timeout: 10_000 });
  assert((await row.getAttribute('data-missing')) === 'true', 'a different file was accepted by Locate…');

  const [right] = await Promise.all([page.waitForEvent('filechooser'), row.getByTestId('locate').click()]);
  await right.setFiles(week2);
  await waitFor(async () => (await row.getAttribute('data-missing')) === 'false', 'Locate… with the same file to clear "missing"');
  await row.getByTestId('library-open').click();
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  assert((await page.getByTestId('file-name').textContent()) === 'shin-week2.csv', 'the located file did not re-open');
});

let passed = 0;
let failed = 0;
const { url, child } = await startServer();
const profile = await mkdtemp(join(tmpdir(), 'twitchscope-e2e-'));
const work = await mkdtemp(join(tmpdir(), 'twitchscope-e2e-files-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: !args.includes('--headed'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  viewport: { width: 1440, height: 900 },
  acceptDownloads: true,
});
try {
  // E2E_ONLY=<part of a name> runs just the matching scenarios while working on them.
  for (const s of scenarios.filter((x) => !process.env.E2E_ONLY || x.name.includes(process.env.E2E_ONLY))) {
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const t0 = Date.now();
    try {
      await s.fn({ page, url, tmp: work });
      if (errors.length) throw new Error(`console errors:\n  ${errors.join('\n  ')}`);
      passed++;
      console.log(`ok    ${s.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed++;
      console.log(`FAIL  ${s.name}\n      ${String(err instanceof Error ? err.message : err).split('\n').join('\n      ')}`);
      await page.screenshot({ path: join(shots, `failed-${scenarios.indexOf(s) + 1}.png`) }).catch(() => undefined);
    } finally {
      await page.close();
    }
  }
} finally {
  await context.close();
  child.kill();
  await rm(profile, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
