/**
 * The scenarios' fixtures on top of @playwright/test's:
 * - `page`: a new tab in the shared profile (one persistent Chromium profile for the whole run, reopened at the
 *   same place if a failure restarts the worker), failing the scenario on any console error or page error;
 * - `isolatedPage`: a page in a fresh context of its own, for scenarios that add to the library (the shared
 *   profile's library is what the library scenarios count and re-open), with the test's viewport, failing on
 *   page errors;
 * - `url` of the served app and `tmp`, a folder for the files a scenario writes.
 * A failed scenario leaves a screenshot in tests/e2e/screenshots/.
 */
import { join } from 'node:path';
import { chromium, test as base } from '@playwright/test';
import { shots } from './helpers.mjs';

const VIEW = { viewport: { width: 1440, height: 900 }, acceptDownloads: true };

async function screenshotIfFailed(page, testInfo) {
  if (testInfo.status === testInfo.expectedStatus) return;
  const path = join(shots, `failed-${testInfo.titlePath.slice(1).join(' ').replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
  if (await page.screenshot({ path }).then(() => true, () => false)) await testInfo.attach('failure', { path, contentType: 'image/png' });
}

/** Collects what the page reports as errors; `consoleToo` adds console.error messages to page errors. */
function collectErrors(page, consoleToo) {
  const errors = [];
  if (consoleToo) page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export const test = base.extend({
  url: async ({}, use) => use(process.env.E2E_URL),
  tmp: async ({}, use) => use(process.env.E2E_WORK),
  sharedProfile: [
    async ({ launchOptions, headless }, use) => {
      const context = await chromium.launchPersistentContext(process.env.E2E_PROFILE, { ...launchOptions, headless, ...VIEW });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ sharedProfile }, use, testInfo) => {
    const page = await sharedProfile.newPage();
    const errors = collectErrors(page, true);
    await use(page);
    await screenshotIfFailed(page, testInfo);
    await page.close();
    if (errors.length) throw new Error(`console errors:\n  ${errors.join('\n  ')}`);
  },
  isolatedPage: async ({ browser, viewport, deviceScaleFactor }, use, testInfo) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor, acceptDownloads: true });
    const page = await context.newPage();
    const errors = collectErrors(page, false);
    await use(page);
    await screenshotIfFailed(page, testInfo);
    await context.close();
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  },
});
