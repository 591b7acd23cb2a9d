import { run as analysisBench } from './analysis';
import { run as batchBench, runCommandLine as batchCliBench } from './batch';
import { run as edfBench } from './edf';
import { run as importBench } from './import';
import { run as largeBench } from './large';
import { run as peerBench } from './peer';

const SECTIONS: Record<string, () => Promise<void>> = {
  import: importBench,
  edf: edfBench,
  analysis: analysisBench,
  batch: async () => {
    await batchBench();
    await batchCliBench();
  },
  large: largeBench,
  peer: peerBench,
};

/**
 * `npm run bench`: every speed and memory figure the issues set goals for, printed as Markdown tables;
 * `npm run bench -- peer batch` runs only the sections named.
 */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in SECTIONS));
  if (unknown.length) {
    console.error(`unknown section ${unknown.join(', ')}; the sections are ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  console.log(`# TwitchScope benchmarks (${process.version}, ${new Date().toISOString()})`);
  for (const [name, section] of Object.entries(SECTIONS)) if (asked.length === 0 || asked.includes(name)) await section();
}

void main();
