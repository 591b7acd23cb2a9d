import { join } from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { collectAboutData, collectLicences, provenanceSentence } from '../../electron/about/collect';
import { aboutBox } from '../../electron/about/data';
import { REPORT_CSP, REPORT_CSP_META, withReportCsp } from '../../core/report/csp';
import { PDF_OPTIONS, printHtmlToPdf, ReportPages, type PrintPdfDeps } from '../../electron/report/print-pdf';

const ROOT = join(__dirname, '../..');

describe('About box', () => {
  it('lists the shipped packages with their licence ids, including what they pull in', () => {
    const licences = collectLicences(ROOT);
    const names = licences.map((l) => l.name);
    for (const name of ['electron', 'fft.js', 'papaparse', 'react', 'react-dom', 'scheduler', 'uplot']) expect(names).toContain(name);
    expect(licences.find((l) => l.name === 'react')?.licence).toBe('MIT');
    expect(names).not.toContain('vitest');
    expect(names).not.toContain('@electron/get');
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
  });

  it('reads the samples’ provenance from the opening sentence of their README, skipping short lines', () => {
    const readme =
      '# Samples\n\nDefault sample: `calf.csv`\n\nThese are **simulated** recordings\nmade by [the simulator](core/simulate), ' +
      'not people. Each has a truth file.\n\n## Files\n';
    expect(provenanceSentence(readme)).toBe('These are simulated recordings made by the simulator, not people.');
    expect(provenanceSentence('# Only a heading\n')).toBe('');
  });

  it('lists the bundled samples and where they come from', () => {
    const data = collectAboutData(ROOT);
    const csv = data.samples.map((s) => s.file);
    expect(csv.length).toBeGreaterThan(0);
    expect(csv.every((file) => file.endsWith('.csv'))).toBe(true);
    expect(data.samplesProvenance.length).toBeGreaterThan(20);
  });

  it('shows version, the not-a-diagnosis line, samples and licences', () => {
    const data = collectAboutData(ROOT);
    const box = aboutBox('TwitchScope', '0.1.0', {
      ...data,
      samples: [{ file: 'calf-rest-emg.csv' }],
      samplesProvenance: 'Simulated recordings.',
    });
    expect(box.message).toBe('TwitchScope 0.1.0');
    expect(box.detail).toContain('does not diagnose');
    expect(box.detail).toContain('calf-rest-emg.csv\nSimulated recordings.');
    expect(box.detail).toMatch(/react \S+ — MIT/);
  });
});

describe('report to PDF', () => {
  it('puts the report CSP before anything the page holds, even a <head> inside a comment', () => {
    for (const page of [
      '<!doctype html><html><head lang="en"><title>R</title></head><body/></html>',
      '<header>x</header>',
      '<!-- <head> --><html><head><title>R</title></head><body><script>1</script></body></html>',
      '<!doctype html><title>x</title><script>/* <head> */</script><head></head>',
    ]) {
      const out = withReportCsp(page);
      // What a parser sees: comments are not markup, so the policy must stand outside them, ahead of all content.
      const parsed = out.replace(/<!--[\s\S]*?-->/g, '');
      const at = parsed.indexOf(REPORT_CSP_META);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(parsed.slice(0, at)).toMatch(/^\s*(<!doctype html>\s*)?(<html[^>]*>\s*)?(<head[^>]*>\s*)?$/i);
    }
  });

  function deps(failOn?: 'load' | 'print') {
    const events: string[] = [];
    let id = 0;
    const pages = new ReportPages(() => `${++id}`);
    const d: PrintPdfDeps = {
      pages,
      createTarget: () => ({
        loadURL: async (url) => {
          const page = pages.respond(url);
          events.push(`load:${url}:${page.status}:${page.headers.get('content-security-policy') === REPORT_CSP}`);
          if (failOn === 'load') throw new Error('load failed');
        },
        printToPDF: async (options: PrintToPDFOptions) => {
          events.push(`print:${options.pageSize}:${options.printBackground}`);
          if (failOn === 'print') throw new Error('print failed');
          return new Uint8Array([37, 80, 68, 70]);
        },
        destroy: () => void events.push('destroyed'),
      }),
    };
    return { d, events, pages };
  }

  it('prints A4 with backgrounds from a one-time page, then closes the window and forgets the page', async () => {
    const { d, events, pages } = deps();
    expect(await printHtmlToPdf('<p>report</p>', d)).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(PDF_OPTIONS).toEqual({ pageSize: 'A4', printBackground: true });
    expect(events).toEqual(['load:app://report/1.html:200:true', 'print:A4:true', 'destroyed']);
    expect(pages.respond('app://report/1.html').status).toBe(404);
  });

  it('cleans up when loading or printing fails', async () => {
    for (const failOn of ['load', 'print'] as const) {
      const { d, events, pages } = deps(failOn);
      await expect(printHtmlToPdf('<p/>', d)).rejects.toThrow(`${failOn} failed`);
      expect(events.at(-1)).toBe('destroyed');
      expect(pages.respond('app://report/1.html').status).toBe(404);
    }
  });

  it('serves report pages only at their own URL, with the report CSP inside as well', async () => {
    const pages = new ReportPages(() => 'ab12');
    const page = pages.publish('<html><head></head><body>Hi</body></html>');
    expect(page.url).toBe('app://report/ab12.html');
    const html = await pages.respond(page.url).text();
    expect(html).toContain(REPORT_CSP);
    for (const url of ['app://report/ab12.htm', 'app://report/../twitchscope/index.html', 'app://twitchscope/ab12.html']) {
      expect(pages.respond(url).status).toBe(404);
    }
  });
});
