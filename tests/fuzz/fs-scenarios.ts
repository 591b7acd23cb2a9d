// Files that are not files, for `npm run fuzz` (issue 13, defect 3): a FIFO or a device where the command
// line, the desktop shell's stores or its reader expect a regular file. Each must settle within a second or
// two, with a refusal or a result; waiting longer is a hang.
import * as fs from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSource } from '../../cli/node-source';
import { readRange } from '../../electron/files/read-range';
import { SidecarStore, sidecarBeside } from '../../electron/files/sidecar';
import { SettingsStore } from '../../electron/settings/store';
import { fileLibraryStore } from '../../node/library-file-store';
import { makeFifo, releaseFifo, withinMs } from '../support/fifo';

export type FsOutcome = 'settled' | 'hang' | { internal: string };

const LIMIT_MS = 2000;

/** The stand-ins for a regular file: a FIFO nobody writes, and a device that never ends. */
type Oddity = 'fifo' | 'device';

interface Scenario {
  name: string;
  /** Where the odd file goes, in a fresh folder. */
  place: (dir: string) => string;
  /** The work that must settle; a refusal counts as settling, as long as it is not a TypeError and the like. */
  run: (dir: string, odd: string) => Promise<unknown>;
}

const SCENARIOS: Scenario[] = [
  { name: 'command-line recording', place: (d) => join(d, 'stream.csv'), run: async (_d, odd) => (await fileSource(odd)).close() },
  { name: 'granted recording read', place: (d) => join(d, 'calf.csv'), run: (_d, odd) => readRange(fs, odd, 0, 4096) },
  {
    name: 'saved work beside a recording',
    place: (d) => sidecarBeside(join(d, 'calf.csv')),
    run: async (d) => {
      const store = new SidecarStore({ fs, userDataDir: join(d, 'user-data'), uniqueSuffix: () => 'f' });
      await store.load(join(d, 'calf.csv')).catch(() => null);
      await store.save(join(d, 'calf.csv'), '{}');
    },
  },
  {
    name: 'settings',
    place: (d) => join(d, 'settings.json'),
    run: (d) => new SettingsStore({ fs, dir: d, now: () => new Date(), uniqueSuffix: () => 'f', onSetAside: () => undefined }).load(),
  },
  { name: 'library index', place: (d) => join(d, 'library.json'), run: (_d, odd) => fileLibraryStore({ fs, path: odd, now: () => new Date(), uniqueSuffix: () => 'f' }).load() },
];

export const FS_SCENARIO_COUNT = SCENARIOS.length * 2;

/** Runs scenario `k` (cycling through every place and both oddities) in a folder of its own. */
export async function runFsScenario(k: number): Promise<{ name: string; outcome: FsOutcome }> {
  const scenario = SCENARIOS[k % SCENARIOS.length];
  const oddity: Oddity = Math.floor(k / SCENARIOS.length) % 2 === 0 || process.platform === 'win32' ? 'fifo' : 'device';
  const dir = mkdtempSync(join(tmpdir(), 'twitchscope-fuzz-fs-'));
  const odd = scenario.place(dir);
  if (oddity === 'fifo') makeFifo(odd);
  else await fs.symlink('/dev/zero', odd);
  const name = `${scenario.name} (${oddity === 'fifo' ? 'FIFO' : '/dev/zero'})`;
  try {
    const result = await withinMs(LIMIT_MS, scenario.run(dir, odd));
    if (result === 'blocked') return { name, outcome: 'hang' };
    if ('error' in result && (result.error instanceof TypeError || result.error instanceof RangeError)) return { name, outcome: { internal: String(result.error) } };
    return { name, outcome: 'settled' };
  } finally {
    if (oddity === 'fifo') await releaseFifo(odd);
    await fs.rm(dir, { recursive: true, force: true });
  }
}
