import { describe, expect, it } from 'vitest';
import { regrid } from '../../core/import/regrid';

/**
 * regrid walks a time column a block of rows at a time (16,384); what happens at a block's first and last
 * row, and what carries from block to block (the last time, the slots, the dropped count), must be what one
 * pass over the column gives. These columns put a jump, a step back and a pause at or beside block edges.
 */
const n = 50_000;

function clock(time: (i: number) => number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => time(i));
}

describe('regrid over a column longer than its blocks', () => {
  it('places a regular clock sample by sample, with no index', () => {
    const g = regrid(clock((i) => i / 1000));
    expect(g.identity).toBe(true);
    expect(g.index).toBeNull();
    expect(g.length).toBe(n);
    expect(g.rateHz).toBeCloseTo(1000, 6);
    expect(g.report).toMatchObject({ gaps: 0, duplicates: 0, nonMonotonic: 0 });
  });

  it('leaves two slots empty at a jump on the first row of a block, and drops a time going back on the last row of the next', () => {
    const t = clock((i) => (i >= 16_384 ? (i + 2) / 1000 : i / 1000));
    t[32_767] = t[32_766] - 0.0005;
    const g = regrid(t);
    expect(g.identity).toBe(false);
    const index = g.index!;
    expect(index[16_383]).toBe(16_383);
    expect(index[16_384]).toBe(16_386);
    expect(index[32_766]).toBe(32_768);
    expect(index[32_767]).toBe(-1);
    // The step from the last time in order is two intervals: the next slot, not a gap.
    expect(index[32_768]).toBe(32_769);
    expect(index[n - 1]).toBe(n);
    expect(g.length).toBe(n + 1);
    expect(g.dropped).toBe(1);
    expect(g.report).toMatchObject({ gaps: 1, nonMonotonic: 1, duplicates: 0 });
    expect(g.report.gapS).toBeCloseTo(0.003, 9);
  });

  it('stops where the grid would pass its longest, in the second block', () => {
    const t = clock((i) => i / 1000);
    const g = regrid(t, 20_000);
    expect(g.length).toBe(0);
    expect(g.tooLong).toEqual({ sample: 20_000, fromS: t[19_999], toS: t[20_000] });
  });

  it('keeps a pause of a packet-stamped clock at its stated rate, and the slots after it', () => {
    // Ten samples a packet at 1 kHz, stamped with the packet's time; the device pauses for a second.
    const g = regrid(clock((i) => Math.floor(i / 10) / 100 + (i >= 20_000 ? 1 : 0)), Infinity, 1000);
    expect(g.stated).toBe(true);
    expect(g.rateHz).toBe(1000);
    const index = g.index!;
    expect(index[19_999]).toBe(19_999);
    expect(index[20_000]).toBe(21_000);
    expect(index[n - 1]).toBe(n - 1 + 1000);
    expect(g.length).toBe(n + 1000);
    expect(g.dropped).toBe(0);
    expect(g.report.gaps).toBe(1);
    // The clock's lead measured over packets, each stamped at its first sample: within a packet of the pause.
    expect(Math.abs(g.report.gapS - 1)).toBeLessThan(0.01);
  });
});
