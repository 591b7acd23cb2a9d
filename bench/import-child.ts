// Runs one import in a fresh process so its peak memory (maxRSS) belongs to the import alone.
import fs from 'node:fs';
import { importRecording } from '../core/import';
import { fileSource } from '../cli/node-source';

async function main(): Promise<void> {
  const file = process.argv[2];
  const t0 = performance.now();
  const fd = fs.openSync(file, 'r');
  const buf = new Uint8Array(1 << 20);
  let pos = 0;
  let n: number;
  while ((n = fs.readSync(fd, buf, 0, buf.length, pos)) > 0) pos += n;
  fs.closeSync(fd);
  const readMs = performance.now() - t0;
  const rss0 = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  const source = await fileSource(file);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const rec = await importRecording(source);
  const importMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await source.close();
  const samples = rec.channels.reduce((s, c) => s + c.data.length, 0);
  const floatBytes = rec.channels.reduce((s, c) => s + c.data.byteLength, 0);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ bytes: pos, readMs, importMs, cpuMs, samples, floatBytes, rss0, maxBefore, peak }));
}

void main();
