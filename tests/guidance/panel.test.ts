/**
 * The Guidance panel in a real browser: built with Vite around a tiny harness that holds the answers in
 * state, then driven with the keyboard and mouse in headless Chromium. Skips only when no Chromium exists.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../cli/pdf';

const executable = findChromium();
if (!executable) console.warn('[guidance panel tests skipped] no Chromium found; set CHROME_PATH or install chromium.');

const root = resolve(__dirname, '../..');
let dir = '';
const ORIGIN = 'http://panel.test';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const HARNESS = `
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GuidancePanel } from '${root}/renderer/guidance/GuidancePanel';
import { makeAnalysis } from '${root}/tests/guidance/make-analysis';

const analysis = makeAnalysis([
  { id: 'a', site: 'left calf', restS: 600, twitches: 41 },
  { id: 'b', site: 'right calf', restS: 600, twitches: 5 },
  { id: 'c', site: 'left hand', restS: 600, twitches: 4 },
]);

function Harness() {
  const [answers, setAnswers] = useState({});
  const [context, setContext] = useState({ placement: '', muscle: '', posture: '', symptomDuration: '', weakness: '' });
  (window as unknown as { answers: unknown }).answers = answers;
  (window as unknown as { context: unknown }).context = context;
  return <GuidancePanel analysis={analysis} answers={answers} onAnswersChange={setAnswers} context={context} onContextChange={setContext} />;
}

createRoot(document.getElementById('root')!).render(<Harness />);
`;

let browser: Browser | undefined;
let page: Page;
const errors: string[] = [];

const itemIds = () => page.locator('[data-testid="guidance-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
const answers = () => page.evaluate(() => (window as unknown as { answers: Record<string, string> }).answers);

describe.skipIf(!executable)('Guidance panel in Chromium', () => {
  beforeAll(async () => {
    // Inside node_modules/.cache so the harness resolves react from the project's node_modules (and git ignores it).
    mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
    dir = mkdtempSync(join(root, 'node_modules/.cache/twitchscope-panel-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="./harness.tsx"></script></body></html>');
    writeFileSync(join(dir, 'harness.tsx'), HARNESS);
    await build({ configFile: false, root: dir, logLevel: 'silent', plugins: [react()], build: { outDir: join(dir, 'out'), emptyOutDir: true } });
    browser = await chromium.launch({ executablePath: executable!, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(dir, 'out', path === '/' ? 'index.html' : path);
      route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByTestId('guidance-panel').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the disclaimer and findings-based items before any answer', async () => {
    await expect(page.getByTestId('disclaimer').textContent()).resolves.toContain('TwitchScope describes signals; it does not diagnose.');
    const ids = await itemIds();
    expect(ids).toContain('one-site');
    expect(ids).toContain('checklist-open');
    expect(ids).not.toContain('see-clinician');
  });

  it('labels every answer control: 12 questions with yes, no and not sure', async () => {
    for (const name of ['Yes', 'No', 'Not sure']) await expect(page.getByRole('radio', { name, exact: true }).count()).resolves.toBe(12);
    await expect(page.getByRole('group', { name: /slurred speech/ }).count()).resolves.toBe(1);
  });

  it('is keyboard operable: Space answers, arrow keys change the answer, and the items follow', async () => {
    const wasting = page.getByRole('group', { name: /look thinner or smaller/ });
    await wasting.getByRole('radio', { name: 'Yes', exact: true }).focus();
    await page.keyboard.press('Space');
    await expect(answers()).resolves.toEqual({ wasting: 'yes' });
    expect((await itemIds())[0]).toBe('see-clinician');
    await expect(page.locator('[data-id="see-clinician"] .gp-why').textContent()).resolves.toContain('visible muscle wasting');
    await expect(page.getByTestId('guidance-status').textContent()).resolves.toContain('one suggests seeing a clinician');

    await page.keyboard.press('ArrowRight');
    await expect(answers()).resolves.toEqual({ wasting: 'no' });
    expect(await itemIds()).not.toContain('see-clinician');
  });

  it('clears an answer and opens the section an item cites', async () => {
    await page.getByRole('button', { name: /Clear the answer to: Does a muscle look thinner/ }).click();
    await expect(answers()).resolves.toEqual({});
    await page.locator('[data-id="one-site"] .gp-source').click();
    await expect(page.locator('#gp-section-see-clinician').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(page.locator('#gp-section-bfs').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
  });

  it('takes the recording context in labelled fields, by keyboard', async () => {
    const muscle = page.getByRole('textbox', { name: 'Muscle' });
    await muscle.focus();
    await page.keyboard.type('left soleus');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('label')?.textContent)).resolves.toContain('Posture');
    await page.keyboard.type('lying prone');
    const context = await page.evaluate(() => (window as unknown as { context: Record<string, string> }).context);
    expect(context).toMatchObject({ muscle: 'left soleus', posture: 'lying prone', placement: '' });
    for (const name of ['Electrode placement', 'Symptoms for', 'Weakness felt in']) await expect(page.getByRole('textbox', { name }).count()).resolves.toBe(1);
    // Set PANEL_SCREENSHOT to a .png path to look at the form.
    if (process.env.PANEL_SCREENSHOT) await page.getByTestId('recording-context').screenshot({ path: process.env.PANEL_SCREENSHOT });
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
