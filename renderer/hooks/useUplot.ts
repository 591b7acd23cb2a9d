import { useEffect, useRef, useState, type RefObject } from 'react';
import uPlot from 'uplot';

/**
 * The one place uPlot is created and destroyed. The chart is rebuilt only when `opts` changes identity
 * (callers memoise it); size follows the container; data is pushed by the caller through the returned ref.
 */
export function useUplot(container: RefObject<HTMLDivElement | null>, opts: uPlot.Options | null, seriesCount: number) {
  const chart = useRef<uPlot | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const el = container.current;
    if (!el || !opts) return;
    const empty = Array.from({ length: seriesCount }, () => [] as number[]) as uPlot.AlignedData;
    const u = new uPlot({ ...opts, width: Math.max(50, el.clientWidth) }, empty, el);
    chart.current = u;
    setGeneration((g) => g + 1);
    const ro = new ResizeObserver(() => {
      const w = Math.max(50, el.clientWidth);
      if (w !== u.width) {
        u.setSize({ width: w, height: opts.height });
        setGeneration((g) => g + 1);
      }
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      chart.current = null;
    };
  }, [container, opts, seriesCount]);

  return { chart, generation };
}
