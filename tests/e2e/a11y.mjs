/**
 * Accessibility checks for the browser tests: axe-core (WCAG 2.0/2.1 A and AA rules) injected into the page,
 * run in both themes, failing on any critical or serious violation; and what has keyboard focus.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every screen and dialog checked, with its violation counts: printed at the end as evidence. */
export const axeLog = [];

async function runAxe(page) {
  // Evaluated over the DevTools protocol, so the app's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
  }, TAGS);
}

/**
 * Runs axe on what the page shows now, in the light and the dark theme (switched on the root element, which
 * is all the CSS reads; canvases are outside axe's reach either way), and throws on critical or serious findings.
 */
export async function axeBothThemes(page, label) {
  const original = await page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
  const failures = [];
  try {
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const found = await runAxe(page);
      const bad = found.filter((v) => v.impact === 'critical' || v.impact === 'serious');
      axeLog.push({ label, theme, serious: bad.length, other: found.length - bad.length });
      for (const v of bad) failures.push(`[${theme}] ${v.impact} ${v.id}: ${v.help}\n        at ${v.nodes.join(' | ')}`);
    }
  } finally {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), original);
  }
  if (failures.length) throw new Error(`axe on ${label}:\n  ${failures.join('\n  ')}`);
}

/** A short description of the focused element: its test id, role and name, or its tag. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { testid: null, tag: 'body', heading: false, text: '' };
    return {
      testid: el.getAttribute('data-testid'),
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      heading: el.hasAttribute('data-screen-heading'),
      text: (el.textContent ?? '').trim().slice(0, 80),
      activeRow: el.getAttribute('aria-activedescendant'),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `match(focus)` holds; returns how many presses it took. */
export async function tabUntil(page, match, what, { back = false, max = 80 } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (match(await focused(page))) return i;
  }
  throw new Error(`focus never reached ${what} in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Shows that the check can fail: a nameless button put in the page must be reported, then it is removed. */
export async function axeSelfTest(page) {
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.dataset.axeProbe = '';
    document.body.append(b);
  });
  try {
    const found = await runAxe(page);
    if (!found.some((v) => v.id === 'button-name' && v.impact === 'critical')) throw new Error('axe did not report a button without a name: the check cannot fail');
  } finally {
    await page.evaluate(() => document.querySelector('[data-axe-probe]')?.remove());
  }
}
