/**
 * `npm run digest [-- FILE|FOLDER...]`: one line per recording with a hash of its imported samples and a hash of
 * its analysis (events, summaries, channels and parameters, every number at full precision). Run it before and
 * after a change that must not move a single event and compare the two outputs: equal lines are bit-identical
 * results. Default: samples/ and tests/fixtures/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseRecording } from '../core/analysis/analyse';
import { RECORDING_EXTENSIONS } from '../core/import/extensions';
import type { Recording } from '../core/recording';
import { readRecording } from '../cli/read-recording';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function recordingFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? recordingFiles(join(path, e.name)) : RECORDING_EXTENSIONS.includes(extname(e.name).toLowerCase()) ? [join(path, e.name)] : []));
}

const short = (h: ReturnType<typeof createHash>) => h.digest('hex').slice(0, 16);

/** The samples as imported: each channel's id, rate and raw Float32 bytes. */
function samplesHash(rec: Recording): string {
  const h = createHash('sha256');
  for (const c of rec.channels) {
    h.update(`${c.id}|${c.sampleRateHz}|`);
    h.update(new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength));
  }
  return short(h);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roots = args.length > 0 ? args.map((a) => resolve(a)) : [join(ROOT, 'samples'), join(ROOT, 'tests/fixtures')];
  for (const file of roots.flatMap(recordingFiles)) {
    const name = relative(ROOT, file);
    let rec: Recording;
    try {
      rec = await readRecording(file, { columns: {}, quiet: true }, false);
    } catch (error) {
      console.log(`${name}\tnot read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      continue;
    }
    const a = analyseRecording(rec);
    const analysis = short(createHash('sha256').update(JSON.stringify({ channels: a.channels, events: a.events, summary: a.summary, parameters: a.parameters })));
    console.log(`${name}\tsamples ${samplesHash(rec)}\tanalysis ${analysis}\t${a.events.length} events`);
  }
}

void main();
