import { useEffect, useState, type RefObject, type UIEvent } from 'react';

export const ROW_H = 28;

/**
 * Which rows of a long list to render (those in view, and a few either side), and the current row kept in
 * view below the sticky header as the keys move it.
 */
export function useRowWindow(scroller: RefObject<HTMLDivElement | null>, rowCount: number, activeIndex: number | null) {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(400);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [scroller]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || activeIndex === null) return;
    const top = activeIndex * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + 2 * ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + 2 * ROW_H - el.clientHeight;
  }, [scroller, activeIndex]);

  return {
    first: Math.max(0, Math.floor(scrollTop / ROW_H) - 5),
    last: Math.min(rowCount, Math.ceil((scrollTop + viewH) / ROW_H) + 5),
    /** Rows a page key moves by. */
    pageRows: Math.max(1, Math.floor(viewH / ROW_H) - 2),
    onScroll: (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop),
  };
}
