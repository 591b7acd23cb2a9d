/**
 * Browser scenarios: the library and its trends, a missing file found with Locate…, recordings without a rate, and the EDF+ export reopened.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from './fixtures.mjs';
import { assert, chooseFile, deleteStored, openAndAnalyse, pickSample, shots, waitFor, writeNoRateRecording, writeTrendRecordings } from './helpers.mjs';

test('library: three recordings of one site, a tag, the trend chart and the comparison', async ({ page, url, tmp }) => {
  const dir = join(tmp, 'trend');
  mkdirSync(dir, { recursive: true });
  const files = writeTrendRecordings(dir);
  const site = 'right shin';
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    await openAndAnalyse(page, url, file);
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

// In the shared profile, after the trend scenario, which listed the same recording from another folder (same
// content, so the same library entry). The row is there before this analysis is recorded, so the scenario waits
// for this analysis's entry: waiting for the row alone let the file be taken away before the record came, which
// then (rightly) pointed the entry at the file just opened and cleared "missing" (the row not missing, or no
// Locate… button, in the failures seen under load).
test('library: a recording whose stored file is gone shows as missing and is found again with Locate…', async ({ page, url, tmp }) => {
  const dir = join(tmp, 'locate');
  mkdirSync(dir, { recursive: true });
  const [, week2, week3] = writeTrendRecordings(dir);
  await page.goto(url);
  await chooseFile(page, week2);
  const analysedFrom = new Date().toISOString();
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.getByTestId('library-button').click();
  const row = page.locator('[data-testid="library-row"][data-name="shin-week2.csv"]');
  await row.waitFor({ timeout: 10_000 });
  await waitFor(async () => ((await row.getAttribute('data-analysed-at')) ?? '') >= analysedFrom, "this analysis's library entry", 10_000);
  assert((await row.getAttribute('data-missing')) === 'false', 'a file just analysed is shown as missing');

  // What a browser has of the file is its stored copy; without it the file is gone as far as the app can tell.
  await deleteStored(page, 'files', 'shin-week2.csv|');
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

test('no rate and activity read sensibly on every screen; Results readable (strip heights, units, one number one way, bins for the length)', async ({ isolatedPage: page, url, tmp }) => {
  const dir = join(tmp, 'no-rate');
  mkdirSync(dir, { recursive: true });
  const file = writeNoRateRecording(dir);
  await openAndAnalyse(page, url, file);

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
  // A site that cannot tell adds neither twitches nor rest: both read "–", never a 0 that reads as none found.
  const forearm = await page.locator('[data-testid="site-row"][data-site="left forearm"] td').allTextContents();
  assert(forearm[0] === '–' && forearm[1] === '–', `left forearm's count and rest read "${forearm[0]}", "${forearm[1]}"`);
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
});

test('EDF+ export, reopened: markers, Import events restores the review, anonymised export', async ({ page, url, tmp }) => {
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
