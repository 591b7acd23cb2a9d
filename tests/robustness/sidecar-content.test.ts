// Saved work of this schema version holding things this build does not know (issue 13, defect 5): nothing in
// it may be lost, and the detection settings it carries are used and saved back as they are.
import * as fs from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreFromSidecar } from '../../core/review/restore';
import { parseSidecar } from '../../core/review/sidecar';
import { SidecarStore, sidecarBeside } from '../../electron/files/sidecar';
import { savedWorkText } from '../../renderer/session/saved-work';
import { initialState, reduce } from '../../renderer/session/state';
import type { LoadedRecording } from '../../renderer/worker/protocol';

const FP = 'fp-1';

/** A version-1 sidecar as a later build might write it, with `extra` merged over the known fields. */
function sidecarWith(extra: Record<string, unknown>): string {
  return JSON.stringify(
    {
      schema: 'twitchscope.review',
      version: 1,
      savedAt: '2026-11-01T10:00:00.000Z',
      recording: { file: 'calf.csv', fingerprint: FP },
      subject: 'AB',
      sites: { emg1: 'left calf' },
      edits: [{ action: 'reject', channel: 'emg1', peakS: 3 }],
      sensitivity: 0.4,
      params: {},
      answers: { weakness: 'no' },
      ...extra,
    },
    null,
    2,
  );
}

const UNKNOWN: Array<[string, Record<string, unknown>, RegExp]> = [
  ['an unknown top-level field', { annotations: [{ t: 12, text: 'coffee' }] }, /field "annotations"/],
  ['an edit action this build does not know', { edits: [{ action: 'reject', channel: 'emg1', peakS: 3 }, { action: 'split', channel: 'emg1', peakS: 9 }] }, /1 review edit/],
  ['an edit with a field this build does not know', { edits: [{ action: 'reject', channel: 'emg1', peakS: 3, note: 'leg moved' }] }, /1 review edit/],
  ['a detection setting this build does not know', { params: { emg: { twitchK: 6 }, 'emg.futureKnob': 3 } }, /detection setting "emg.futureKnob"/],
  ['a site that is not text', { sites: { emg1: 'left calf', emg2: { side: 'left' } } }, /site of emg2/],
  ['a field of the wrong type', { subject: 42 }, /subject/],
];

async function folders(): Promise<{ dir: string; recording: string; userData: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'twitchscope-content-'));
  return { dir, recording: join(dir, 'calf.csv'), userData: join(dir, 'user-data') };
}

describe('a version-1 sidecar with content this build cannot use', () => {
  for (const [what, extra, named] of UNKNOWN) {
    it(`${what}: the file is kept aside byte for byte before the first save`, async () => {
      const { dir, recording, userData } = await folders();
      const original = sidecarWith(extra);
      await fs.writeFile(sidecarBeside(recording), original);
      let n = 0;
      const store = new SidecarStore({ fs, userDataDir: userData, uniqueSuffix: () => `c${++n}` });
      const restored = restoreFromSidecar(await store.load(recording), FP, () => 'earlier');
      expect(restored.restored).not.toBeNull();
      expect(restored.notice).toMatch(named);
      const saved = await store.save(recording, sidecarWith({}));
      expect(saved.keptAside?.reason).toMatch(named);
      expect(await fs.readFile(saved.keptAside!.path, 'utf8')).toBe(original);
      expect((await fs.readdir(dir)).filter((f) => f.includes('.kept-'))).toHaveLength(1);
    });
  }

  it('a file this build reads whole is updated in place, with no copy', async () => {
    const { dir, recording, userData } = await folders();
    await fs.writeFile(sidecarBeside(recording), sidecarWith({ params: { emg: { twitchK: 6 } } }));
    const store = new SidecarStore({ fs, userDataDir: userData, uniqueSuffix: () => 'x' });
    await store.load(recording);
    expect((await store.save(recording, sidecarWith({}))).keptAside).toBeUndefined();
    expect((await fs.readdir(dir)).filter((f) => f.includes('.kept-'))).toEqual([]);
  });
});

describe('detection settings in saved work', () => {
  it('are restored, kept in the session and saved back as they were', () => {
    const params = { emg: { twitchK: 6 }, 'accel.minSnr': 4 };
    const parsed = parseSidecar(sidecarWith({ params }));
    expect(parsed.ok && parsed.dropped).toEqual([]);
    const { restored } = restoreFromSidecar(sidecarWith({ params }), FP, () => 'earlier');
    expect(restored?.params).toEqual(params);
    const file = { name: 'calf.csv', size: 10, key: '/data/calf.csv', read: async () => new Uint8Array(0) };
    const loaded = { recording: { fingerprint: FP }, pyramids: {} } as unknown as LoadedRecording;
    const state = reduce(initialState, { type: 'opened', file, settings: {}, loaded, restored, notice: null });
    const text = savedWorkText(state, new Date('2026-11-02T00:00:00Z'));
    const back = parseSidecar(text!);
    expect(back.ok && back.sidecar.params).toEqual(params);
    expect(back.ok && back.sidecar.sensitivity).toBe(0.4);
  });
});
