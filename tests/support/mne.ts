import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * MNE-Python as Debian packages it (`apt-get install python3-mne`; .ci/run installs it). It is looked for in
 * Debian's own python3, not a pyenv or virtualenv one, because that is where the package puts it.
 */
const PYTHON = ['/usr/bin/python3', 'python3'];

export function mnePython(): string | null {
  for (const py of PYTHON) {
    const r = spawnSync(py, ['-c', 'import mne'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

export const MNE_MISSING = 'MNE-Python not found (apt-get install python3-mne): the independent-reader checks are skipped';

export interface MneReading {
  ch_names: string[];
  sfreq: number;
  n_times: number;
  /** Per channel; null where nothing was compared. */
  max_diff: (number | null)[];
  meas_date: string | null;
  annotations: [number, number, string][];
}

export function readWithMne(python: string, file: string, expectedF32: string, channels: number): MneReading {
  const out = execFileSync(python, [path.join(__dirname, 'mne-reader.py'), file, expectedF32, String(channels)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as MneReading;
}
