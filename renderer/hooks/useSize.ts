import { useEffect, useState, type RefObject } from 'react';

/** An element's size in CSS pixels, kept current; charts draw at real size so text stays legible. */
export function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setSize((s) => {
        const width = Math.floor(el.clientWidth);
        const height = Math.floor(el.clientHeight);
        return s.width === width && s.height === height ? s : { width, height };
      });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

export function useWidth(ref: RefObject<HTMLElement | null>): number {
  return useSize(ref).width;
}
