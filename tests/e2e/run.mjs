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
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { axeBothThemes, axeLog, axeSelfTest, focused, tabUntil } from './a11y.mjs';

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

function axeVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/axe-core/package.json'), 'utf8')).version;
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

/** Later scenarios open the same sample in the same profile: the review made here must not be restored there. */
async function forgetSavedWork(page) {
  await page.getByTestId('save-status').filter({ hasText: 'Work saved' }).waitFor();
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('twitchscope');
        req.onsuccess = () => {
          const tx = req.result.transaction('sidecars', 'readwrite');
          tx.objectStore('sidecars').clear();
          tx.oncomplete = () => resolve(undefined);
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

/**
 * A page in a browser of its own, for scenarios that add to the library: the shared profile's library is
 * what the library scenarios count and re-open.
 */
async function isolated(fn, options = {}) {
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, ...options });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await fn(page);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
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

scenario('accessibility: axe on every screen and dialog, in both themes', ({ url, tmp }) => isolated(async (page) => {
  await page.goto(url);
  await page.getByTestId('start-screen').waitFor();
  await axeSelfTest(page);
  await axeBothThemes(page, 'start screen');
  const dir = join(tmp, 'axe');
  mkdirSync(dir, { recursive: true });
  const [, , week3] = writeTrendRecordings(dir);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(week3);
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  await axeBothThemes(page, 'import check');
  await page.getByTestId('analyse').click();
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.keyboard.press('n');
  await axeBothThemes(page, 'timeline');
  await page.keyboard.press('?');
  await page.getByTestId('shortcuts-dialog').waitFor();
  await axeBothThemes(page, 'shortcuts dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('export').click();
  await axeBothThemes(page, 'export menu');
  await page.keyboard.press('Escape');
  for (const tab of ['results', 'sites', 'guidance']) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(100);
    await axeBothThemes(page, tab);
  }
  await page.getByTestId('library-button').click();
  await page.locator('[data-testid="library-row"]').first().waitFor({ timeout: 10_000 });
  await axeBothThemes(page, 'library');
  await page.getByTestId('edit-tags').first().click();
  await axeBothThemes(page, 'library tag editor');
  await page.getByTestId('library-tab-trends').click();
  await page.waitForTimeout(200);
  await axeBothThemes(page, 'trends');
  // The progress dialog, caught while a long file is read.
  const big = join(tmp, 'axe-long.csv');
  await writeBigCsv(big, 4, 2000, 60);
  await page.goto(url);
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser2.setFiles(big);
  await page.getByTestId('progress').waitFor();
  await axeBothThemes(page, 'progress dialog');
  // Escape cancels, as the dialog says; the read may have finished meanwhile, which is fine too.
  await page.keyboard.press('Escape');
  await page.getByTestId('progress').waitFor({ state: 'detached' });
}));

scenario('keyboard only: open a sample, review 5 events with announcements, export; focus after each step', async ({ page, url }) => {
  await page.goto(url);
  await page.getByTestId('start-screen').waitFor();
  const sample = pickSample();
  await tabUntil(page, (f) => f.testid === `sample-${sample}`, `the "${sample}" sample button`);
  await page.keyboard.press('Enter');
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  await waitFor(async () => (await focused(page)).heading, 'focus on the import check heading');
  assert(/Check the import/.test((await focused(page)).text), `focus after import is on "${(await focused(page)).text}"`);

  await tabUntil(page, (f) => f.testid === 'analyse', 'the Analyse button');
  await page.keyboard.press('Enter');
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await waitFor(async () => (await focused(page)).heading, 'focus on the review heading after analysis');

  // The event list is one tab stop, a few Tabs from the heading.
  const tabs = await tabUntil(page, (f) => f.testid === 'event-grid', 'the event list', { max: 20 });
  assert(tabs <= 12, `the event list is ${tabs} Tabs from the heading`);
  const announced = () => page.$$eval('[data-testid^="announcer"]', (els) => els.map((e) => e.textContent).join(''));
  const progress = async () => (await page.getByTestId('review-progress').textContent()).trim();
  const start = Number(/^(\d+)/.exec(await progress())[1]);
  // Three events from the list (selection follows focus), two with N from the list.
  await page.keyboard.press('ArrowDown');
  const steps = ['c', 'x', 'c', 'x', 'c'];
  for (let i = 0; i < steps.length; i++) {
    if (i > 0 && i < 3) await page.keyboard.press('ArrowDown');
    if (i >= 3) await page.keyboard.press('n');
    const f = await focused(page);
    assert(f.testid === 'event-grid', `focus left the event list at step ${i + 1}: ${JSON.stringify(f)}`);
    const row = page.locator('[data-testid="event-row"][aria-selected="true"]');
    await row.waitFor();
    if (i < 3) assert((await row.getAttribute('id')) === f.activeRow, `step ${i + 1}: the selected row is not the focused one`);
    await page.keyboard.press(steps[i]);
    const word = steps[i] === 'c' ? 'confirmed' : 'rejected';
    await waitFor(async () => new RegExp(`${word}, ${start + i + 1} of \\d+ reviewed`).test(await announced()), `the announcement "${word}, ${start + i + 1} of … reviewed" (heard: "${await announced()}")`);
    assert((await row.getAttribute('data-review')) === word, `step ${i + 1}: the row is not ${word}`);
  }
  assert(Number(/^(\d+)/.exec(await progress())[1]) === start + 5, `the progress count reads ${await progress()}`);

  // Export by keyboard: the menu opens on its first item, and focus comes back to its button.
  await tabUntil(page, (f) => f.testid === 'export', 'the Export button', { back: true });
  await page.keyboard.press('Enter');
  await waitFor(async () => (await focused(page)).testid === 'export-pdf', 'focus on the first export item');
  await page.keyboard.press('ArrowDown');
  assert((await focused(page)).testid === 'export-csv', 'ArrowDown did not reach "Events as CSV"');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert((await readFile(await csv.path(), 'utf8')).startsWith('channel,site,type'), 'the keyboard export is not the events CSV');
  assert((await focused(page)).testid === 'export', `focus after export is on ${JSON.stringify(await focused(page))}`);

  // A dialog keeps focus, Escape closes it, and no review key acts behind it.
  await page.keyboard.press('?');
  await page.getByTestId('shortcuts-dialog').waitFor();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  assert(await page.evaluate(() => document.querySelector('[data-testid="shortcuts-dialog"]').contains(document.activeElement)), 'Tab left the shortcuts dialog');
  const reviewedBefore = await progress();
  await page.keyboard.press('n');
  await page.keyboard.press('x');
  assert((await progress()) === reviewedBefore, 'a review key acted behind the dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('shortcuts-dialog').waitFor({ state: 'detached' });
  assert((await focused(page)).testid === 'export', `focus after closing the dialog is on ${JSON.stringify(await focused(page))}`);

  // With single-key shortcuts off, letters do nothing; with "Alt", Alt+C confirms.
  await page.keyboard.press('?');
  await page.getByTestId('shortcut-mode-off').check();
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await page.waitForTimeout(100);
  assert((await progress()) === reviewedBefore, 'progress moved with shortcuts off');
  await page.getByTestId('shortcuts-close').waitFor({ state: 'detached' });
  await page.keyboard.press('?');
  await page.waitForTimeout(100);
  assert((await page.getByTestId('shortcuts-dialog').count()) === 0, '"?" opened the dialog with single-key shortcuts off');
  await page.evaluate(() => localStorage.setItem('twitchscope.shortcuts', 'single'));
  await forgetSavedWork(page);
});

scenario('event list sorted from the keyboard, still one tab stop: Up to the headers, Left/Right, Enter', async ({ page, url }) => {
  await page.goto(`${url}?sample=${pickSample()}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  const grid = page.getByTestId('event-grid');
  const announced = () => page.$$eval('[data-testid^="announcer"]', (els) => els.map((e) => e.textContent).join(''));
  const activeId = () => grid.getAttribute('aria-activedescendant');
  const sizes = () => page.$$eval('[data-testid="event-row"][data-type="twitch"]', (els) => els.map((e) => Number(e.getAttribute('data-size'))));
  await grid.focus();
  await page.keyboard.press('Home');
  await waitFor(async () => (await activeId()) === 'grp-twitch', 'the first row (the twitch group) to be current');

  // Up from the first row reaches the header of the column the list is sorted by; Right moves along.
  await page.keyboard.press('ArrowUp');
  await waitFor(async () => (await activeId()) === 'evhead-time', `the Time header to be current (is ${await activeId()})`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert((await activeId()) === 'evhead-size', `Right twice lands on ${await activeId()}, not the size header`);
  await page.keyboard.press('Enter');
  await waitFor(async () => (await grid.getAttribute('data-sort')) === 'size asc', 'Enter to sort by size');
  await waitFor(async () => /sorted by class and size, smallest first/.test(await announced()), `the new order to be announced (heard "${await announced()}")`);
  const up = await sizes();
  assert(up.length >= 3 && up.every((s, i) => i === 0 || s >= up[i - 1]), `twitches not smallest first: ${up.join(', ')}`);
  assert((await page.getByTestId('event-sort-size').getAttribute('aria-sort')) === 'ascending', 'the size header does not say ascending');
  await page.screenshot({ path: join(shots, '26-sorted-by-keyboard.png') });
  await page.keyboard.press('Enter');
  await waitFor(async () => (await grid.getAttribute('data-sort')) === 'size desc', 'Enter again to turn the order round');
  const down = await sizes();
  assert(down.every((s, i) => i === 0 || s <= down[i - 1]), `twitches not largest first: ${down.join(', ')}`);

  // Down goes back to the rows: the largest twitch is reached in two steps and the review keys act on it.
  await page.keyboard.press('ArrowDown');
  await waitFor(async () => (await activeId()) === 'grp-twitch', 'Down to go back to the first row');
  await page.keyboard.press('ArrowDown');
  const row = page.locator('[data-testid="event-row"][aria-selected="true"]');
  await row.waitFor();
  assert(Number(await row.getAttribute('data-size')) === down[0], 'the row after the group is not the largest twitch');
  await page.keyboard.press('c');
  await waitFor(async () => (await row.getAttribute('data-review')) === 'confirmed', 'C to confirm the largest twitch');

  // Still one tab stop: the headers take no Tab, and Tab leaves the list.
  assert((await page.$$eval('.events-table th button', (bs) => bs.filter((b) => b.tabIndex >= 0).length)) === 0, 'a sort header is in the tab order');
  await page.keyboard.press('Tab');
  assert(!(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="event-grid"]'))), 'Tab stayed in the event list');
});

scenario('reflow: at 720×450 CSS px (200 % zoom) each trace plot is at least 300 px wide, nothing cut off', async ({ url }) => {
  // A 1440×900 window at 200 % zoom: 720×450 CSS px drawn at two device pixels each.
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const small = await browser.newContext({ viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 });
  const p = await small.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  try {
    const sample = pickSample();
    await p.goto(`${url}?sample=${encodeURIComponent(sample)}`);
    await p.getByTestId('analyse').click({ timeout: 60_000 });
    await p.getByTestId('timeline').waitFor({ timeout: 120_000 });
    await p.waitForTimeout(400);
    const m = await p.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const plots = [...document.querySelectorAll('.trace-plot')].map((e) => Math.round(e.getBoundingClientRect().width));
      // Anything a person reads or operates must lie within the window's width: no sideways scrolling.
      const cut = [...document.querySelectorAll('button, select, input, .legend > span, .trace-label span, .counts span, h1, h2')]
        .filter((e) => e.getClientRects().length > 0 && !e.closest('.sr-only'))
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.left < -0.5 || r.right > vw + 0.5)
        .map(({ e }) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').trim().slice(0, 30)}`);
      const clipped = [...document.querySelectorAll('.legend, .counts, .zoombar, .toolbar, .tablist')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className);
      return { vw, plots, cut, clipped, sideways: document.documentElement.scrollWidth > vw + 1 };
    });
    assert(m.vw === 720, `the window is ${m.vw} CSS px wide, not 720`);
    assert(m.plots.length > 0 && m.plots.every((w) => w >= 300), `trace plot widths at 720×450: ${m.plots.join(', ')} px`);
    assert(m.cut.length === 0, `cut off at the window's edge: ${m.cut.join('; ')}`);
    assert(m.clipped.length === 0, `content clipped inside: ${m.clipped.join(', ')}`);
    assert(!m.sideways, 'the page scrolls sideways at 720 px');
    console.log(`      trace plots at 720×450 CSS px: ${m.plots.join(', ')} px`);
    await p.screenshot({ path: join(shots, '20-zoom200-timeline.png') });
    await p.getByTestId('event-list').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(shots, '21-zoom200-events.png') });
    await p.keyboard.press('?');
    const close = p.getByTestId('shortcuts-close');
    await close.scrollIntoViewIfNeeded();
    const box = await close.boundingBox();
    assert(box && box.y >= 0 && box.y + box.height <= 450, `the dialog's Close button is out of reach at 200 %: ${JSON.stringify(box)}`);
    await p.screenshot({ path: join(shots, '22-zoom200-shortcuts.png') });
    await p.keyboard.press('Escape');
    await p.getByTestId('tab-results').click();
    await p.waitForTimeout(200);
    await p.screenshot({ path: join(shots, '23-zoom200-results.png') });
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
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
  // The add hint takes room above the traces, so they are laid out (and their plots rebuilt) once more first.
  await page.getByTestId('add-hint').waitFor();
  const boxA = await waitFor(() => trace.boundingBox(), 'the trace to be laid out again in add mode');
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

scenario('review as EDFbrowser users expect: heartbeats grouped, N on twitches, progress, gain keys, paging, agreement', async ({ page, url }) => {
  await page.goto(`${url}?sample=back-emg-ecg`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  const ecg = page.locator('[data-testid="event-group"][data-group="artifact:ecg"]');
  await ecg.waitFor();
  const beats = Number(await ecg.getAttribute('data-count'));
  assert(beats >= 50, `the heartbeat group holds ${beats} beats`);
  assert(/^Heartbeat: \d+ beats set aside/.test((await ecg.textContent()).replace(/^\W+/, '')), `heartbeat group reads "${await ecg.textContent()}"`);
  assert((await page.locator('[data-testid="event-row"][data-type="artifact"]').count()) === 0, 'heartbeats are listed one by one before the group is opened');
  await page.screenshot({ path: join(shots, '13-heartbeats-grouped.png') });

  const progress = async () => (await page.getByTestId('review-progress').textContent()).trim();
  const [r0, total] = /^(\d+) of (\d+)$/.exec(await progress()).slice(1).map(Number);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  const selected = page.locator('[data-testid="event-row"][aria-selected="true"]');
  await selected.waitFor();
  assert((await selected.getAttribute('data-type')) === 'twitch', `N landed on a ${await selected.getAttribute('data-type')}, not a twitch`);
  await page.keyboard.press('c');
  await waitFor(async () => (await progress()) === `${r0 + 1} of ${total}`, `the progress count to read ${r0 + 1} of ${total} (reads ${await progress()})`);
  await page.keyboard.press('u');
  await page.keyboard.press('x');
  await waitFor(async () => (await progress()) === `${r0 + 2} of ${total}`, 'the progress count to move again after U and X');

  // Gain: ] halves the µV per division or so (larger traces), [ goes back; the drawn y range follows.
  const trace = page.locator('.trace-plot').first();
  const yMax = async () => Number(await trace.getAttribute('data-y-max'));
  const g0 = await yMax();
  await page.keyboard.press(']');
  await waitFor(async () => (await yMax()) < g0, `"]" to shrink the y range from ±${g0}`);
  const g1 = await yMax();
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await waitFor(async () => (await yMax()) > g0, `"[" twice to widen the y range past ±${g0}`);
  console.log(`      EMG y range: ±${g0} µV, after ] ±${g1} µV, after [ [ ±${await yMax()} µV`);
  await page.keyboard.press(']');
  await page.screenshot({ path: join(shots, '14-gain.png') });

  // Paging by the set span.
  await page.getByTestId('page-length').selectOption('5');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('0');
  const view = async () => {
    const tl = page.getByTestId('timeline');
    return [Number(await tl.getAttribute('data-view-t0')), Number(await tl.getAttribute('data-view-t1'))];
  };
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await waitFor(async () => {
    const [a, b] = await view();
    return Math.abs(a - 10) < 1e-6 && Math.abs(b - 15) < 1e-6;
  }, `two PgDn of 5 s from the start to show 10-15 s (shows ${(await view()).join('-')})`);
  await page.keyboard.press('PageUp');
  await waitFor(async () => Math.abs((await view())[0] - 5) < 1e-6, 'PgUp to go back 5 s');
  await page.screenshot({ path: join(shots, '15-paged.png') });

  // Measurement cursors: two clicks on one trace give the time and amplitude between them.
  await page.keyboard.press('m');
  const plot = page.locator('.trace-plot .u-over').first();
  const pb = await plot.boundingBox();
  const readout = page.getByTestId('measure-readout');
  await plot.click({ position: { x: pb.width * 0.25, y: pb.height * 0.3 } });
  await waitFor(async () => /second point/.test(await readout.textContent()), `the first cursor (read "${await readout.textContent()}")`);
  await plot.click({ position: { x: pb.width * 0.75, y: pb.height * 0.6 } });
  await waitFor(async () => /^Δt 2\.500 s · Δ \d/.test(await readout.textContent()), `the cursors to read Δt 2.500 s (read "${await readout.textContent()}")`);
  await page.screenshot({ path: join(shots, '15b-cursors.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-results').click();
  const agreement = page.getByTestId('agreement');
  await agreement.waitFor();
  assert(/\d+ detected: 1 confirmed, 1 rejected, \d+ not checked; 0 added/.test(await agreement.textContent()), `agreement line reads "${await agreement.textContent()}"`);
  await page.screenshot({ path: join(shots, '16-results-agreement.png'), fullPage: true });
  await forgetSavedWork(page);
});

scenario('a sustained span: listed at onset with its length, selected whole, its edge dragged and the drag undone; add hint and floor warning', async ({ page, url }) => {
  await page.goto(`${url}?sample=${encodeURIComponent(pickSample())}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  // Closing the twitches brings the sustained group into view.
  await page.locator('[data-testid="event-group"][data-group="twitch"]').click();
  const row = page.locator('[data-testid="event-row"][data-type="sustained"]').first();
  await row.click();
  const start0 = Number(await row.getAttribute('data-start'));
  const end0 = Number(await row.getAttribute('data-end'));
  assert(/Sustained \d/.test(await row.textContent()), `the sustained row gives no length: "${await row.textContent()}"`);
  const tl = page.getByTestId('timeline');
  const [v0, v1] = [Number(await tl.getAttribute('data-view-t0')), Number(await tl.getAttribute('data-view-t1'))];
  assert(v0 < start0 && v1 > end0, `selecting the span shows ${v0}-${v1}, not all of ${start0}-${end0}`);

  const over = page.locator('.trace-plot .u-over').first();
  const box = await over.boundingBox();
  const xOf = (t) => box.x + ((t - v0) / (v1 - v0)) * box.width;
  await page.mouse.move(xOf(start0), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(xOf(start0) + 30, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await waitFor(async () => Number(await row.getAttribute('data-start')) > start0 + 0.05, `the span's start to move right of ${start0} (is ${await row.getAttribute('data-start')})`);
  console.log(`      sustained span start ${start0.toFixed(3)} s dragged to ${Number(await row.getAttribute('data-start')).toFixed(3)} s`);
  await page.screenshot({ path: join(shots, '17-span-dragged.png') });
  await page.keyboard.press('Control+z');
  await waitFor(async () => Number(await row.getAttribute('data-start')) === start0, 'undo to put the span start back');

  // Channels can be moved and hidden; the list and the counts keep them.
  const order = () => page.locator('.trace-plot').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  const before = await order();
  await page.getByRole('button', { name: /^Move .* down$/ }).first().click();
  await waitFor(async () => (await order()).join() === [...before].reverse().join(), `moving the first trace down (order ${(await order()).join()})`);
  await page.locator('[data-testid^="hide-"]').first().click();
  await waitFor(async () => (await order()).length === before.length - 1, 'hiding a trace');
  await page.getByTestId('show-all-channels').click();
  await waitFor(async () => (await order()).length === before.length, 'showing the hidden trace again');
  await page.getByRole('button', { name: /^Move .* down$/ }).first().click();
  await waitFor(async () => (await order()).join() === before.join(), 'moving it back');

  // Add mode says what to do; a click on flat noise adds a twitch with a warning that it is below the floor.
  await page.keyboard.press('0');
  await page.keyboard.press('a');
  await page.getByTestId('add-hint').waitFor();
  await page.screenshot({ path: join(shots, '18-add-hint.png') });
  const quiet = page.locator('.trace-plot .u-over').nth(1);
  const qb = await quiet.boundingBox();
  await page.keyboard.press('Escape');
  await page.keyboard.press('0');
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  await page.keyboard.press('a');
  await quiet.click({ position: { x: qb.width * 0.5, y: qb.height / 2 } });
  const note = page.getByTestId('added-note');
  await note.waitFor();
  assert((await note.getAttribute('data-low')) === 'true', `adding on noise gave no floor warning: "${await note.textContent()}"`);
  await page.screenshot({ path: join(shots, '19-added-below-floor.png') });
  await forgetSavedWork(page);
});

scenario('raw or filtered per channel: the raw view shows the offset, the label and the cursors say which, the gain applies, and back', async ({ page, url }) => {
  await page.goto(`${url}?sample=calf-rest-emg`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  const toggles = page.locator('[data-testid^="raw-"]');
  assert((await toggles.count()) === 2, `${await toggles.count()} raw/filtered switches for the two calf channels`);
  const id = (await toggles.first().getAttribute('data-testid')).replace(/^raw-/, '');
  const other = (await toggles.nth(1).getAttribute('data-testid')).replace(/^raw-/, '');
  const label = page.getByTestId(`trace-view-${id}`);
  const range = async (ch) => {
    const t = page.getByTestId(`trace-${ch}`);
    return [Number(await t.getAttribute('data-y-min')), Number(await t.getAttribute('data-y-max'))];
  };
  assert(/^Filtered \d+–\d+ Hz, 50 Hz hum removed$/.test(await label.textContent()), `the filtered label reads "${await label.textContent()}"`);
  const [f0, f1] = await range(id);
  assert(Math.abs(f0 + f1) < 1e-6, `the filtered trace is not centred on zero: ${f0}..${f1}`);

  // Raw: the electrode offset (about +500 µV on the left calf) and the drift come back; the other channel stays filtered.
  await page.getByTestId(`raw-${id}`).click();
  await waitFor(async () => (await label.getAttribute('data-view')) === 'raw', 'the channel to be drawn raw');
  assert((await label.textContent()) === 'Raw, as recorded', `the raw label reads "${await label.textContent()}"`);
  assert((await page.getByTestId(`raw-${id}`).getAttribute('aria-pressed')) === 'true', 'the Raw switch is not pressed');
  await waitFor(async () => Math.abs(((await range(id))[0] + (await range(id))[1]) / 2) >= 100, `the raw trace to sit at its offset (range ${(await range(id)).join('..')})`);
  const [r0, r1] = await range(id);
  assert(Math.abs(r1 - r0 - (f1 - f0)) < 1e-6, `the raw trace is not drawn at the shared gain: ${r1 - r0} vs ${f1 - f0} µV tall`);
  assert((await page.getByTestId(`trace-view-${other}`).getAttribute('data-view')) === 'filtered', 'the other channel changed too');
  const [o0, o1] = await range(other);
  assert(Math.abs(o0 + o1) < 1e-6, `the other channel left zero: ${o0}..${o1}`);
  const announced = () => page.$$eval('[data-testid^="announcer"]', (els) => els.map((e) => e.textContent).join(''));
  await waitFor(async () => /drawn raw, as recorded/.test(await announced()), 'the switch to be announced');
  console.log(`      left calf: filtered ${f0}..${f1} µV, raw ${r0}..${r1} µV`);

  // The gain applies to the raw trace as drawn, around its level.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(']');
  await waitFor(async () => {
    const [a, b] = await range(id);
    return b - a < r1 - r0 && (a + b) / 2 > 100;
  }, `"]" to narrow the raw trace's range (${(await range(id)).join('..')})`);
  await page.keyboard.press('[');

  // Cursors on the raw trace say they measured the raw signal.
  const plot = page.getByTestId(`trace-${id}`).locator('.u-over');
  const pb = await plot.boundingBox();
  await page.keyboard.press('m');
  await plot.click({ position: { x: pb.width * 0.3, y: pb.height * 0.3 } });
  await plot.click({ position: { x: pb.width * 0.6, y: pb.height * 0.7 } });
  const readout = page.getByTestId('measure-readout');
  await waitFor(async () => /, raw\)$/.test(await readout.textContent()), `the cursor readout to name the raw signal (reads "${await readout.textContent()}")`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '25-raw-channel.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId(`raw-${id}`).click();
  await waitFor(async () => (await label.getAttribute('data-view')) === 'filtered', 'the channel to be drawn filtered again');
  await waitFor(async () => {
    const [a, b] = await range(id);
    return Math.abs(a + b) < 1e-6;
  }, 'the filtered trace to be centred on zero again');
  assert(/^Filtered /.test(await label.textContent()), `the label after switching back reads "${await label.textContent()}"`);
});

scenario('a recording without a date is given one and placed in Trends', ({ url, tmp }) => isolated(async (page) => {
  const { writeFile } = await import('node:fs/promises');
  const file = join(tmp, 'undated-forearm.csv');
  const rows = Array.from({ length: 30_000 }, (_, i) => `${(i / 1000).toFixed(3)},${((((i * 7919) % 2001) - 1000) / 200 + (i % 4000 === 2000 ? 120 : 0)).toFixed(2)}`);
  await writeFile(file, `# rate_hz = 1000\ntime_s,left forearm EMG (uV)\n${rows.join('\n')}\n`);
  await page.goto(url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(file);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.getByTestId('tab-sites').click();
  await page.getByTestId('recorded-at').fill('2026-02-03T09:30');
  await page.getByTestId('library-button').click();
  const row = page.locator('[data-testid="library-row"][data-name="undated-forearm.csv"]');
  await row.waitFor({ timeout: 10_000 });
  await waitFor(async () => /3 Feb 2026 09:30/.test(await row.locator('td').first().textContent()), `the library row to show the given date (shows "${await row.locator('td').first().textContent()}")`);
  await page.screenshot({ path: join(shots, '24-dated-by-user.png') });
}));

scenario('zoomed-in view of one twitch', async ({ page, url }) => {
  const sample = pickSample();
  await page.goto(`${url}?sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
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
  // The correction is read at once: no button to press.
  await page.locator('select[aria-label^="Type of"]').first().selectOption('other');
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
  assert(doc.schema === 'twitchscope.analysis/2', 'analysis JSON has the wrong schema');
  await page.getByTestId('export').click();
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-pdf').click()]);
  const head = (await readFile(await pdf.path())).subarray(0, 5).toString('latin1');
  assert(head === '%PDF-', 'PDF export is not a PDF');
});

/** A German lab export: `;` between columns, decimal commas, time named "Zeit", channels named by number only. */
async function writeGermanExport(path, seed) {
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

scenario('import check: previews, EMG-like columns, a template applied to the next file of its layout and undone', async ({ page, url, tmp }) => {
  const first = join(tmp, 'messung-1.csv');
  const second = join(tmp, 'messung-2.csv');
  await writeGermanExport(first, 1);
  await writeGermanExport(second, 2);
  const open = async (file) => {
    await page.goto(url);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
    await chooser.setFiles(file);
    await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  };
  await open(first);
  // Every column read: a preview with its range and noise, the time column found by content.
  for (const id of ['ch2', 'ch3']) {
    await page.locator(`[data-testid="column-${id}"] svg.column-preview path`).first().waitFor();
    const row = await page.getByTestId(`column-${id}`).textContent();
    assert(/ to /.test(row), `no range in the row of ${id}: ${row}`);
  }
  assert(/1000 Hz/.test(await page.getByTestId('channel-table').textContent()), 'the Zeit column did not give 1000 Hz');
  assert(/No EMG or accelerometer/.test(await page.getByTestId('analyse').textContent()), 'unnamed columns were analysed before being marked');
  await page.screenshot({ path: join(shots, '13-import-check-preview.png'), fullPage: true });

  await page.getByTestId('mark-emg-like').click();
  await page.getByTestId('template-note').filter({ hasText: 'kept as the template' }).waitFor({ timeout: 30_000 });
  await waitFor(async () => /Analyse 2 channels/.test(await page.getByTestId('analyse').textContent()), 'both columns marked as EMG');
  // The device units were millivolts: said once for the first column, read again at once, shown in µV.
  const unit = page.getByTestId('column-emg1').locator('input[aria-label^="Unit of"]');
  await unit.fill('mV');
  await unit.press('Enter');
  await waitFor(async () => / µV/.test(await page.getByTestId('column-emg1').textContent()), 'the unit read again as mV, shown in µV');
  await page.screenshot({ path: join(shots, '14-import-check-corrected.png'), fullPage: true });

  // The next file of this layout opens with the correction, says so, and can be read without it.
  await open(second);
  const note = page.getByTestId('template-note');
  await note.filter({ hasText: 'Applied your template' }).waitFor({ timeout: 30_000 });
  assert(/Analyse 2 channels/.test(await page.getByTestId('analyse').textContent()), 'the template did not mark the columns of the second file');
  assert(/µV/.test(await page.getByTestId('column-emg1').textContent()), 'the template did not give the unit');
  await page.screenshot({ path: join(shots, '15-template-applied.png'), fullPage: true });
  await page.getByTestId('undo-template').click();
  await note.waitFor({ state: 'detached', timeout: 30_000 });
  await waitFor(async () => /No EMG or accelerometer/.test(await page.getByTestId('analyse').textContent()), 'undo read the file as detected');

  // Templates move as JSON: export, rename, delete, import back (other scenarios may have kept templates too).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('templates-export').click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const ours = exported.templates.find((t) => /messung-1/.test(t.name));
  assert(exported.schema === 'twitchscope.import-templates' && ours && ours.columns['2'].kind === 'emg', 'the export does not hold the template');
  const rows = page.getByTestId('template-row');
  const before = await rows.count();
  const name = page.getByLabel(`Name of template ${ours.name}`);
  await name.fill('Labor, zwei Kanäle');
  await name.press('Enter');
  await page.getByRole('button', { name: 'Delete template Labor, zwei Kanäle' }).click();
  await waitFor(async () => (await rows.count()) === before - 1, 'the template was deleted');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('templates-import').click()]);
  await chooser.setFiles(await download.path());
  await waitFor(async () => (await rows.count()) === before, 'the exported template was imported back');
  await open(second);
  await note.filter({ hasText: 'Applied your template' }).waitFor({ timeout: 30_000 });
});

scenario('a file without a rate opens the import check on the message, and the rate typed there reads it', async ({ page, url, tmp }) => {
  const { writeFile } = await import('node:fs/promises');
  const file = join(tmp, 'no-rate.csv');
  await writeFile(file, 'calf EMG (uV)\n' + Array.from({ length: 3000 }, (_, i) => (Math.sin(i * 1.7) * 5).toFixed(3)).join('\n') + '\n');
  await page.goto(url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(file);
  await page.getByTestId('read-problem').waitFor({ timeout: 30_000 });
  assert(/no sample rate/.test(await page.getByTestId('read-problem').textContent()), 'the problem is not said');
  await page.screenshot({ path: join(shots, '16-import-check-no-rate.png'), fullPage: true });
  await page.getByTestId('rate-input').fill('1000');
  await page.getByTestId('rate-input').press('Enter');
  await waitFor(async () => /Analyse 1 channel/.test(await page.getByTestId('analyse').textContent()), 'the rate typed in the import check did not read the file');
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

scenario('a file over the browser 64 MB limit: the limit said on opening, Cancel keeps it read, the Library reopens it', ({ url, tmp }) => isolated(async (page) => {
  const big = join(tmp, 'long-8ch-11min.csv');
  await writeBigCsv(big, 8, 2000, 660);
  const { statSync } = await import('node:fs');
  assert(statSync(big).size > 64 * 1024 * 1024, `the test file is only ${statSync(big).size} bytes`);
  await page.goto(url);
  // Every progress title shown, to tell a re-read ("Reading the recording again") from detection alone.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="progress"]')?.textContent;
      if (t && window.__progress.at(-1) !== t) window.__progress.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(big);
  await page.getByTestId('import-check').waitFor({ timeout: 240_000 });
  const notice = await page.getByTestId('notice').textContent();
  assert(/64 MB/.test(notice) && /Open recording/.test(notice), `the size limit is not explained on opening: ${notice}`);
  assert((await page.evaluate(() => window.__progress)).some((t) => /Preparing the timeline/.test(t)), 'no progress while the drawn signals were prepared');

  await page.getByTestId('analyse').click();
  await page.getByTestId('progress').filter({ hasText: 'Finding twitches' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('cancel').click();
  await page.getByTestId('progress').waitFor({ state: 'detached' });
  await page.getByTestId('import-check').waitFor();
  await page.evaluate(() => (window.__progress = []));
  await page.getByTestId('analyse').click();
  await page.getByTestId('timeline').waitFor({ timeout: 240_000 });
  const after = await page.evaluate(() => window.__progress);
  assert(!after.some((t) => /again/i.test(t)), `Analyse after Cancel read the file again: ${after.join(' | ')}`);

  // Import settings and back, nothing changed: the analysis in hand, no new run.
  await page.getByTestId('back-to-check').click();
  await page.evaluate(() => (window.__progress = []));
  await page.getByTestId('analyse').click();
  await page.getByTestId('timeline').waitFor({ timeout: 10_000 });
  assert((await page.evaluate(() => window.__progress)).length === 0, 'back to the timeline with nothing changed ran the analysis again');

  await page.getByTestId('library-button').click();
  const row = page.locator('[data-testid="library-row"][data-name="long-8ch-11min.csv"]');
  await row.waitFor({ timeout: 10_000 });
  assert((await row.getAttribute('data-missing')) === 'false', 'a large file just analysed is shown as missing');
  await row.getByTestId('library-open').click();
  await page.getByTestId('import-check').waitFor({ timeout: 240_000 });
  assert((await page.getByTestId('file-name').textContent()) === 'long-8ch-11min.csv', 'the large file did not reopen from the Library');
}));

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

// In a browser of its own. In the shared profile, after the trend scenario, it found a file check finishing late
// and undoing a newer one (fixed in Library.checkFiles); it then failed once more there ("a different file was
// accepted": the row no longer missing after a wrong Locate…), a second interaction not yet understood.
scenario('library: a recording whose stored file is gone shows as missing and is found again with Locate…', ({ url, tmp }) => isolated(async (page) => {
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
}));

function writeNoRateRecording(dir) {
  const out = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/e2e/no-rate-recording.ts'), dir], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`could not write the no-rate recording:\n${out.stderr}`);
  return join(dir, out.stdout.trim());
}

scenario('no rate and activity read sensibly on every screen; Results readable (strip heights, units, one number one way, bins for the length)', ({ url, tmp }) => isolated(async (page) => {
  const dir = join(tmp, 'no-rate');
  mkdirSync(dir, { recursive: true });
  const file = writeNoRateRecording(dir);
  await page.goto(url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  await chooser.setFiles(file);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });

  // Timeline: the left calf's activity is a finding of its own, listed at its onset with its length and pattern.
  await page.locator('[data-testid="event-group"][data-group="activity"]').waitFor();
  const activity = page.locator('[data-testid="event-row"][data-type="activity"]');
  const activityText = (await activity.first().textContent()).replace(/\s+/g, ' ');
  assert(/Activity: tonic \d/.test(activityText), `the activity row reads "${activityText}"`);
  await activity.first().click();
  await page.screenshot({ path: join(shots, '27-no-rate-timeline.png') });

  // Results: no rate is said in words, never drawn or printed as 0/min.
  await page.getByTestId('tab-results').click();
  const rateCell = (site) => page.locator(`[data-testid="site-row"][data-site="${site}"] [data-testid="site-rate"]`).textContent();
  assert((await rateCell('left calf')) === 'no rest', `left calf's rate reads "${await rateCell('left calf')}"`);
  assert((await rateCell('left forearm')) === 'cannot tell', `left forearm's rate reads "${await rateCell('left forearm')}"`);
  for (const site of ['left calf', 'left forearm']) {
    const bar = page.locator(`[data-testid="site-bar"][data-site="${site}"]`);
    assert((await bar.getAttribute('data-rate')) === 'none', `${site} has a drawn rate`);
    const said = await bar.evaluate((g) => g.textContent);
    assert(/no rate: (no rest|cannot tell)/.test(said) && !/\/min/.test(said), `${site}'s bar says "${said}"`);
  }
  // The header's rest (the most rested channel) is printed as the table prints it.
  const restCell = await page.locator('[data-testid="site-row"][data-site="right calf"] td').nth(1).textContent();
  assert((await page.getByTestId('total-rest').textContent()) === restCell, `header rest "${await page.getByTestId('total-rest').textContent()}", table "${restCell}"`);
  const calfActivity = await page.locator('[data-testid="activity-row"][data-channel="emg1"] [data-testid="activity-time"]').textContent();
  assert(/^1 min 5\d s \(tonic\)$/.test(calfActivity), `the left calf's activity reads "${calfActivity}"`);

  // One number printed one way: the chart's rate for the right calf is the table's.
  const shin = page.locator('[data-testid="site-bar"][data-site="right calf"]');
  const [chartRate] = /^([\d.]+)\/min/.exec((await shin.evaluate((g) => g.querySelector('text.num').textContent)).trim()).slice(1);
  assert(chartRate === (await rateCell('right calf')), `chart ${chartRate}/min, table ${await rateCell('right calf')}`);
  // Units on both axes, and bars for a two-minute recording: 10 s or 30 s bins, never 5 or 15 minutes.
  const chartText = await page.getByTestId('results').evaluate((r) => r.textContent);
  assert(chartText.includes('twitches per minute of rest') && /Bars: twitches per 10 s\. Across: time in the recording \(m:ss\)/.test(chartText), 'an axis caption or unit is missing');
  const bins = await page.$$eval('.bins-select [data-bin]', (bs) => bs.map((b) => b.textContent));
  assert(JSON.stringify(bins) === JSON.stringify(['10 s', '30 s']), `bin choices for 2 min: ${bins.join(', ')}`);
  const strips = await page.$$eval('[data-testid="over-time-strip"]', (gs) => gs.map((g) => [g.getAttribute('data-site'), g.getBoundingClientRect().height]));
  assert(strips.length >= 1 && strips.every(([, h]) => h >= 60), `over-time strips too low: ${JSON.stringify(strips)}`);
  const barsIn10s = await page.locator('[data-testid="over-time-strip"]').first().locator('rect.bar').count();
  assert(barsIn10s >= 1 && barsIn10s <= 12, `${barsIn10s} bars in 10 s bins of a 2-min recording`);
  await page.screenshot({ path: join(shots, '28-no-rate-results.png'), fullPage: true });

  // The library and Trends name the sites without a rate and why.
  await page.getByTestId('library-button').click();
  const row = page.locator('[data-testid="library-row"][data-name="active-calf.csv"]');
  await row.waitFor({ timeout: 10_000 });
  const rowText = await row.textContent();
  assert(rowText.includes('left calf: no rest') && rowText.includes('left forearm: cannot tell') && /right calf [\d.]+\/min/.test(rowText), `library row reads "${rowText}"`);
  await page.getByTestId('library-tab-trends').click();
  const off = await page.getByTestId('trend-no-rate').textContent();
  assert(off.includes('left calf, no rest') && off.includes('left forearm, cannot tell'), `trends say "${off}"`);
  const series = await page.$$eval('[data-testid="trend-rate-chart"] [data-testid="trend-series"]', (gs) => gs.map((g) => g.getAttribute('data-series')));
  assert(JSON.stringify(series) === JSON.stringify(['right calf']), `rate chart lines: ${series.join(', ')}`);
  await page.screenshot({ path: join(shots, '29-no-rate-trends.png'), fullPage: true });
}));

scenario('EDF+ export, reopened: markers, Import events restores the review, anonymised export', async ({ page, url, tmp }) => {
  const sample = pickSample();
  await page.goto(`${url}?sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  // The sample may carry saved work from the scenarios before: whatever its review, it must come back whole.
  await page.locator('[data-testid="event-row"][data-review="detected"]').first().click();
  await page.getByTestId('confirm').click();
  const reviewedRows = page.locator('[data-testid="event-row"]:not([data-review="detected"])');
  const reviewed = await reviewedRows.count();
  const download = async (testid) => {
    await page.getByTestId('export').click();
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testid).click()]);
    const path = join(tmp, d.suggestedFilename());
    await d.saveAs(path);
    return path;
  };
  const csv = await download('export-csv');
  const edf = await download('export-edf');
  assert(edf.endsWith('.edf'), `the EDF+ export is named ${edf}`);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('header.toolbar button', { hasText: 'Open…' }).click()]);
  await chooser.setFiles(edf);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  assert((await reviewedRows.count()) === 0, 'a fresh analysis of the export already has a review');
  await page.getByTestId('export').click();
  const [events] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-events').click()]);
  await events.setFiles(csv);
  await page.getByTestId('notice').filter({ hasText: `Restored the review of ${reviewed} event` }).waitFor({ timeout: 10_000 });
  await waitFor(async () => (await reviewedRows.count()) === reviewed, `the ${reviewed} reviewed events restored`);
  await page.screenshot({ path: join(shots, '13-edf-reopened.png') });

  await page.getByTestId('export').click();
  await page.getByTestId('export-anonymise').click();
  await page.keyboard.press('Escape');
  const json = await download('export-json');
  assert(json.endsWith('recording.anonymised.analysis.json'), `the anonymised JSON is named ${json}`);
  const text = await readFile(json, 'utf8');
  assert(!text.includes(sample) && JSON.parse(text).recording.startTime === null, 'the anonymised JSON names the sample');
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
if (axeLog.length) {
  const summary = axeLog.map((a) => `${a.label} (${a.theme}): ${a.serious} critical/serious, ${a.other} minor/moderate`).join('\n  ');
  console.log(`axe-core ${axeVersion()}, WCAG 2.1 A/AA rules:\n  ${summary}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
