import { useCallback, useLayoutEffect, useState } from 'react';
import { readPalette, type Palette } from '../chart/event-style';

export type ThemeChoice = 'light' | 'dark';
const KEY = 'twitchscope.theme';

function initial(): ThemeChoice {
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light or dark, remembered; the canvas palette is re-read from CSS whenever it changes. */
export function useTheme(): { theme: ThemeChoice; palette: Palette; toggle(): void } {
  const [theme, setTheme] = useState<ThemeChoice>(initial);
  const [palette, setPalette] = useState<Palette | null>(null);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    setPalette(readPalette());
  }, [theme]);
  const toggle = useCallback(() => {
    setTheme((t) => {
      const next = t === 'dark' ? 'light' : 'dark';
      localStorage.setItem(KEY, next);
      return next;
    });
  }, []);
  return { theme, palette: palette ?? readPalette(), toggle };
}
