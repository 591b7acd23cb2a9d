import { useCallback, useState } from 'react';
import type { ShortcutMode } from '../../core/platform/commands';

const KEY = 'twitchscope.shortcuts';

function initial(): ShortcutMode {
  const saved = localStorage.getItem(KEY);
  return saved === 'alt' || saved === 'off' ? saved : 'single';
}

/** Whether single-key shortcuts act, need Alt, or are off; remembered like the theme. */
export function useShortcutMode(): [ShortcutMode, (m: ShortcutMode) => void] {
  const [mode, setMode] = useState<ShortcutMode>(initial);
  const set = useCallback((m: ShortcutMode) => {
    localStorage.setItem(KEY, m);
    setMode(m);
  }, []);
  return [mode, set];
}
