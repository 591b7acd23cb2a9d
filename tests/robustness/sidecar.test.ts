import fc from 'fast-check';
import * as fs from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killWriterAt } from '../support/kill-writer';
import { keepAsideReason, parseSidecar, sidecarMatches } from '../../core/review/sidecar';
import { loadSidecar, SidecarStore, sidecarBeside, sidecarInUserData, type SidecarDeps } from '../../electron/files/sidecar';
import type { FileSystemLike } from '../../node/fs/types';
import { workText } from './work';

const WRITER = join(__dirname, 'fixtures', 'sidecar-writer.ts');

function folders(): { dir: string; recording: string; userData: string } {
  const dir = mkdtempSync(join(tmpdir(), 'twitchscope-robust-'));
  return { dir, recording: join(dir, 'calf.csv'), userData: join(dir, 'user-data') };
}

let counter = 0;
const deps = (userDataDir: string, fsLike: FileSystemLike = fs): SidecarDeps => ({ fs: fsLike, userDataDir, uniqueSuffix: () => `t${++counter}` });


describe('saved work survives a writer killed mid-write', () => {
  it('keeps the old sidecar whole and readable when the app dies halfway through saving', async () => {
    const { recording, userData } = folders();
    const old = workText(300, 'before');
    await fs.writeFile(sidecarBeside(recording), old);
    await killWriterAt(WRITER, ['pause', recording, userData], 'HALF');
    const after = await loadSidecar(deps(userData), recording);
    expect(after).toBe(old);
    const parsed = parseSidecar(after!);
    expect(parsed.ok && parsed.sidecar.subject).toBe('before');
  });

  it('leaves one complete, readable version whenever a saving loop is killed', async () => {
    for (const delayMs of [30, 120, 260]) {
      const { recording, userData } = folders();
      await fs.writeFile(sidecarBeside(recording), workText(20_000, 'version 0'));
      await killWriterAt(WRITER, ['loop', recording, userData], 'READY', delayMs);
      const parsed = parseSidecar((await loadSidecar(deps(userData), recording))!);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.sidecar.subject).toMatch(/^version \d+$/);
        expect(parsed.sidecar.edits).toHaveLength(20_000);
      }
    }
  });
});

describe('saved work this version cannot take over is kept aside, not overwritten', () => {
  const newer = JSON.stringify({ schema: 'twitchscope.review', version: 2, recording: { fingerprint: 'fp-1' }, futureField: [1, 2, 3] });
  const cases: Array<[string, string, RegExp]> = [
    ['from a newer version', newer, /version 2/],
    ['broken JSON', '{"schema":"twitchscope.review","version":1,"edits":[', /not valid JSON/],
    ['not a TwitchScope file', '{"hello":"world"}', /not a TwitchScope file/],
    ['for earlier content of the recording', workText(3, 'old content', 'fp-0'), /earlier content/],
  ];

  for (const [what, existing, reason] of cases) {
    it(`${what}: moved beside, byte for byte, with the reason, and the new work written`, async () => {
      const { dir, recording, userData } = folders();
      await fs.writeFile(sidecarBeside(recording), existing);
      const next = workText(5, 'now');
      const store = new SidecarStore(deps(userData));
      expect(await store.load(recording)).toBe(existing);
      const saved = await store.save(recording, next);
      expect(saved.keptAside?.reason).toMatch(reason);
      expect(saved.keptAside?.path).toMatch(/calf\.csv\.twitchscope\.kept-t\d+\.json$/);
      expect(await fs.readFile(saved.keptAside!.path, 'utf8')).toBe(existing);
      expect(await fs.readFile(sidecarBeside(recording), 'utf8')).toBe(next);
      // The next autosave updates our own file in place: nothing more is moved.
      const again = await store.save(recording, workText(6, 'now'));
      expect(again.keptAside).toBeUndefined();
      expect((await fs.readdir(dir)).filter((f) => f.includes('.kept-'))).toHaveLength(1);
    });
  }

  it('in the fallback folder too, when the recording folder is read-only', async () => {
    const { dir, recording, userData } = folders();
    const fallback = sidecarInUserData(userData, recording);
    await fs.mkdir(join(userData, 'sidecars'), { recursive: true });
    await fs.writeFile(fallback, newer);
    const refuse = () => Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    const readOnly: FileSystemLike = {
      ...fs,
      open: async (path, flags, mode) => {
        if (path.startsWith(dir + '/.') && typeof flags === 'string') throw refuse();
        return fs.open(path, flags, mode);
      },
    };
    const store = new SidecarStore(deps(userData, readOnly));
    expect(await store.load(recording)).toBe(newer);
    const saved = await store.save(recording, workText(5, 'now'));
    expect(saved.where).toBe('user-data');
    expect(await fs.readFile(saved.keptAside!.path, 'utf8')).toBe(newer);
  });

  it('plain updates of our own work replace it without keeping copies', () => {
    expect(keepAsideReason(workText(3, 'a'), workText(4, 'b'))).toBeNull();
    expect(keepAsideReason(workText(3, 'a', 'fp-0'), workText(4, 'b', 'fp-1'))).toMatch(/earlier content/);
  });
});

describe('reading damaged saved work', () => {
  it('any text, cut or scrambled JSON of a sidecar, or odd JSON values: a readable sidecar or a reason, never a throw', () => {
    const good = workText(4, 'subject');
    const texts = fc.oneof(
      fc.string(),
      fc.json(),
      fc.nat({ max: good.length }).map((n) => good.slice(0, n)),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.string({ minLength: 1, maxLength: 4 })).map(([at, junk]) => good.slice(0, at) + junk + good.slice(at + 1)),
      fc.record({ schema: fc.constant('twitchscope.review'), version: fc.constant(1), recording: fc.anything(), sites: fc.anything(), edits: fc.anything(), sensitivity: fc.anything(), params: fc.anything() }).map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const r = parseSidecar(text);
        if (r.ok) {
          expect(typeof r.sidecar.recording.fingerprint).toBe('string');
          expect(Array.isArray(r.sidecar.edits)).toBe(true);
          expect(typeof sidecarMatches(r.sidecar, 'fp-1')).toBe('boolean');
        } else {
          expect(r.reason.length).toBeGreaterThan(0);
        }
        expect(() => keepAsideReason(text, good)).not.toThrow();
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});
