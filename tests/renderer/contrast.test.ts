import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPAN_STYLE } from '../../renderer/chart/draw-events';

/** WCAG 2.x relative luminance and contrast ratio of two sRGB colours. */
function luminance(hex: string): number {
  const v = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(v.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The custom properties of one rule block of the app's stylesheet. */
function themeVars(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in app.css`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const css = readFileSync(new URL('../../renderer/styles/app.css', import.meta.url), 'utf8');
const light = themeVars(css, ':root');
const themes = { light, dark: { ...light, ...themeVars(css, ":root[data-theme='dark']") } };

describe('non-text contrast (WCAG 1.4.11), measured on the stylesheet in both themes', () => {
  for (const [name, v] of Object.entries(themes)) {
    describe(name, () => {
      it('event spans: edges, top band and hatch lines are drawn at full strength in colours of 3:1 or more on the plot', () => {
        expect(SPAN_STYLE.lineAlpha).toBe(1);
        for (const cls of ['--twitch', '--sustained', '--activity', '--artifact', '--movement']) {
          expect(contrast(v[cls], v['--panel']), `${cls} ${v[cls]} on ${v['--panel']}`).toBeGreaterThanOrEqual(3);
        }
      });

      it('the selection bar and focus ring reach 3:1 on the panel', () => {
        expect(contrast(v['--accent'], v['--panel'])).toBeGreaterThanOrEqual(3);
        expect(contrast(v['--focus'], v['--panel'])).toBeGreaterThanOrEqual(3);
        expect(contrast(v['--focus'], v['--bg'])).toBeGreaterThanOrEqual(3);
      });

      it('control borders reach 3:1 on the panel and on the page', () => {
        expect(contrast(v['--control-border'], v['--panel'])).toBeGreaterThanOrEqual(3);
        expect(contrast(v['--control-border'], v['--bg'])).toBeGreaterThanOrEqual(3);
      });
    });
  }

  it('the controls use the 3:1 border, not the faint divider colour', () => {
    const controls = css.slice(css.indexOf('button, select, input, .button {'));
    expect(controls.slice(0, controls.indexOf('}'))).toContain('border: 1px solid var(--control-border)');
  });
});
