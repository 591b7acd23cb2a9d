/**
 * Where a run will write, checked before it writes anything: never over a file it reads (a recording, or the
 * work the app saved beside one) and never twice to one file. `analyze rec.csv --events rec.csv` used to
 * replace the recording with its own events table.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SIDECAR_SUFFIX } from '../core/review/sidecar';
import { UsageError } from './args';

export interface PlannedOutput {
  /** The option that names it, for the message (e.g. `--events`). */
  flag: string;
  path: string;
}

/** The same file by whatever name (links, `..`, letter case on case-insensitive disks), or null when absent. */
async function identity(file: string): Promise<string | null> {
  const st = await fs.stat(file).catch(() => null);
  return st === null ? null : `${st.dev}:${st.ino}`;
}

export async function refuseOverwritingInputs(inputs: readonly string[], outputs: readonly PlannedOutput[]): Promise<void> {
  const protectedFiles = new Map<string, string>();
  for (const input of inputs) {
    const recording = await identity(input);
    if (recording !== null) protectedFiles.set(recording, `the recording ${input}`);
    const saved = await identity(input + SIDECAR_SUFFIX);
    if (saved !== null) protectedFiles.set(saved, `the work saved for ${input}`);
  }
  const written = new Map<string, string>();
  for (const out of outputs) {
    const id = await identity(out.path);
    const reads = id === null ? undefined : protectedFiles.get(id);
    if (reads !== undefined) throw new UsageError(`${out.flag} ${out.path} would overwrite ${reads}: choose another output name`);
    // Outputs not written yet have no identity; their resolved names stand in (case-folded, to be safe).
    const key = id ?? path.resolve(out.path).toLowerCase();
    const other = written.get(key);
    if (other !== undefined) throw new UsageError(`${other} and ${out.flag} both name ${out.path}: give each output its own file`);
    written.set(key, out.flag);
  }
}
