import { run as analysisBench } from './analysis';
import { run as batchBench } from './batch';
import { run as edfBench } from './edf';
import { run as importBench } from './import';
import { run as largeBench } from './large';

/** `npm run bench`: every speed and memory figure the issues set goals for, printed as Markdown tables. */
async function main(): Promise<void> {
  console.log(`# TwitchScope benchmarks (${process.version}, ${new Date().toISOString()})`);
  await importBench();
  await edfBench();
  await analysisBench();
  await batchBench();
  await largeBench();
}

void main();
