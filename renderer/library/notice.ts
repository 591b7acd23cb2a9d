/** What opening the library found, told once in plain words; nothing when all is as expected. */
import type { OpenNotice } from '../../core/library';

export function openNoticeText(n: OpenNotice): string | null {
  switch (n.kind) {
    case 'new':
      return null;
    case 'loaded':
    case 'migrated':
      return n.dropped > 0 ? `${n.dropped} library ${n.dropped === 1 ? 'entry was' : 'entries were'} unreadable and left out.` : null;
    case 'newer':
      return n.keptAt
        ? 'The library was saved by a newer version of TwitchScope. It was kept aside and a new library started.'
        : 'The library was saved by a newer version of TwitchScope. It is shown as it is and changes are not saved.';
    case 'unreadable':
      return n.keptAt
        ? `The library could not be read (${n.reason}). It was kept aside and a new library started.`
        : `The library could not be read (${n.reason}); changes are not saved so that it is not overwritten.`;
  }
}
