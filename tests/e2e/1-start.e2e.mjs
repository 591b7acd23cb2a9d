/**
 * Browser scenarios: the start screen, accessibility (axe) on every screen, the keyboard-only path, and reflow at 200 % zoom.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { test } from './fixtures.mjs';
import { assert, axeVersion, chooseFile, forgetSavedWork, kernelReplay, pickSample, replayKernel, shots, waitFor, writeBigCsv, writeTrendRecordings } from './helpers.mjs';
import { axeBothThemes, axeLog, axeSelfTest, focused, tabUntil } from './a11y.mjs';

test('start screen lists the bundled samples and opens one', async ({ page, url }) => {
  await page.goto(url);
  await page.getByTestId('start-screen').waitFor();
  assert((await page.getByTestId('samples').locator('button').count()) > 0, 'no sample buttons on the start screen');
  await page.screenshot({ path: join(shots, '01-start.png') });
  await page.getByTestId('samples').locator('button').first().click();
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
});

test('the analysis workers compile the band-pass and Welch kernels as WebAssembly SIMD and get the JavaScript\'s bits', async ({ page, url }) => {
  const replays = { 'band-pass': kernelReplay('band-pass-kernel.ts'), Welch: kernelReplay('welch-kernel.ts') };
  await page.goto(`${url}?sample=${encodeURIComponent(pickSample())}`);
  await page.getByTestId('import-check').waitFor({ timeout: 60_000 });
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  // The band-pass and the spectra compile their kernels in whichever realm runs them and fall back to JavaScript
  // where that throws: the same bytes compiling and replaying in a worker is what makes that worker's code the
  // fast one. Worker scripts are served without a Content-Security-Policy (the app's policy comes with its HTML),
  // so the workers may compile WebAssembly while the page itself, under `script-src 'self'`, may not.
  const workers = page.workers().filter((w) => /(analysis|channel)\.worker/.test(w.url()));
  assert(workers.some((w) => /analysis\.worker/.test(w.url())), `no analysis worker among ${page.workers().map((w) => w.url()).join(', ')}`);
  for (const [kernel, replay] of Object.entries(replays)) {
    for (const worker of workers) {
      const result = await worker.evaluate(replayKernel, replay);
      assert(result.compiled, `${worker.url()} does not compile the ${kernel} kernel (${result.error}): did its script get the page's CSP? It would need 'wasm-unsafe-eval'`);
      assert(Object.values(result.differing).every((n) => n === 0), `${worker.url()}: the ${kernel} kernel's doubles differ from the JavaScript's ${JSON.stringify(result.differing)}`);
    }
    const onPage = await page.evaluate(replayKernel, replay);
    assert(!onPage.compiled, `the page compiled the ${kernel} kernel: its CSP (script-src 'self') should refuse it`);
  }
});

test('accessibility: axe on every screen and dialog, in both themes', async ({ isolatedPage: page, url, tmp }) => {
  await page.goto(url);
  await page.getByTestId('start-screen').waitFor();
  await axeSelfTest(page);
  await axeBothThemes(page, 'start screen');
  const dir = join(tmp, 'axe');
  mkdirSync(dir, { recursive: true });
  const [, , week3] = writeTrendRecordings(dir);
  await chooseFile(page, week3);
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
  await chooseFile(page, big);
  await page.getByTestId('progress').waitFor();
  await axeBothThemes(page, 'progress dialog');
  // Escape cancels, as the dialog says; the read may have finished meanwhile, which is fine too.
  await page.keyboard.press('Escape');
  await page.getByTestId('progress').waitFor({ state: 'detached' });
});

test('keyboard only: open a sample, review 5 events with announcements, export; focus after each step', async ({ page, url }) => {
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

test('event list sorted from the keyboard, still one tab stop: Up to the headers, Left/Right, Enter', async ({ page, url }) => {
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
  await forgetSavedWork(page);
});

test.describe('at 200 % zoom', () => {
  // A 1440×900 window at 200 % zoom: 720×450 CSS px drawn at two device pixels each.
  test.use({ viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 });

  test('reflow: at 720×450 CSS px (200 % zoom) each trace plot is at least 300 px wide, nothing cut off', async ({ isolatedPage: p, url }) => {
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
  });
});

test.afterAll(() => {
  if (!axeLog.length) return;
  const summary = axeLog.map((a) => `${a.label} (${a.theme}): ${a.serious} critical/serious, ${a.other} minor/moderate`).join('\n  ');
  console.log(`axe-core ${axeVersion()}, WCAG 2.1 A/AA rules:\n  ${summary}`);
});
