import type { RecentFile } from '../core/platform/api';

/** The recent-files list: newest first, one entry per path, capped so the menu stays short. */
export const MAX_RECENT = 10;

export function addRecent(list: readonly RecentFile[], entry: RecentFile, max = MAX_RECENT): RecentFile[] {
  return [entry, ...list.filter((item) => item.key !== entry.key)].slice(0, max);
}

export function removeRecent(list: readonly RecentFile[], key: string): RecentFile[] {
  return list.filter((item) => item.key !== key);
}
