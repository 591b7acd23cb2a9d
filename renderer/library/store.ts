/** The library's store over whatever the host offers; null when the host keeps no library. */
import type { LibraryStore } from '../../core/library';
import type { PlatformApi } from '../../core/platform/api';

export function platformLibraryStore(platform: PlatformApi): LibraryStore | null {
  const { loadLibrary, saveLibrary, setLibraryAside } = platform;
  if (!loadLibrary || !saveLibrary) return null;
  return {
    load: () => loadLibrary(),
    save: (text) => saveLibrary(text),
    ...(setLibraryAside && {
      // `Library.open` treats a failure here as "could not keep it", and then stays read-only.
      setAside: async (label: 'newer' | 'unreadable') => {
        const kept = await setLibraryAside(label);
        if (kept === null) throw new Error('the library could not be set aside');
        return kept;
      },
    }),
  };
}
