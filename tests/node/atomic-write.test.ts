import * as fs from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killWriterAt } from '../support/kill-writer';
import { writeFileAtomic } from '../../node/fs/atomic-write';
import { removeStaleTempsOf } from '../../node/fs/stale-temps';
import { tempDir, uniqueSuffix } from '../electron/helpers';

const WRITER = join(__dirname, 'fixtures', 'atomic-writer.ts');
const OLD = 'the user work saved before\n'.repeat(1000);


describe('atomic write', () => {
  it('replaces the content and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const target = join(dir, 'settings.json');
    await fs.writeFile(target, OLD);
    await writeFileAtomic(fs, target, '{"v":2}', uniqueSuffix);
    expect(await fs.readFile(target, 'utf8')).toBe('{"v":2}');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps the old file whole when the writer is killed mid-write', async () => {
    const dir = tempDir();
    const target = join(dir, 'calf.csv.twitchscope.json');
    await fs.writeFile(target, OLD);
    await killWriterAt(WRITER, ['pause-atomic', target], 'HALF');
    expect(await fs.readFile(target, 'utf8')).toBe(OLD);
    // The half-written temporary file is what was lost, and it sits beside the target, not over it.
    const leftovers = (await fs.readdir(dir)).filter((name) => name !== 'calf.csv.twitchscope.json');
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.calf\.csv\.twitchscope\.json\.\d+-\d+\.tmp$/);
  });

  it('control: a plain overwrite killed at the same point loses the old file', async () => {
    const dir = tempDir();
    const target = join(dir, 'calf.csv.twitchscope.json');
    await fs.writeFile(target, OLD);
    await killWriterAt(WRITER, ['pause-direct', target], 'HALF');
    const after = await fs.readFile(target, 'utf8');
    expect(after).not.toBe(OLD);
    expect(after.length).toBe(2 * 1024 * 1024);
  });

  it('leaves one complete version when killed at arbitrary moments of a rewrite loop', async () => {
    for (const delayMs of [40, 170, 330]) {
      const dir = tempDir();
      const target = join(dir, 'data.bin');
      await fs.writeFile(target, new Uint8Array(8 * 1024 * 1024).fill(0x41));
      await killWriterAt(WRITER, ['loop', target], 'READY', delayMs);
      const bytes = new Uint8Array(await fs.readFile(target));
      expect(bytes.length).toBe(8 * 1024 * 1024);
      const first = bytes[0];
      expect(bytes.every((b) => b === first)).toBe(true);
    }
  });

  it('keeps the permissions of the file it replaces, whatever the umask', async () => {
    const dir = tempDir();
    for (const mode of [0o600, 0o640, 0o664]) {
      const target = join(dir, `work-${mode.toString(8)}.json`);
      await fs.writeFile(target, OLD);
      await fs.chmod(target, mode);
      await writeFileAtomic(fs, target, '{"v":2}', uniqueSuffix);
      expect(((await fs.stat(target)).mode & 0o777).toString(8)).toBe(mode.toString(8));
    }
  });

  it('writes a new file readable by its owner only: it holds health data', async () => {
    const target = join(tempDir(), 'calf.csv.twitchscope.json');
    await writeFileAtomic(fs, target, '{"v":1}', uniqueSuffix);
    expect(((await fs.stat(target)).mode & 0o777).toString(8)).toBe('600');
  });
});

describe('temporary copies left by a killed save', () => {
  it('are removed, while a live writer\'s and other hidden files are left alone', async () => {
    const dir = tempDir();
    const target = join(dir, 'calf.csv.twitchscope.json');
    await fs.writeFile(target, OLD);
    await killWriterAt(WRITER, ['pause-atomic', target], 'HALF');
    const [killed] = (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));
    expect(killed).toBeDefined();
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const liveTemp = join(dir, `.calf.csv.twitchscope.json.${live.pid}-1.tmp`);
      const oldUnnamed = join(dir, '.calf.csv.twitchscope.json.a1b2.tmp');
      const freshUnnamed = join(dir, '.calf.csv.twitchscope.json.c3d4.tmp');
      const otherFile = join(dir, '.other.csv.999999-1.tmp');
      for (const p of [liveTemp, oldUnnamed, freshUnnamed, otherFile]) await fs.writeFile(p, 'x');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      await fs.utimes(oldUnnamed, twoHoursAgo, twoHoursAgo);
      const removed = await removeStaleTempsOf(fs, target);
      expect(removed.sort()).toEqual([join(dir, killed), oldUnnamed].sort());
      expect((await fs.readdir(dir)).sort()).toEqual(['calf.csv.twitchscope.json', liveTemp, freshUnnamed, otherFile].map((p) => p.replace(`${dir}/`, '')).sort());
      expect(await fs.readFile(target, 'utf8')).toBe(OLD);
    } finally {
      live.kill('SIGKILL');
    }
  });
});

