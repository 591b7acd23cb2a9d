import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killWriterAt } from '../support/kill-writer';
import { writeFileAtomic } from '../../electron/fs/atomic-write';
import { tempDir, uniqueSuffix } from './helpers';

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
    expect(leftovers[0]).toMatch(/^\.calf\.csv\.twitchscope\.json\.\d+\.tmp$/);
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
});
