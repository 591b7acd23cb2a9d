import { butterworthBandpass, butterworthHighpass, cascade, notch, type Sos } from './sos';

const cache = new Map<string, Sos>();

/**
 * Band-pass (plus optional notches) designed once per (rate, band, notch set): an hour of data cut into
 * many gap-free runs reuses one design.
 */
export function bandpassDesign(order: number, lowHz: number, highHz: number, fs: number, notches: ReadonlyArray<{ hz: number; q: number }> = []): Sos {
  const key = `${order}|${lowHz}|${highHz}|${fs}|${notches.map((n) => `${n.hz.toFixed(3)}/${n.q.toFixed(3)}`).join(',')}`;
  let design = cache.get(key);
  if (!design) {
    const band = highHz < fs / 2 ? butterworthBandpass(order, lowHz, highHz, fs) : butterworthHighpass(order, lowHz, fs);
    design = cascade(band, ...notches.map((n) => notch(n.hz, n.q, fs)));
    if (cache.size > 64) cache.clear();
    cache.set(key, design);
  }
  return design;
}
