import { useEffect, useRef } from 'react';

/** Each new screen starts at its heading, so focus never falls back to the page after a change. */
export function useScreenFocus(screen: string): void {
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    document.querySelector<HTMLElement>('[data-screen-heading]')?.focus();
  }, [screen]);
}
