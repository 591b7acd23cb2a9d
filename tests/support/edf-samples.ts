import fs from 'node:fs';
import path from 'node:path';

/**
 * Real EDF/BDF files from public repositories, kept with the shared samples (`shared/samples/edf/`;
 * tests/import/edf/SAMPLES.md gives each file's source, licence and checksum). CI has shared/ beside the clone; a developer may point
 * TWITCHSCOPE_EDF_SAMPLES at another copy. Null when neither is there.
 */
export function edfSamplesDir(): string | null {
  const root = path.resolve(__dirname, '../..');
  const candidates = [process.env.TWITCHSCOPE_EDF_SAMPLES, path.resolve(root, '../shared/samples/edf')];
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, 'short_psg.edf'))) return dir;
  return null;
}

export const EDF_SAMPLES_MISSING =
  'real EDF/BDF samples not found (shared/samples/edf/ or TWITCHSCOPE_EDF_SAMPLES): the real-file tests are skipped';
