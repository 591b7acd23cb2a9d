import type { MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { sidecarNotices } from '../../electron/files/sidecar-notices';

describe('what the user is told after saved work was written', () => {
  const setUp = () => {
    const shown: [number, MessageBoxOptions][] = [];
    const logged: string[] = [];
    const notify = sidecarNotices((id, box) => shown.push([id, box]), (line) => logged.push(line));
    return { shown, logged, notify };
  };

  it('says nothing when the work went beside the recording', () => {
    const { shown, logged, notify } = setUp();
    notify(1, { where: 'beside', path: '/r/a.csv.twitchscope.json' });
    expect(shown).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('says once per recording that the work is kept in the app folder, in the window that saved it', () => {
    const { shown, logged, notify } = setUp();
    notify(2, { where: 'user-data', path: '/u/sidecars/x.json' });
    notify(2, { where: 'user-data', path: '/u/sidecars/x.json' });
    notify(3, { where: 'user-data', path: '/u/sidecars/y.json' });
    expect(shown.map(([id, box]) => [id, box.message])).toEqual([
      [2, 'Your work on this recording is kept in TwitchScope’s own folder.'],
      [3, 'Your work on this recording is kept in TwitchScope’s own folder.'],
    ]);
    expect(shown[0][1].detail).toContain('/u/sidecars/x.json');
    expect(logged).toHaveLength(2);
  });

  it('says every time earlier work was kept aside, with where it went and why', () => {
    const { shown, notify } = setUp();
    const keptAside = { path: '/r/a.csv.twitchscope.kept-1.json', reason: 'It was written by a newer TwitchScope.' };
    notify(1, { where: 'beside', path: '/r/a.csv.twitchscope.json', keptAside });
    notify(1, { where: 'beside', path: '/r/a.csv.twitchscope.json', keptAside });
    expect(shown).toHaveLength(2);
    expect(shown[0][1].message).toBe('Earlier saved work on this recording was kept.');
    expect(shown[0][1].detail).toContain(keptAside.path);
    expect(shown[0][1].detail).toContain(keptAside.reason);
  });
});
