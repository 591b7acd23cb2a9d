/**
 * Browser scenarios: reviewing a sample's events (keyboard, add, undo, sites, sensitivity), EDFbrowser-style review, sustained spans, raw traces, dating a recording, zoom.
 */
import { join } from 'node:path';
import { test } from './fixtures.mjs';
import { assert, forgetSavedWork, openAndAnalyse, pickSample, shots, siteBars, totalTwitches, waitFor } from './helpers.mjs';

test('sample: import check, site, keyboard review, reject, add, undo, results', async ({ page, url }) => {
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

test('review as EDFbrowser users expect: heartbeats grouped, N on twitches, progress, gain keys, paging, agreement', async ({ page, url }) => {
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

test('a sustained span: listed at onset with its length, selected whole, its edge dragged and the drag undone; add hint and floor warning', async ({ page, url }) => {
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

test('raw or filtered per channel: the raw view shows the offset, the label and the cursors say which, the gain applies, and back', async ({ page, url }) => {
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
  assert(/^Filtered \d+–\d+ Hz, 50 Hz hum notched$/.test(await label.textContent()), `the filtered label reads "${await label.textContent()}"`);
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

test('a recording without a date is given one and placed in Trends', async ({ isolatedPage: page, url, tmp }) => {
  const { writeFile } = await import('node:fs/promises');
  const file = join(tmp, 'undated-forearm.csv');
  const rows = Array.from({ length: 30_000 }, (_, i) => `${(i / 1000).toFixed(3)},${((((i * 7919) % 2001) - 1000) / 200 + (i % 4000 === 2000 ? 120 : 0)).toFixed(2)}`);
  await writeFile(file, `# rate_hz = 1000\ntime_s,left forearm EMG (uV)\n${rows.join('\n')}\n`);
  await openAndAnalyse(page, url, file);
  await page.getByTestId('tab-sites').click();
  await page.getByTestId('recorded-at').fill('2026-02-03T09:30');
  await page.getByTestId('library-button').click();
  const row = page.locator('[data-testid="library-row"][data-name="undated-forearm.csv"]');
  await row.waitFor({ timeout: 10_000 });
  await waitFor(async () => /3 Feb 2026 09:30/.test(await row.locator('td').first().textContent()), `the library row to show the given date (shows "${await row.locator('td').first().textContent()}")`);
  await page.screenshot({ path: join(shots, '24-dated-by-user.png') });
});

test('zoomed-in view of one twitch', async ({ page, url }) => {
  const sample = pickSample();
  await page.goto(`${url}?sample=${encodeURIComponent(sample)}`);
  await page.getByTestId('analyse').click({ timeout: 60_000 });
  await page.getByTestId('timeline').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="event-row"]').first().click();
  for (let i = 0; i < 2; i++) await page.getByTestId('zoom-in').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, '06-twitch-zoomed-in.png') });
});
