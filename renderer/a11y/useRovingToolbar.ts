import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = 'button:not(:disabled), input:not(:disabled), select:not(:disabled)';

/**
 * The WAI-ARIA toolbar pattern for a container with role="toolbar": one tab stop, Left/Right/Home/End move
 * between its controls. Controls that use arrows themselves (selects, sliders) keep them.
 */
export function useRovingToolbar(ref: RefObject<HTMLElement | null>): { onKeyDown(e: KeyboardEvent): void; onFocus(e: React.FocusEvent): void } {
  const current = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
    if (!current.current || !items.includes(current.current)) current.current = items[0] ?? null;
    for (const it of items) it.tabIndex = it === current.current ? 0 : -1;
  });
  const focusItem = (el: HTMLElement, items: HTMLElement[]) => {
    for (const it of items) it.tabIndex = it === el ? 0 : -1;
    current.current = el;
    el.focus();
  };
  return {
    onFocus(e) {
      const items = [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
      if (e.target instanceof HTMLElement && items.includes(e.target)) {
        for (const it of items) it.tabIndex = it === e.target ? 0 : -1;
        current.current = e.target;
      }
    },
    onKeyDown(e) {
      const t = e.target as HTMLElement;
      if (t.matches('select, input[type="range"], input[type="number"], input[type="text"]')) return;
      const items = [...(ref.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
      const i = items.indexOf(t);
      if (i < 0) return;
      const to = e.key === 'ArrowRight' ? (i + 1) % items.length : e.key === 'ArrowLeft' ? (i - 1 + items.length) % items.length : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      e.stopPropagation();
      focusItem(items[to], items);
    },
  };
}
