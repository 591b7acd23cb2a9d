// The command line against inputs and paths meant to hurt (issue 13, defects 8-11).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../cli/pdf';
import { htmlTitle, pdfPageCount, pdfTitle, printedReportProblem } from '../../cli/pdf-check';
import { cli } from '../support/run-cli';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ts-hostile-'));
}

/** 20 s of 1 kHz EMG at rest with a few spikes, in the generic layout, under `labels`. */
function recording(labels = ['left calf EMG (uV)']): string {
  const lines = [`time_s,${labels.join(',')}`];
  for (let i = 0; i < 20_000; i++) {
    const spike = i % 4000 === 2000 ? 150 : 0;
    lines.push([(i / 1000).toFixed(3), ...labels.map((_, c) => (3 * Math.sin(i * 0.9 + c) + spike).toFixed(2))].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Control characters a printout must never pass to the terminal (line feed and tab are the program's own). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('outputs never overwrite inputs', () => {
  it('analyze rec.csv --events rec.csv is refused with exit 2, and the recording is untouched', async () => {
    const dir = tempDir();
    const rec = path.join(dir, 'rec.csv');
    fs.writeFileSync(rec, recording());
    const before = fs.readFileSync(rec, 'utf8');
    for (const [flag, out] of [['--events', rec], ['--json', path.join(dir, 'sub', '..', 'rec.csv')]] as const) {
      if (!fs.existsSync(path.join(dir, 'sub'))) fs.mkdirSync(path.join(dir, 'sub'));
      const r = await cli(['analyze', rec, flag, out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/would overwrite the recording/);
    }
    fs.linkSync(rec, path.join(dir, 'hard-link.csv'));
    expect((await cli(['analyze', rec, '--events', path.join(dir, 'hard-link.csv')])).code).toBe(2);
    expect(fs.readFileSync(rec, 'utf8')).toBe(before);
  });

  it('the work the app saved beside a recording is an input too; so is every file of a batch', async () => {
    const dir = tempDir();
    const rec = path.join(dir, 'rec.csv');
    fs.writeFileSync(rec, recording());
    fs.writeFileSync(`${rec}.twitchscope.json`, '{"my":"work"}');
    const r = await cli(['analyze', rec, '--json', `${rec}.twitchscope.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would overwrite the work saved for/);
    expect(fs.readFileSync(`${rec}.twitchscope.json`, 'utf8')).toBe('{"my":"work"}');
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, recording());
    const batch = await cli(['analyze', rec, other, '--summary', other, '--quiet']);
    expect(batch.code).toBe(2);
    expect(fs.readFileSync(other, 'utf8')).toBe(recording());
  });

  it('two outputs naming one file are refused', async () => {
    const dir = tempDir();
    const rec = path.join(dir, 'rec.csv');
    fs.writeFileSync(rec, recording());
    const r = await cli(['analyze', rec, '--json', path.join(dir, 'out'), '--events', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json and --events both name/);
  });
});

describe('nothing a file holds reaches the terminal as a control character', () => {
  it('labels with ESC, BEL, NUL and C1 codes are printed without them', async () => {
    const dir = tempDir();
    const rec = path.join(dir, 'labels.csv');
    fs.writeFileSync(rec, recording(['left calf\u001b]0;owned\u0007 EMG (uV)', 'right\u001b[2J\u0000 calf\u009b31m EMG (uV)']));
    for (const command of ['info', 'analyze']) {
      const r = await cli([command, rec]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/left calf\]0;owned EMG/);
      expect(r.stdout + r.stderr).not.toMatch(CONTROL);
    }
  });

  it('file names and messages quoting a file are cleaned the same way', async () => {
    const dir = tempDir();
    const evil = path.join(dir, 'evil\u001b[31m\u0007.csv');
    fs.writeFileSync(evil, '');
    const r = await cli(['info', evil]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil\[31m\.csv: the file is empty/);
    expect(r.stderr).not.toMatch(CONTROL);
    const batch = await cli(['analyze', evil, path.join(dir, 'missing\u001b[1m.csv')]);
    expect(batch.code).toBe(2);
    expect(batch.stdout + batch.stderr).not.toMatch(CONTROL);
  });
});

describe('--json-dir gives every recording its own file', () => {
  it('a.csv, a.txt and a-2.csv give three analyses, none overwritten', async () => {
    const dir = tempDir();
    const names = ['a.csv', 'a.txt', 'a-2.csv', 'A.tsv'];
    for (const name of names) fs.writeFileSync(path.join(dir, name), recording([`${name} EMG (uV)`]));
    // In the order given (a folder is listed in name order, which would hide the clash).
    for (const given of [names.slice(0, 3), names]) {
      const out = path.join(dir, `out-${given.length}`);
      const r = await cli(['analyze', ...given.map((n) => path.join(dir, n)), '--json-dir', out, '--quiet']);
      expect(r.code).toBe(0);
      const written = fs.readdirSync(out);
      expect(written).toHaveLength(given.length);
      const files = written.map((f) => JSON.parse(fs.readFileSync(path.join(out, f), 'utf8')).recording.file);
      expect(files.sort()).toEqual([...given].sort());
    }
  });
});

const chromium = findChromium();

describe.runIf(chromium !== null)('the PDF report holds the report', () => {
  it('with # and ? in the temporary folder, the report is printed, not a directory listing', async () => {
    const dir = tempDir();
    const tmp = path.join(dir, 'odd#name?x=1');
    fs.mkdirSync(tmp);
    const rec = path.join(dir, 'calf.csv');
    fs.writeFileSync(rec, recording());
    const pdf = path.join(dir, 'report.pdf');
    const r = await cli(['analyze', rec, '--report', pdf, '--quiet'], 120_000, { TMPDIR: tmp, TMP: tmp, TEMP: tmp });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(pdf));
    expect(pdfPageCount(bytes)).toBeGreaterThan(0);
    expect(pdfTitle(bytes)).toMatch(/calf\.csv/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/TwitchScope describes signals/);
    expect(text).not.toMatch(/Index of/);
  });

  it('a PDF of something else than the report is caught', () => {
    const listing = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Page>> endobj\n2 0 obj <</Title (Index of /tmp/odd/)>> endobj\n', 'latin1');
    const report = '<!DOCTYPE html><html><head><title>TwitchScope report &#8211; calf.csv</title></head><body></body></html>';
    expect(htmlTitle(report)).toBe('TwitchScope report – calf.csv');
    expect(printedReportProblem(new Uint8Array(listing), report)).toMatch(/Index of/);
    const utf16 = Buffer.from(`%PDF-1.4\n<</Type /Page>>\n<</Title <FEFF${Buffer.from('TwitchScope report – calf.csv', 'utf16le').swap16().toString('hex')}>>>\n`, 'latin1');
    expect(printedReportProblem(new Uint8Array(utf16), report)).toBeNull();
    expect(printedReportProblem(new Uint8Array(Buffer.from('%PDF-1.4\n<</Title (x)>>')), report)).toMatch(/no pages/);
  });
});
