import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPaper, findChromium, htmlToPdf, NO_CHROMIUM_MESSAGE } from '../../cli/pdf';
import { DISCLAIMER, guidanceFor, type ChecklistAnswers } from '../../core/guidance';
import { buildReportHtml } from '../../core/report';
import { analyseRecording } from '../../core/analysis/analyse';
import { bytesSource, importRecording } from '../../core/import/index';
import type { Analysis } from '../../core/analysis/types';
import { withoutUnusedChannels } from '../../core/analysis/unused-channels';
import { applyReview } from '../../core/review/apply';
import type { RecordingContext } from '../../core/review/context';
import { addEvent, setReview, type ReviewEdit } from '../../core/review/edits';
import { cli } from '../support/run-cli';
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

interface Printed {
  /** All pages, runs of spaces collapsed. */
  text: string;
  /** Each page's text, runs of whitespace collapsed. */
  pageTexts: string[];
  /** Lines with words on each page (the page-number footer included). */
  pageLines: number[];
  pages: number;
}

function pdfText(pdf: Uint8Array, name: string): Printed {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  keepPreview(path, name);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  // Form feeds separate pages in pdftotext output: a second, independent page count.
  const raw = text.split('\f').filter((p) => p.trim());
  expect(raw.length).toBe(pages);
  return {
    text: text.replace(/[ \t]+/g, ' '),
    pageTexts: raw.map((p) => p.replace(/\s+/g, ' ')),
    pageLines: raw.map((p) => p.split('\n').filter((l) => /[a-z]/i.test(l)).length),
    pages,
  };
}

/** A last page with less than this many lines of text is a near-empty page (a full page holds about 45). */
const MIN_LAST_PAGE_LINES = 12;

/** Words that soothe or suggest self-care: none may stand beside an answer that calls for a clinician. */
const SOOTHING = /most often harmless|is a good sign|often help|Strength matters more than counts|Everyday triggers you mentioned|Twitching at several sites/;

interface Case {
  name: string;
  /** The CSV as a user would open it. */
  file: () => { name: string; bytes: Uint8Array };
  answers: ChecklistAnswers;
  context?: RecordingContext;
  /** Confirm all but the last `reject` detected twitches, reject those, add one. */
  review?: { reject: number };
  /** Guidance titles this case must produce (each rule's own tests live in tests/guidance). */
  expectItems: string[];
  /** Words the whole report must carry beyond the per-site rows. */
  expectText: string[];
  /** Words page 1 must carry. */
  expectPage1: string[];
  /** Words the report must not carry. */
  forbidText: RegExp[];
  papers: Array<'A4' | 'Letter'>;
}

const samplesDir = resolve(__dirname, '../../samples');
const sample = (name: string) => () => ({ name, bytes: new Uint8Array(readFileSync(join(samplesDir, name))) });
const haveSamples = ['calf-rest-emg.csv', 'forearm-wrist-accel.csv', 'back-emg-ecg.csv'].every((f) => existsSync(join(samplesDir, f)));
if (!haveSamples) console.warn('[report PDF tests] a bundled sample is missing: those cases are skipped.');

/** Page-one lines every EMG report carries: the limits of surface EMG and the validation caveat. */
const EMG_PAGE1 = ['A surface electrode cannot tell fasciculation potentials from voluntary motor-unit firing', 'does not replace needle EMG', 'not validated against expert-annotated clinical recordings'];

/** 200 Hz EMG as an 8-channel OpenBCI board writes it with six electrodes unplugged (three flat, three railed). */
function openbci200(): { name: string; bytes: Uint8Array } {
  const sim = simulateRecording({
    file: 'openbci-200hz.csv',
    durationS: 300,
    emgRateHz: 200,
    seed: 5,
    emg: [
      { id: 'emg1', label: 'EXG Channel 0 (uV)', site: 'left calf', twitchesPerMinute: 18 },
      { id: 'emg2', label: 'EXG Channel 1 (uV)', site: 'right calf', twitchesPerMinute: 4 },
    ],
  });
  const n = sim.recording.channels[0].data.length;
  for (let k = 2; k < 8; k++) {
    const data = new Float32Array(n).fill(k >= 5 ? 187500 : 0);
    sim.recording.channels.push({ id: `emg${k + 1}`, label: `EXG Channel ${k} (uV)`, kind: 'emg', unit: 'uV', sampleRateHz: 200, startS: 0, data });
  }
  return { name: sim.recording.file, bytes: new TextEncoder().encode(toGenericCsv(sim.recording)) };
}

const cases: Case[] = [
  {
    name: 'samples/calf-rest-emg.csv with calm answers, reviewed, with its recording context',
    file: sample('calf-rest-emg.csv'),
    answers: { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', caffeine: 'yes', 'poor-sleep': 'yes' },
    context: { placement: 'bipolar, 2 cm apart along the fibres', muscle: 'medial gastrocnemius, both sides', posture: 'lying prone', symptomDuration: 'about 3 months', weakness: 'none' },
    review: { reject: 3 },
    expectItems: ['Strength matters more than counts', 'Everyday triggers you mentioned', 'One stretch of sustained activity'],
    expectText: ['left calf', 'right calf', 'Sustained activity, onset', '50 Hz', 'Electrode placement: bipolar, 2 cm apart', 'Symptoms for: about 3 months', 'Weakness felt in: none'],
    expectPage1: [...EMG_PAGE1, 'Reviewed by a person: 49 detected: 46 confirmed, 3 rejected; 1 added (detector precision 94% (46 of 49 checked)).'],
    forbidText: [/cramp-like/i],
    papers: ['A4', 'Letter'],
  },
  {
    name: 'samples/forearm-wrist-accel.csv, checklist not filled in',
    file: sample('forearm-wrist-accel.csv'),
    answers: {},
    expectItems: ['Movement sensor only', 'Fill in the checklist'],
    expectText: ['Symptom checklist not filled in.', 'mg', 'Brief movement'],
    expectPage1: ['18 brief movements in right forearm over 3 min 56 s of rest: 4.6/min (95% interval 2.7–7.2).', 'A worn accelerometer cannot feel single motor units', 'Not reviewed by a person: the brief movements are as the detector found them'],
    forbidText: [/twitch-like event/i, /like those a twitching motor unit/i, /1[-–]3 mg/, /EMG detection|Surface EMG|needle EMG|SENIAM|Hermens|Bashford|Kleine|Bonato|Hodges|Minetto|Mewett/],
    papers: ['A4'],
  },
  {
    name: 'samples/back-emg-ecg.csv: heartbeats set aside, not drawn',
    file: sample('back-emg-ecg.csv'),
    answers: {},
    expectItems: [],
    expectText: ['Heartbeats picked up by the electrodes were set aside and are not drawn', 'beats subtracted'],
    expectPage1: EMG_PAGE1,
    forbidText: [/cramp-like/i],
    papers: ['A4'],
  },
  {
    name: 'a 200 Hz, 8-channel recording with six electrodes unplugged',
    file: openbci200,
    answers: {},
    expectItems: [],
    expectText: ['EMG 200 Hz 20–90 Hz (of 450)', 'Left out of the tables and charts: EXG Channel 2 (uV), EXG Channel 3 (uV), EXG Channel 4 (uV), EXG Channel 5 (uV), EXG Channel 6 (uV) and EXG Channel 7 (uV): flat throughout (not connected?).'],
    expectPage1: [...EMG_PAGE1, 'Read with care: EMG sampled at 200 Hz, so only 20–90 Hz was kept: small, fast potentials may be missed and the rate may be too low.', '8 EMG (6 without signal, left out)'],
    forbidText: [/EXG Channel [2-7] \(uV\) +\S+ +\d/],
    papers: ['A4'],
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
    expectText: ['Yes ▲'],
    expectPage1: [...EMG_PAGE1, '▲ Warning signs: reported weakness where it twitches; twitching always in one muscle group'],
    forbidText: [SOOTHING],
    papers: ['A4'],
  },
];

describe.skipIf(!chromium || !hasPoppler)('report printed by Chromium', () => {
  for (const c of cases) {
    const needsSamples = c.name.startsWith('samples/');
    it.skipIf(needsSamples && !haveSamples)(`${c.name}: what page 1 must say, sites, guidance and disclaimer on 2–4 full pages`, async () => {
      const { name, bytes } = c.file();
      const recording = await importRecording(bytesSource(name, bytes));
      let analysis = analyseRecording(recording);
      if (c.review) analysis = applyReview(analysis, reviewEdits(analysis, c.review.reject));
      const html = buildReportHtml({ recording, analysis, answers: c.answers, context: c.context, subject: 'J.D.', software: { name: 'TwitchScope', version: '0.1.0' }, generatedAt: '2026-03-15T08:12:00Z' });
      const items = guidanceFor(withoutUnusedChannels(analysis), c.answers);
      for (const paper of c.papers) {
        const { text, pages, pageTexts, pageLines } = pdfText(await htmlToPdf(html, { paper }), `${name}-${paper}.pdf`);
        const flat = text.replace(/\s+/g, ' ');
        expect(pages).toBeGreaterThanOrEqual(2);
        expect(pages).toBeLessThanOrEqual(4);
        expect(pageLines[pages - 1]).toBeGreaterThanOrEqual(MIN_LAST_PAGE_LINES);
        expect(text).toContain(name);
        for (const s of analysis.summary.sites) expect(text).toMatch(new RegExp(`${s.site} +\\d +[\\d.]+ +${s.twitchCount} `));
        for (const title of c.expectItems) expect(flat).toContain(title);
        for (const i of items) expect(flat).toContain(i.title);
        for (const words of c.expectText) expect(flat).toContain(words);
        for (const words of c.expectPage1) expect(pageTexts[0]).toContain(words);
        for (const re of c.forbidText) expect(flat).not.toMatch(re);
        expect(flat).toContain(DISCLAIMER);
        expect(text).toContain(`page ${pages} of ${pages}`);
      }
    });
  }

  it('with --answer weakness-worse=yes the report leads with the clinician item and holds nothing soothing', async () => {
    const pdf = join(dir, 'worse.pdf');
    const r = await cli(['analyze', join(samplesDir, 'calf-rest-emg.csv'), '--answer', 'weakness=yes', '--answer', 'weakness-worse=yes', '--answer', 'caffeine=yes', '--answer', 'stress=yes', '--report', pdf]);
    expect(r.code).toBe(0);
    const { text } = pdfText(new Uint8Array(readFileSync(pdf)), 'worse-cli.pdf');
    const guidance = text.replace(/\s+/g, ' ').split(' Guidance ')[1].split(' Data quality ')[0];
    expect(guidance).toMatch(/^▲ SEE A CLINICIAN Please arrange to see a clinician /);
    expect(guidance).toContain('Why: You answered yes to: weakness where it twitches; weakness getting worse.');
    expect(guidance).not.toMatch(SOOTHING);
    expect(guidance).not.toContain('○ GOOD TO KNOW Everyday triggers');
  });
});

/** The review a person might make: all but the last `reject` twitches confirmed, those rejected, one added. */
function reviewEdits(analysis: Analysis, reject: number): ReviewEdit[] {
  const twitches = analysis.events.filter((e) => e.type === 'twitch');
  let edits: ReviewEdit[] = [];
  twitches.slice(0, -reject).forEach((e) => (edits = setReview(edits, e, 'confirm')));
  twitches.slice(-reject).forEach((e) => (edits = setReview(edits, e, 'reject')));
  return addEvent(edits, { channel: twitches[0].channel, peakS: 100.5, startS: 100.495, endS: 100.505, amplitude: 40 });
}

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
