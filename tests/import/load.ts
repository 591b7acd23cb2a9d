import fs from 'node:fs';
import path from 'node:path';
import { bytesSource, importRecording, type ImportOptions } from '../../core/import';
import type { Recording } from '../../core/recording';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

export function fixtureBytes(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, rel)));
}

export function importFixture(rel: string, options?: ImportOptions): Promise<Recording> {
  return importRecording(bytesSource(path.basename(rel), fixtureBytes(rel)), options);
}
