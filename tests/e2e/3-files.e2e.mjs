/**
 * Browser scenarios: opening files (vendor exports, the import check and its templates, no rate, recent and dropped files, long and very large files, an overnight recording by hour, unreadable ones) and the exports.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from './fixtures.mjs';
import { axeBothThemes } from './a11y.mjs';
import { assert, chooseFile, openAndAnalyse, pickSample, pickVendorFile, shots, waitFor, writeBigCsv, writeGermanExport, writeNightRecording } from './helpers.mjs';

test('vendor file through the file input, exports', async ({ page, url }) => {
  const file = pickVendorFile();
  await page.goto(url);
  await chooseFile(page, file);
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

test('import check: previews, EMG-like columns, a template applied to the next file of its layout and undone', async ({ page, url, tmp }) => {
  const first = join(tmp, 'messung-1.csv');
  const second = join(tmp, 'messung-2.csv');
  await writeGermanExport(first, 1);
  await writeGermanExport(second, 2);
  const open = async (file) => {
    await page.goto(url);
    await chooseFile(page, file);
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

test('a file without a rate opens the import check on the message, and the rate typed there reads it', async ({ page, url, tmp }) => {
  const { writeFile } = await import('node:fs/promises');
  const file = join(tmp, 'no-rate.csv');
  await writeFile(file, 'calf EMG (uV)\n' + Array.from({ length: 3000 }, (_, i) => (Math.sin(i * 1.7) * 5).toFixed(3)).join('\n') + '\n');
  await page.goto(url);
  await chooseFile(page, file);
  await page.getByTestId('read-problem').waitFor({ timeout: 30_000 });
  assert(/no sample rate/.test(await page.getByTestId('read-problem').textContent()), 'the problem is not said');
  await page.screenshot({ path: join(shots, '16-import-check-no-rate.png'), fullPage: true });
  await page.getByTestId('rate-input').fill('1000');
  await page.getByTestId('rate-input').press('Enter');
  await waitFor(async () => /Analyse 1 channel/.test(await page.getByTestId('analyse').textContent()), 'the rate typed in the import check did not read the file');
});

test('recent files reopen; a dropped file opens', async ({ page, url }) => {
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

test('a long import can be cancelled and the window stays responsive', async ({ page, url, tmp }) => {
  const big = join(tmp, 'long-8ch.csv');
  await writeBigCsv(big, 8, 2000, 60);
  await page.goto(url);
  await chooseFile(page, big);
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

test('a file over the browser 64 MB limit: the limit said on opening, Cancel keeps it read, the Library reopens it', async ({ isolatedPage: page, url, tmp }) => {
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
  await chooseFile(page, big);
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
});

test('an unreadable file is explained, not crashed on', async ({ page, url, tmp }) => {
  const { writeFile } = await import('node:fs/promises');
  const bad = join(tmp, 'photo.csv');
  await writeFile(bad, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  await page.goto(url);
  await chooseFile(page, bad);
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 30_000 });
  const text = await error.textContent();
  assert(/photo\.csv/.test(text) && /text/i.test(text), `unhelpful error: ${text}`);
  await page.getByTestId('start-screen').waitFor();
});

test('dark theme timeline', async ({ page, url }) => {
  const sample = pickSample();
  await page.goto(`${url}?sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.getByTestId('theme').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '09-timeline-dark.png') });
  await page.getByTestId('theme').click();
});

test('an overnight recording: Results show twitches per hour of rest by time of night, in words as well as bars', async ({ isolatedPage: page, url, tmp }) => {
  const file = writeNightRecording(tmp);
  await openAndAnalyse(page, url, file, { analyse: 120_000, timeline: 300_000 });
  await page.getByTestId('tab-results').click();
  const card = page.getByTestId('hourly');
  await card.waitFor();
  // Five hours on the recording's clock (the last one half an hour); the third, with four times the twitches, stands out.
  const rates = await page.$$eval('[data-testid="hourly-bar"]', (gs) => gs.map((g) => Number(g.getAttribute('data-rate'))));
  assert(rates.length === 5, `${rates.length} hours`);
  const others = rates.filter((_, i) => i !== 2);
  assert(rates[2] > 2.5 * Math.max(...others), `hourly rates ${rates.join(', ')}`);
  // The table is reached with the keyboard and says the same, hour by hour.
  await card.locator('summary').focus();
  await page.keyboard.press('Enter');
  const rows = await page.$$eval('[data-testid="hourly-row"]', (trs) => trs.map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()));
  assert(rows[0].startsWith('23:30–00:30') && rows[4].startsWith('03:30–04:00'), `rows: ${rows.join(' | ')}`);
  assert((await page.getByTestId('hourly-note').textContent()).includes("the recording's own clock"), 'the note does not say whose clock');
  await axeBothThemes(page, 'results of an overnight recording');
  await card.screenshot({ path: join(shots, '30-overnight-hours.png') });
});
