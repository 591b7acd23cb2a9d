import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One seed file for the fuzzer: a real or layout fixture, cut to its first few KB at a line end. */
export interface Seed {
  name: string;
  bytes: Uint8Array;
}

const FIXTURES = join(__dirname, '..', 'fixtures');

function dataFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return dataFiles(p);
      return /\.(md|mjs|ts)$/.test(f) ? [] : [p];
    });
}

/** The first `maxBytes` of `bytes`, ending after the last complete line in them. */
export function headOf(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length <= maxBytes) return bytes;
  let end = maxBytes;
  while (end > 0 && bytes[end - 1] !== 10) end--;
  return bytes.slice(0, end > 0 ? end : maxBytes);
}

/**
 * The generic layout the importer documents: comments with the rate, a time column, one EMG and a
 * three-axis accelerometer; a 40 Hz twitch-sized spike every 0.25 s so detection has something to find.
 */
export function genericSeed(rows: number, rateHz = 2000): string {
  const lines = [`# rate_hz = ${rateHz}`, '# subject = fuzz', 'time_s,left calf EMG (uV),wrist acc x (g),wrist acc y (g),wrist acc z (g)'];
  for (let i = 0; i < rows; i++) {
    const t = i / rateHz;
    const emg = 5 * Math.sin(i * 0.7) + (i % 500 === 250 ? 80 : 0);
    lines.push(`${t.toFixed(4)},${emg.toFixed(2)},${(0.01 * Math.sin(i * 0.01)).toFixed(4)},${(0.02 * Math.cos(i * 0.013)).toFixed(4)},${(1 + 0.01 * Math.sin(i * 0.02)).toFixed(4)}`);
  }
  return lines.join('\n') + '\n';
}

/** Every fixture (real vendor exports and documented layouts) cut to `maxBytes`, plus the generic layout. */
export function loadSeeds(maxBytes = 4096): Seed[] {
  const seeds = dataFiles(FIXTURES).map((p) => ({ name: basename(p), bytes: headOf(new Uint8Array(readFileSync(p)), maxBytes) }));
  seeds.push({ name: 'generic.csv', bytes: new TextEncoder().encode(genericSeed(60)) });
  return seeds;
}

/** A fixture whole, for the few expensive cases that need a full-size file. */
export function fullFixture(relative: string): Seed {
  const p = join(FIXTURES, relative);
  return { name: basename(p), bytes: new Uint8Array(readFileSync(p)) };
}
