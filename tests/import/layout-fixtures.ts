import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bytesSource, importRecording, type ImportOptions } from '../../core/import/index';
import type { Recording } from '../../core/recording';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const LAYOUTS = join(FIXTURES, 'layouts');

export function fixtureSource(path: string) {
  return bytesSource(basename(path), new Uint8Array(readFileSync(path)));
}

export function loadFixture(rel: string, options?: ImportOptions): Promise<Recording> {
  return importRecording(fixtureSource(join(LAYOUTS, rel)), options);
}

export function channel(rec: Recording, id: string) {
  const c = rec.channels.find((ch) => ch.id === id);
  if (!c) throw new Error(`no channel ${id} in ${rec.channels.map((ch) => ch.id).join(', ')}`);
  return c;
}

/** Every data file under a fixtures folder (documentation and scripts left out). */
export function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return dataFiles(p);
    return /\.(md|mjs|ts)$/.test(f) ? [] : [p];
  });
}
