import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPaper, findChromium, htmlToPdf, NO_CHROMIUM_MESSAGE } from '../../cli/pdf';
import { DISCLAIMER, guidanceFor, type ChecklistAnswers } from '../../core/guidance';
import { buildReportHtml } from '../../core/report';
import { analyzeRecording } from '../../core/analysis/analyze';
import { bytesSource, importRecording } from '../../core/import/index';
import { simulateRecording, toGenericCsv } from './simulated';

const chromium = findChromium();
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!chromium) console.warn(`[report PDF tests skipped] ${NO_CHROMIUM_MESSAGE}`);
if (!hasPoppler) console.warn('[report PDF tests skipped] pdftotext/pdfinfo (poppler-utils) are not installed.');

const dir = mkdtempSync(join(tmpdir(), 'twitchscope-report-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Set REPORT_PREVIEW_DIR to keep each PDF and its pages as PNG (pdftoppm) for looking at. */
const previewDir = process.env.REPORT_PREVIEW_DIR;

function keepPreview(path: string, name: string): void {
  if (!previewDir) return;
  mkdirSync(previewDir, { recursive: true });
  copyFileSync(path, join(previewDir, name));
  execFileSync('pdftoppm', ['-r', '80', '-png', path, join(previewDir, name.replace(/\.pdf$/, ''))]);
}

function pdfText(pdf: Uint8Array, name: string): { text: string; pages: number } {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  keepPreview(path, name);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  // Form feeds separate pages in pdftotext output: a second, independent page count.
  expect(text.split('\f').filter((p) => p.trim()).length).toBe(pages);
  return { text: text.replace(/[ \t]+/g, ' '), pages };
}

interface Case {
  name: string;
  /** The CSV as a user would open it. */
  file: () => { name: string; bytes: Uint8Array };
  answers: ChecklistAnswers;
  /** Guidance titles this case must produce (each rule's own tests live in tests/guidance). */
  expectItems: string[];
  /** Words the page must carry beyond the per-site rows. */
  expectText: string[];
  papers: Array<'A4' | 'Letter'>;
}

const samplesDir = resolve(__dirname, '../../samples');
const sample = (name: string) => () => ({ name, bytes: new Uint8Array(readFileSync(join(samplesDir, name))) });
const haveSamples = ['calf-rest-emg.csv', 'forearm-wrist-accel.csv'].every((f) => existsSync(join(samplesDir, f)));
if (!haveSamples) console.warn('[report PDF tests] samples/calf-rest-emg.csv or forearm-wrist-accel.csv missing: those cases are skipped.');

const cases: Case[] = [
  {
    name: 'samples/calf-rest-emg.csv with calm answers',
    file: sample('calf-rest-emg.csv'),
    answers: { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', caffeine: 'yes', 'poor-sleep': 'yes' },
    expectItems: ['Strength matters more than counts', 'Everyday triggers you mentioned', 'One stretch of sustained activity'],
    expectText: ['left calf', 'right calf', 'Sustained, onset', '50 Hz'],
    papers: ['A4', 'Letter'],
  },
  {
    name: 'samples/forearm-wrist-accel.csv, checklist not filled in',
    file: sample('forearm-wrist-accel.csv'),
    answers: {},
    expectItems: ['Movement sensor only', 'Fill in the checklist'],
    expectText: ['Symptom checklist not filled in.', 'mg'],
    papers: ['A4', 'Letter'],
  },
  {
    // No sample has a tongue channel or red-flag answers: a simulated three-site recording covers them.
    name: 'simulated three sites with a tongue channel, red flags',
    file: () => {
      const sim = simulateRecording({
        file: 'three-sites.csv',
        durationS: 600,
        emgRateHz: 1000,
        seed: 29,
        emg: [
          { id: 'emg1', label: 'right calf EMG (uV)', site: 'right calf', twitchesPerMinute: 10, cramps: [{ startS: 100, durationS: 12 }, { startS: 300, durationS: 20 }, { startS: 480, durationS: 30 }] },
          { id: 'emg2', label: 'left thigh EMG (uV)', site: 'left thigh', twitchesPerMinute: 0.5 },
          { id: 'emg3', label: 'tongue EMG (uV)', site: 'tongue', twitchesPerMinute: 1 },
        ],
      });
      return { name: sim.recording.file, bytes: new TextEncoder().encode(toGenericCsv(sim.recording)) };
    },
    answers: { weakness: 'yes', 'same-place': 'yes', 'sudden-onset': 'yes', stress: 'yes' },
    expectItems: ['Please arrange to see a clinician', 'Twitch-like events on the tongue channel', 'More frequent at one site', 'Repeated sustained activity'],
    expectText: ['Reported: weakness where it twitches; twitching always in one muscle group', 'Yes ▲'],
    papers: ['A4'],
  },
];

describe.skipIf(!chromium || !hasPoppler)('report printed by Chromium', () => {
  for (const c of cases) {
    const needsSamples = c.name.startsWith('samples/');
    it.skipIf(needsSamples && !haveSamples)(`${c.name}: sites, counts, guidance and disclaimer on 2–4 pages`, async () => {
      const { name, bytes } = c.file();
      const recording = await importRecording(bytesSource(name, bytes));
      const analysis = analyzeRecording(recording);
      const html = buildReportHtml({ recording, analysis, answers: c.answers, subject: 'J.D.', software: { name: 'TwitchScope', version: '0.1.0' }, generatedAt: '2026-03-15T08:12:00Z' });
      const items = guidanceFor(analysis, c.answers);
      const total = analysis.summary.channels.reduce((n, ch) => n + ch.twitchCount, 0);
      expect(total).toBeGreaterThan(0);
      for (const paper of c.papers) {
        const { text, pages } = pdfText(await htmlToPdf(html, { paper }), `${name}-${paper}.pdf`);
        expect(pages).toBeGreaterThanOrEqual(2);
        expect(pages).toBeLessThanOrEqual(4);
        expect(text).toContain(name);
        for (const s of analysis.summary.sites) {
          expect(text).toMatch(new RegExp(`${s.site} +\\d +[\\d.]+ +${s.twitchCount} `));
        }
        expect(text).toContain(`${total} twitch-like event`);
        for (const title of c.expectItems) expect(text).toContain(title);
        for (const i of items) expect(text).toContain(i.title);
        for (const words of c.expectText) expect(text.replace(/\s+/g, ' ')).toContain(words);
        expect(text.replace(/\s+/g, ' ')).toContain(DISCLAIMER);
        expect(text).toContain(`page ${pages} of ${pages}`);
      }
    });
  }
});

describe('htmlToPdf without Chromium', () => {
  it('says what to install when no browser is found', async () => {
    expect(findChromium({ CHROME_PATH: join(dir, 'no-such-chrome'), PATH: '' })).toBeNull();
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = join(dir, 'no-such-chrome');
    try {
      await expect(htmlToPdf('<p>x</p>')).rejects.toThrow(/Install Chromium .* or set CHROME_PATH/);
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
  });

  it.skipIf(!chromium)('uses the browser CHROME_PATH names', () => {
    expect(findChromium({ CHROME_PATH: chromium!, PATH: '' })).toBe(chromium);
  });
});

describe('default paper', () => {
  it('is Letter where Letter is the norm and A4 elsewhere', () => {
    expect(defaultPaper('en-US')).toBe('Letter');
    expect(defaultPaper('fr-CA')).toBe('Letter');
    expect(defaultPaper('en-GB')).toBe('A4');
    expect(defaultPaper('de')).toBe('A4');
    expect(defaultPaper('es')).toBe('A4');
    expect(defaultPaper('not a locale')).toBe('A4');
  });
});
