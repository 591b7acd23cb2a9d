/**
 * The browser end-to-end tests (`npm run test:e2e`): the web build in Debian's Chromium, one scenario after
 * another in one worker, since most scenarios share one browser profile on purpose (recent files, saved work
 * and the library carry over from one to the next, as they do for a user).
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.mjs',
  globalSetup: './global-setup.mjs',
  outputDir: './results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // A whole scenario, the 11-minute file included, on a shared machine; each wait inside has its own limit.
  timeout: 10 * 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: CHROMIUM,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  },
});
