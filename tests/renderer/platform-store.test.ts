import { describe, expect, it } from 'vitest';
import { Library, LibraryReadOnlyError, emptyLibrary, serializeLibrary, type LibraryEntry } from '../../core/library';
import { openNoticeText } from '../../renderer/library/notice';
import { platformLibraryStore } from '../../renderer/library/store';
import type { PlatformApi } from '../../core/platform/api';
import { libraryEntry } from '../support/library-entry';

/** The library methods of a host, over one text and an aside list, as the browser keeps them in IndexedDB. */
function host(initial: string | null, canSetAside = true) {
  const h = { text: initial, aside: [] as string[], saves: 0 };
  const platform = {
    loadLibrary: async () => h.text,
    saveLibrary: async (text: string) => {
      h.saves++;
      h.text = text;
    },
    setLibraryAside: async (label: 'newer' | 'unreadable') => {
      if (!canSetAside || h.text === null) return null;
      h.aside.push(h.text);
      h.text = null;
      return `index.${label}-1`;
    },
  } as unknown as PlatformApi;
  return { h, platform };
}

function entry(fingerprint: string): LibraryEntry {
  return libraryEntry(fingerprint, `${fingerprint}.csv|100|1`, `${fingerprint}.csv`);
}

const NEWER = '{"schema":"twitchscope.library","version":9,"entries":[]}';

describe('library store over the platform', () => {
  it('is absent on a host without library methods', () => {
    expect(platformLibraryStore({} as PlatformApi)).toBeNull();
  });

  it('keeps what was recorded and tagged for the next time the app opens', async () => {
    const { h, platform } = host(null);
    const first = await Library.open(platformLibraryStore(platform)!);
    expect(openNoticeText(first.notice)).toBeNull();
    await first.library.record(entry('a'));
    await first.library.record(entry('b'));
    await first.library.setTags('b', ['Caffeine', ' poor  sleep ']);
    await first.library.remove('a');
    const again = await Library.open(platformLibraryStore(platform)!);
    expect(again.library.entries.map((e) => [e.fingerprint, e.tags])).toEqual([['b', ['caffeine', 'poor sleep']]]);
    expect(h.saves).toBe(4);
  });

  it('sets a newer index aside and starts afresh, saying so', async () => {
    const { h, platform } = host(NEWER);
    const { library, notice } = await Library.open(platformLibraryStore(platform)!);
    expect(library.readOnly).toBe(false);
    expect(h.aside).toEqual([NEWER]);
    expect(openNoticeText(notice)).toMatch(/newer version.*kept aside/);
    await library.record(entry('a'));
    expect(h.text).toContain('"fingerprint": "a"');
  });

  it('stays read-only, and never overwrites the index, when the host cannot set it aside', async () => {
    const { h, platform } = host(NEWER, false);
    const { library, notice } = await Library.open(platformLibraryStore(platform)!);
    expect(library.readOnly).toBe(true);
    expect(openNoticeText(notice)).toMatch(/changes are not saved/);
    await expect(library.record(entry('a'))).rejects.toBeInstanceOf(LibraryReadOnlyError);
    expect(h.text).toBe(NEWER);
    expect(h.saves).toBe(0);
  });

  it('tells how many unreadable entries were left out', async () => {
    const text = serializeLibrary({ ...emptyLibrary(), entries: [entry('a')] }).replace('"entries": [', '"entries": [{"no":"fingerprint"}, ');
    const { platform } = host(text);
    const { library, notice } = await Library.open(platformLibraryStore(platform)!);
    expect(library.entries).toHaveLength(1);
    expect(openNoticeText(notice)).toBe('1 library entry was unreadable and left out.');
  });
});
