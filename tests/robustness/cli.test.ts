import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { genericSeed } from '../fuzz/corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twitchscope-cli-robust-'));
const GOOD = genericSeed(4000);
const lines = GOOD.trimEnd().split('\n');

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** Broken files and what the command line must answer: 0 (read, maybe with warnings) or 2 (bad input). */
const FILES: Array<[string, string | Uint8Array, 0 | 2]> = [
  ['empty.csv', '', 2],
  ['picture.csv', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256), 2],
  ['header-only.csv', lines.slice(0, 3).join('\n') + '\n', 2],
  ['years.csv', [...lines.slice(0, 1003), ...lines.slice(1003).map((l) => l.replace(/^[\d.]+/, (t) => String(1e12 + Number(t))))].join('\n'), 2],
  ['one-line.csv', '1.5,'.repeat(300_000), 2],
  ['cut.csv', GOOD.slice(0, GOOD.length - 7), 0],
  ['bad-cells.csv', lines.map((l, i) => (i > 3 && i % 9 === 0 ? l.replace(/,[^,]+,/, ',n/a,') : l)).join('\n'), 0],
  ['utf16.csv', utf16le(GOOD), 0],
  ['overflow.csv', lines.map((l, i) => (i === 40 ? l.replace(/,[^,]+,/, ',1e999,') : l)).join('\n'), 0],
];

afterEach(() => vi.restoreAllMocks());

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stderr };
}

describe('the command line on broken files', () => {
  for (const [name, content, expected] of FILES) {
    it(`${name}: exit ${expected}, ${expected === 0 ? 'JSON and report written' : 'one line naming the file'}, never an internal error`, async () => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      const json = path.join(dir, `${name}.json`);
      const report = path.join(dir, `${name}.html`);
      const { code, stderr } = await run(['analyze', file, '--json', json, '--report', report, '--quiet']);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      expect(code).toBe(expected);
      if (expected === 2) {
        expect(stderr).toMatch(new RegExp(`^twitchscope: ${name.replace('.', '\\.')}`));
        expect(stderr.trim().split('\n')).toHaveLength(1);
      } else {
        expect(JSON.parse(fs.readFileSync(json, 'utf8')).schema).toBe('twitchscope.analysis/2');
        expect(fs.readFileSync(report, 'utf8')).toMatch(/^<!doctype html>/i);
      }
    });
  }

  it('a folder given as the recording is bad input, not a crash', async () => {
    const { code, stderr } = await run(['info', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/this is a folder, not a file/);
  });
});
