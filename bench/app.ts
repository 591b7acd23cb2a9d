/**
 * `npm run bench:app`: the web build in headless Chromium opens generated long recordings through the Open
 * button, as a user would, and prints per file: time to the import check and to the drawn timeline, the
 * longest progress stall, peak memory of all browser processes against the aim, and the time to analyse
 * again at another sensitivity.
 *
 *   npm run bench:app [-- --no-build] [-- 1h 8h 24h]   (default 1h 8h; 24h writes a 1.9 GB file once)
 *
 * Memory is the browser's whole process tree, sampled every 100 ms from /proc: RSS (pages counted once per
 * process) and PSS (shared pages split between the processes sharing them, so the sum is what the tree
 * costs). The aim (issue 22): 3 x the samples as float32 + the baseline (the same browser with the app open
 * and no file) + 400 MB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generatedCsv } from './generate';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const MB = 2 ** 20;

const FILES = {
  '1h': { minutes: 60, channels: 8, rateHz: 2000, what: '1 hour, 8 channels, 2 kHz' },
  '8h': { minutes: 480, channels: 2, rateHz: 1000, what: '8 hours, 2 channels, 1 kHz' },
  '24h': { minutes: 1440, channels: 2, rateHz: 1000, what: '24 hours, 2 channels, 1 kHz' },
} as const;
type FileKey = keyof typeof FILES;

function startServer(): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/web.mjs'), '--port', '0', '--quiet', ...(args.includes('--no-build') ? ['--no-build'] : [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ url: m[0], child });
    });
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`web server exited (${code}):\n${out}`)));
  });
}

/** Every process below `pid` whose command is the browser. */
function browserTree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while the list was read.
    }
  }
  const out: number[] = [];
  const below = (p: number): boolean => {
    for (let q = parent.get(p); q !== undefined && q > 1; q = parent.get(q)) if (q === pid) return true;
    return false;
  };
  for (const p of parent.keys()) {
    if (!below(p)) continue;
    try {
      if (/chrom/i.test(readFileSync(`/proc/${p}/comm`, 'utf8'))) out.push(p);
    } catch {
      // Ended meanwhile.
    }
  }
  return out;
}

/** Summed RSS and PSS of the browser's processes, in bytes. */
function treeMemory(): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  for (const p of browserTree(process.pid)) {
    try {
      const text = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0) * 1024;
      pss += Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return { rss, pss };
}

/** CPU seconds used so far by the browser's processes (all their threads: page, workers, GPU, network). */
function treeCpuS(): number {
  let ticks = 0;
  for (const p of browserTree(process.pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks / 100;
}

/** Samples the tree's memory until stopped: the peaks of each sum, overall and per phase named by `phase`, and the CPU time of each phase. */
function memorySampler(): { phase(name: string): void; stop(): { rss: number; pss: number; phases: Map<string, number>; cpu: Map<string, number> } } {
  const peak = { rss: 0, pss: 0 };
  const phases = new Map<string, number>();
  const cpu = new Map<string, number>();
  let current = 'start';
  let cpuAt = treeCpuS();
  const sample = (): void => {
    const m = treeMemory();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.pss = Math.max(peak.pss, m.pss);
    phases.set(current, Math.max(phases.get(current) ?? 0, m.pss));
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    phase(name) {
      sample();
      const now = treeCpuS();
      cpu.set(current, now - cpuAt);
      cpuAt = now;
      current = name;
    },
    stop() {
      this.phase('end');
      clearInterval(timer);
      return { ...peak, phases, cpu };
    },
  };
}

/** Records, in the page, each change of the progress dialog (title and percent) with its time. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: Array<{ t: number; text: string | null }> };
    w.__progress = [];
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="progress"]')?.textContent ?? null;
      if (w.__progress.at(-1)?.text !== text) w.__progress.push({ t: performance.now(), text });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function progressLog(page: Page): Promise<Array<{ t: number; text: string | null }>> {
  return page.evaluate(() => (window as unknown as { __progress: Array<{ t: number; text: string | null }> }).__progress);
}

/** The longest time the progress dialog showed without a change, and what it showed then. */
function longestStall(log: Array<{ t: number; text: string | null }>): { ms: number; text: string } {
  let worst = { ms: 0, text: '' };
  for (let i = 0; i + 1 < log.length; i++) {
    if (log[i].text === null) continue;
    const ms = log[i + 1].t - log[i].t;
    if (ms > worst.ms) worst = { ms, text: log[i].text! };
  }
  return worst;
}

async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Two frames after the timeline appears: it has been drawn. */
async function drawn(page: Page): Promise<void> {
  await page.getByTestId('timeline').waitFor({ timeout: 1_800_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function openAndAnalyse(page: Page, file: string, samples: number, baseline: { rss: number; pss: number }): Promise<void> {
  await watchProgress(page);
  const memory = memorySampler();
  const cpu0 = process.cpuUsage();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('open-recording').click()]);
  const t0 = await pageNow(page);
  memory.phase('opening');
  await chooser.setFiles(file);
  await page.getByTestId('import-check').waitFor({ timeout: 1_800_000 });
  memory.phase('import check');
  const tCheck = (await pageNow(page)) - t0;
  const tClick = await pageNow(page);
  memory.phase('analysis');
  await page.getByTestId('analyse').click();
  await drawn(page);
  memory.phase('timeline');
  const tAnalysed = (await pageNow(page)) - tClick;
  const opening = longestStall(await progressLog(page));

  // Another sensitivity: the time the progress shows (the run), and from the change to the new counts.
  await watchProgress(page);
  memory.phase('new sensitivity');
  const tChange = await pageNow(page);
  await page.getByTestId('sensitivity').fill('0.7');
  await page.locator('.counts', { hasText: 'Sensitivity 70 %' }).waitFor();
  // The run shows the progress dialog, however briefly, and is over when it closes.
  await page.waitForFunction(
    () => {
      const log = (window as unknown as { __progress: Array<{ text: string | null }> }).__progress;
      const shown = log.findIndex((p) => p.text !== null);
      return shown >= 0 && log.slice(shown).some((p) => p.text === null);
    },
    null,
    { timeout: 600_000, polling: 20 },
  );
  const log = await progressLog(page);
  const shown = log.find((p) => p.text !== null);
  const gone = log.findLast((p) => p.text === null)!;
  const peak = memory.stop();
  const cpu = process.cpuUsage(cpu0);
  const rerun = longestStall(log);

  const floats = samples * 4;
  const aim = 3 * floats + 400e6;
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const m = (b: number): string => `${Math.round(b / MB)} MiB`;
  console.log(`  file chosen -> import check: ${s(tCheck)}`);
  console.log(`  Analyse -> timeline drawn:   ${s(tAnalysed)}   (file chosen -> timeline: ${s(tCheck + tAnalysed)} plus the click)`);
  console.log(`  longest progress stall:      ${s(opening.ms)} ("${opening.text.replace(/Cancel$/, '').trim()}")${opening.ms > 1000 ? ' OVER 1 s' : ''}`);
  console.log(`  sensitivity 50 -> 70 %:      run ${shown ? s(gone.t - shown.t) : 'no progress shown'}, change -> new counts ${s(gone.t - tChange)} (250 ms of it the slider's pause); longest stall ${s(rerun.ms)}`);
  console.log(`  peak memory, all browser processes: PSS ${m(peak.pss)}, RSS ${m(peak.rss)}; above the baseline: PSS ${m(peak.pss - baseline.pss)}`);
  console.log(`  browser CPU time by phase (all processes and threads): ${[...peak.cpu].filter(([k]) => k !== 'start').map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`);
  console.log(`  peak PSS by phase: ${[...peak.phases].map(([k, v]) => `${k} ${m(v)}`).join(', ')}`);
  console.log(`  aim: 3 x float32 samples (${m(floats)}) + baseline (PSS ${m(baseline.pss)}) + 400 MB = ${m(aim + baseline.pss)}: ${peak.pss <= aim + baseline.pss ? 'within' : 'OVER'} (${((peak.pss - baseline.pss) / floats).toFixed(2)} x the samples above the baseline)`);
  console.log(`  bench process CPU (not the browser): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const keys = (args.filter((a) => a in FILES) as FileKey[]).length > 0 ? (args.filter((a) => a in FILES) as FileKey[]) : (['1h', '8h'] as FileKey[]);
  const files = keys.map((k) => {
    const f = FILES[k];
    const file = generatedCsv(f.minutes, f.channels, f.rateHz);
    return { key: k, file, samples: f.minutes * 60 * f.rateHz * f.channels, what: f.what };
  });
  const { url, child } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const load0 = os.loadavg()[0];
  try {
    for (const f of files) {
      // A fresh context per file: nothing of the last file's page stays in memory.
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e));
      page.on('crash', () => console.error('page crashed'));
      await page.goto(url);
      await page.getByTestId('open-recording').waitFor();
      // The app open and idle: the highest of a few seconds' samples, as the browser's own memory wanders.
      const baseline = { rss: 0, pss: 0 };
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(150);
        const m = treeMemory();
        baseline.rss = Math.max(baseline.rss, m.rss);
        baseline.pss = Math.max(baseline.pss, m.pss);
      }
      console.log(`${f.what}: ${path.basename(f.file)}, ${(statSync(f.file).size / MB).toFixed(0)} MiB, ${(f.samples / 1e6).toFixed(1)} M samples (${Math.round((f.samples * 4) / MB)} MiB as float32)`);
      console.log(`  baseline, app open and no file: PSS ${Math.round(baseline.pss / MB)} MiB, RSS ${Math.round(baseline.rss / MB)} MiB`);
      await openAndAnalyse(page, f.file, f.samples, baseline);
      if (args.includes('--shot')) await page.screenshot({ path: path.join(root, '.bench', `app-${f.key}.png`) });
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill();
  }
  // Wall times on a shared machine are other people's work too: the load says how much.
  console.log(`machine load (1 min average, ${os.cpus().length} CPUs): ${load0.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
