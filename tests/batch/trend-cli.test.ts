import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli';
import { findChromium } from '../../cli/pdf';
import { writeSession } from './recordings';

const hasPdfTools = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return findChromium() !== null;
  } catch {
    return false;
  }
})();

/** Set REPORT_PREVIEW_DIR to keep the trend PDF and its pages as PNG for looking at. */
const previewDir = process.env.REPORT_PREVIEW_DIR;

let dir: string;
let files: string[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-trend-'));
  // One calf over three weeks: the rate rises from 4 to 16 per minute; the right calf stays quiet.
  files = [
    ['week1.csv', '2026-01-05T08:00:00', 4],
    ['week2.csv', '2026-01-12T08:05:00', 7],
    ['week3.csv', '2026-01-19T07:55:00', 16],
  ].map(([file, start, rate], i) => writeSession(dir, { file: file as string, start: start as string, seed: 60 + i, rates: { 'left calf EMG': rate as number, 'right calf EMG': 0 }, durationS: 240 }));
});

describe('twitchscope trend', () => {
  it('compares the recordings over time on stdout and writes the trend report', async () => {
    const out = path.join(dir, 'trend.html');
    const r = await cli(['trend', ...files, '--tag', 'week2.csv=caffeine', '--tag', 'week2.csv=poor sleep', '--report', out, '--subject', 'S. M.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^3 recordings, 2026-01-05T08:00:00 to 2026-01-19T07:55:00$/m);
    expect(r.stdout).toMatch(/^ {2}left calf: \d+(?:\.\d{1,2})?\/min → \d+(?:\.\d{1,2})?\/min → \d+(?:\.\d{1,2})?\/min$/m);
    expect(r.stdout).toMatch(/left calf, latest against first: Higher in the 19 Jan recording: .*\(95% interval \d.* to \d.* times\), all of it above no change\./);
    expect(r.stdout).toMatch(/right calf, latest against first: Too few twitch-like events to compare/);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Muscle twitch trend report</h1>');
    expect(html).toContain('1 caffeine · 2 poor sleep');
    expect(html).not.toContain('Muscle twitch recording report');
  });

  it.skipIf(!hasPdfTools)('prints the trend report to PDF', async () => {
    const out = path.join(dir, 'trend.pdf');
    const r = await cli(['trend', ...files, '--tag', 'week2.csv=caffeine', '--report', out, '-q']);
    expect(r.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Muscle twitch trend report');
    expect(text).toContain('Twitch-like events per minute of rest, by site, over time');
    expect(text).toContain('Body sites with twitch-like events in each recording');
    expect(text).toMatch(/week3\.csv left calf/);
    expect(text).toContain('TwitchScope describes signals; it does not diagnose.');
    if (previewDir) {
      fs.mkdirSync(previewDir, { recursive: true });
      fs.copyFileSync(out, path.join(previewDir, 'trend.pdf'));
      execFileSync('pdftoppm', ['-r', '60', '-png', out, path.join(previewDir, 'trend')]);
    }
  });

  it('with one recording says a trend needs more and writes the ordinary report', async () => {
    const out = path.join(dir, 'one.html');
    const r = await cli(['trend', files[0], '--report', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^twitchscope: a trend needs two or more recordings; writing the single-recording report$/m);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Muscle twitch recording report</h1>');
    expect(html).not.toContain('trend report');
  });

  it('goes on past a broken file and exits 2', async () => {
    const broken = path.join(dir, 'broken.txt');
    fs.writeFileSync(broken, 'not a recording\n');
    const r = await cli(['trend', files[0], broken, files[2], '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twitchscope: broken\.txt:\d+: /m);
    expect(r.stderr).toMatch(/^twitchscope: 1 of 3 files could not be analysed$/m);
    const misplaced = await cli(['trend', ...files, '--summary', 'x.csv']);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toMatch(/--summary belongs to "analyze"/);
  });
});
